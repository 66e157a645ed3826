package cli

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/ask"
	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/prompter"
	"github.com/advisor-dev/advisor/internal/testfixture"
)

// question is the fixture catalog's question id with all its keys open:
// the test's own screens, so that a change to rules/catalog.yaml does not
// fail it.
func question(t *testing.T, id string) ask.Candidate {
	t.Helper()
	cat := &testfixture.Rules(t).Catalog
	for _, q := range cat.Asked() {
		if q.ID != id {
			continue
		}
		c := ask.Candidate{Question: q}
		for _, name := range q.Keys {
			k, _ := cat.Lookup(name)
			c.Keys = append(c.Keys, k)
		}
		return c
	}
	t.Fatalf("the catalog has no question %s", id)
	return ask.Candidate{}
}

// summary writes answers as "key=value must|prefer", in order.
func summary(answers []ask.Answer) string {
	var parts []string
	for _, a := range answers {
		kind := "prefer"
		if a.Must {
			kind = "must"
		}
		parts = append(parts, fmt.Sprintf("%s=%s %s", a.Key, a.Value, kind))
	}
	return strings.Join(parts, "; ")
}

func TestAskQuestion(t *testing.T) {
	tests := []struct {
		name     string
		question string
		script   map[string][]string
		want     string
		wantErr  error
		asked    string // the prompts shown
	}{
		{
			name: "ticks, kept as musts", question: "capabilities",
			script: map[string][]string{"capabilities": {"fanout,serverless"}},
			want:   "fanout=true must; serverless=true must", asked: "capabilities must",
		},
		{
			name: "nothing ticked asks nothing more", question: "capabilities",
			want: "", asked: "capabilities",
		},
		{
			name: "nice to have, one of them a must after all", question: "capabilities",
			script: map[string][]string{"capabilities": {"fanout,replay"}, "must": {"no"}, "must-after-all": {"replay"}},
			want:   "fanout=true prefer; replay=true must", asked: "capabilities must must-after-all",
		},
		{
			name: "one answer nice to have is not asked again", question: "capabilities",
			script: map[string][]string{"capabilities": {"fanout"}, "must": {"no"}},
			want:   "fanout=true prefer", asked: "capabilities must",
		},
		{
			name: "that's enough keeps what was ticked with it", question: "capabilities",
			script: map[string][]string{"capabilities": {"fanout,done"}},
			want:   "fanout=true must", wantErr: prompter.ErrEnough, asked: "capabilities",
		},
		{
			name: "choices, Enter alone for no preference", question: "guarantees",
			script: map[string][]string{"ordering": {"per-key"}, "latency": {"realtime"}},
			want:   "ordering=per-key must; latency=realtime must", asked: "ordering latency must",
		},
		{
			name: "that's enough after a choice", question: "guarantees",
			script: map[string][]string{"ordering": {"strict"}, "latency": {"done"}},
			want:   "ordering=strict must", wantErr: prompter.ErrEnough, asked: "ordering latency",
		},
		{
			name: "a list's values", question: "existing",
			script: map[string][]string{"protocols": {"mqtt,amqp"}},
			want:   "protocols=amqp, mqtt must", asked: "protocols must",
		},
		{
			name: "numbers, a refused one asked again", question: "numbers",
			script: map[string][]string{"throughput": {"lots", "5k/s"}, "retention": {"7d"}, "must": {"no"}, "must-after-all": {"retention"}},
			want:   "throughput=5k/s prefer; retention=7d must", asked: "throughput throughput message_size retention delay must must-after-all",
		},
		{
			name: "Ctrl-C", question: "numbers",
			script:  map[string][]string{"throughput": {"abort"}},
			wantErr: prompter.ErrAborted, asked: "throughput",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			script := tt.script
			if script == nil {
				script = map[string][]string{}
			}
			p := &scriptedPrompter{t: t, script: script}
			answers, err := askQuestion(p, question(t, tt.question))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if got := summary(answers); got != tt.want {
				t.Errorf("answers %q, want %q", got, tt.want)
			}
			if got := strings.Join(p.asked, " "); got != tt.asked {
				t.Errorf("asked %q, want %q", got, tt.asked)
			}
		})
	}
}

// A count is asked like the other quantities: typed, checked as it is
// typed (a fraction, zero or a word asked again), Enter for no preference.
func TestAskCount(t *testing.T) {
	consumers := &catalog.Key{Key: "consumers", Type: catalog.Integer, Title: "Consumers", Examples: []string{"3", "200"},
		Question: "How many independent applications must each get every message?"}
	c := question(t, "numbers")
	c.Keys = append(c.Keys, consumers)
	p := &scriptedPrompter{t: t, script: map[string][]string{"consumers": {"1.5", "0", "many", "unlimited", "150"}}}
	answers, err := askQuestion(p, c)
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(answers); got != "consumers=150 must" {
		t.Errorf("answers %q", got)
	}
	if len(answers) == 1 && (answers[0].Value.Type != catalog.Integer || answers[0].Value.Num != 150) {
		t.Errorf("value %+v", answers[0].Value)
	}
	if got := strings.Join(p.asked, " "); got != "throughput message_size retention delay consumers consumers consumers consumers consumers must" {
		t.Errorf("asked %q", got)
	}

	p = &scriptedPrompter{t: t, script: map[string][]string{}}
	if answers, err := askQuestion(p, ask.Candidate{Keys: []*catalog.Key{consumers}}); err != nil || len(answers) != 0 {
		t.Errorf("Enter alone: %v, %v", answers, err)
	}
}

// The first screen ticks what the messaging is for from the catalog's use
// cases, each shown with its meaning: what is ticked becomes the
// requirements' use_case, in catalog order; Enter alone ticks none; and
// neither asks whether they are must-haves, as use cases are neither.
func TestAskUseCases(t *testing.T) {
	set, base := testfixture.Base(t)
	tests := []struct {
		name    string
		answer  []string
		want    string // the saved file's use_case line
		wantErr error
	}{
		{name: "two, kept in catalog order", answer: []string{"event-sourcing,broadcast"}, want: "use_case: [broadcast, event-sourcing]\n"},
		{name: "Enter alone: none", want: ""},
		{name: "that's enough keeps what was ticked with it", answer: []string{"work-queue,done"}, want: "use_case: [work-queue]\n", wantErr: prompter.ErrEnough},
		{name: "Ctrl-C", answer: []string{"abort"}, wantErr: prompter.ErrAborted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ask.New(set, base, nil)
			c, ok := s.Next()
			if !ok || c.Question.ID != ask.UseCase || c.Question.Title != "What is the messaging for?" || len(c.UseCases) != 4 || len(c.Keys) != 0 {
				t.Fatalf("first screen %+v, %v", c, ok)
			}
			script := map[string][]string{}
			if tt.answer != nil {
				script["use_case"] = tt.answer
			}
			p := &recordingPrompter{scriptedPrompter: scriptedPrompter{t: t, script: script}}
			answers, err := askQuestion(p, c)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if got := strings.Join(p.asked, " "); got != "use_case" {
				t.Errorf("asked %q", got)
			}
			if want := "notifications: alert people or systems: push, SMS, email, alarms"; len(p.options) == 0 || p.options[0].Label != want || p.options[0].Value != "notifications" {
				t.Errorf("options %+v, want the first %q", p.options, want)
			}
			s.Record(c.Question, answers)
			out, err := requirementsYAML(s.Req)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(out); got != "version: 1\n"+tt.want {
				t.Errorf("saved\n%s", got)
			}
			if next, ok := s.Next(); ok && next.Question.ID == ask.UseCase {
				t.Errorf("the use case screen is asked twice")
			}
		})
	}
}

// recordingPrompter is a scriptedPrompter that keeps the options of the
// last multi-select it showed.
type recordingPrompter struct {
	scriptedPrompter
	options []prompter.Option
}

func (r *recordingPrompter) MultiSelect(p prompter.Prompt, options []prompter.Option) ([]string, error) {
	r.options = options
	return r.scriptedPrompter.MultiSelect(p, options)
}

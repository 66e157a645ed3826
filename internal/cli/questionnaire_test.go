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

// question is the fixture's question id (ask.Checklist or ask.Numbers)
// with all its keys open: the test's own rules and knowledge, so that a
// change to rules/catalog.yaml does not fail it.
func question(t *testing.T, id string) ask.Candidate {
	t.Helper()
	set, base := testfixture.Base(t)
	for _, c := range ask.New(set, base, nil).Candidates() {
		if c.Question.ID == id {
			return c
		}
	}
	t.Fatalf("no question %s", id)
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
			name: "ticks, kept as musts", question: ask.Checklist,
			script: map[string][]string{ask.Checklist: {"fanout,serverless"}},
			want:   "fanout=true must; serverless=true must", asked: ask.Checklist,
		},
		{
			name: "nothing ticked", question: ask.Checklist,
			want: "", asked: ask.Checklist,
		},
		{
			name: "nice to have on the answer itself", question: ask.Checklist,
			script: map[string][]string{ask.Checklist: {"fanout,~replay"}},
			want:   "fanout=true must; replay=true prefer", asked: ask.Checklist,
		},
		{
			name: "that's enough keeps what was ticked with it", question: ask.Checklist,
			script: map[string][]string{ask.Checklist: {"fanout,done"}},
			want:   "fanout=true must", wantErr: prompter.ErrEnough, asked: ask.Checklist,
		},
		{
			name: "an enum's value and a list's values", question: ask.Checklist,
			script: map[string][]string{ask.Checklist: {"ordering=per-key,protocols=mqtt,~protocols=amqp"}},
			want:   "ordering=per-key must; protocols=mqtt, amqp must", asked: ask.Checklist,
		},
		{
			name: "back", question: ask.Checklist,
			script:  map[string][]string{ask.Checklist: {"back"}},
			wantErr: prompter.ErrBack, asked: ask.Checklist,
		},
		{
			name: "numbers on one line, a refused one asked again", question: ask.Numbers,
			script: map[string][]string{ask.Numbers: {"throughput=lots", "throughput=5k/s, ~retention 7d"}},
			want:   "throughput=5k/s must; retention=7d prefer", asked: ask.Numbers + " " + ask.Numbers,
		},
		{
			name: "numbers: a name not offered is refused", question: ask.Numbers,
			script: map[string][]string{ask.Numbers: {"speed=5k/s", "throughput=5k/s,throughput=6k/s", ""}},
			want:   "", asked: ask.Numbers + " " + ask.Numbers + " " + ask.Numbers,
		},
		{
			name: "Ctrl-C", question: ask.Numbers,
			script:  map[string][]string{ask.Numbers: {"abort"}},
			wantErr: prompter.ErrAborted, asked: ask.Numbers,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			script := tt.script
			if script == nil {
				script = map[string][]string{}
			}
			p := &scriptedPrompter{t: t, script: script}
			answers, err := askQuestion(p, question(t, tt.question), true, true, nil)
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

// A count is typed like the other quantities, checked as it is typed (a
// fraction, zero or a word asked again).
func TestAskCount(t *testing.T) {
	consumers := &catalog.Key{Key: "consumers", Type: catalog.Integer, Title: "Consumers", Examples: []string{"3", "200"},
		Question: "How many independent applications must each get every message?"}
	c := question(t, ask.Numbers)
	c.Keys = append(c.Keys, consumers)
	p := &scriptedPrompter{t: t, script: map[string][]string{ask.Numbers: {"consumers=1.5", "consumers=0", "consumers=many", "consumers=unlimited", "consumers=150"}}}
	answers, err := askQuestion(p, c, false, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(answers); got != "consumers=150 must" {
		t.Errorf("answers %q", got)
	}
	if len(answers) == 1 && (answers[0].Value.Type != catalog.Integer || answers[0].Value.Num != 150) {
		t.Errorf("value %+v", answers[0].Value)
	}
	if got := len(p.asked); got != 5 {
		t.Errorf("asked %d times", got)
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
			answers, err := askQuestion(p, c, false, true, nil)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if got := strings.Join(p.asked, " "); got != "use_case" {
				t.Errorf("asked %q", got)
			}
			if want := "notifications: alert people or systems: push, SMS, email, alarms"; len(p.options) == 0 || p.options[0].Label != want || p.options[0].Value != "notifications" {
				t.Errorf("options %+v, want the first %q", p.options, want)
			}
			s.Record(c, answers)
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

func (r *recordingPrompter) MultiSelect(p prompter.Prompt, options []prompter.Option) ([]prompter.Tick, error) {
	r.options = options
	return r.scriptedPrompter.MultiSelect(p, options)
}

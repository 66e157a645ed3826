package cli

import (
	"slices"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/prompter"
)

// scriptedPrompter answers each prompt by its ID, as a user would type the
// answer at a line prompt: a value ("result"), values with "~" before a
// nice-to-have one ("fanout,~serverless"), text ("throughput=7k/s"),
// "done" for "that's enough" (after ticked values too: "fanout,done"),
// "back" for the previous question, or "abort" for Ctrl-C. An ID with
// several answers gets them in turn (an answer Input refuses is followed
// by the next, as the real prompt asks again); an ID with none left gets
// Enter alone. It fails the test on an answer the prompt does not offer.
type scriptedPrompter struct {
	t      *testing.T
	script map[string][]string
	asked  []string // the IDs of the prompts shown, in order
}

func (s *scriptedPrompter) next(p prompter.Prompt) (string, bool) {
	s.asked = append(s.asked, p.ID)
	answers := s.script[p.ID]
	if len(answers) == 0 {
		return "", false
	}
	s.script[p.ID] = answers[1:]
	return answers[0], true
}

func (s *scriptedPrompter) special(p prompter.Prompt, answer string) error {
	switch answer {
	case "abort":
		return prompter.ErrAborted
	case "done":
		if !p.Stop {
			s.t.Fatalf("prompt %s offers no \"that's enough\"", p.ID)
		}
		return prompter.ErrEnough
	case "back":
		if !p.Back {
			s.t.Fatalf("prompt %s offers no \"back\"", p.ID)
		}
		return prompter.ErrBack
	}
	return nil
}

func (s *scriptedPrompter) Select(p prompter.Prompt, options []prompter.Option) (string, error) {
	answer, ok := s.next(p)
	if !ok {
		return options[0].Value, nil
	}
	if err := s.special(p, answer); err != nil {
		return "", err
	}
	s.check(p, options, answer)
	return answer, nil
}

func (s *scriptedPrompter) MultiSelect(p prompter.Prompt, options []prompter.Option) ([]prompter.Tick, error) {
	answer, ok := s.next(p)
	if !ok {
		return nil, nil
	}
	var ticked []prompter.Tick
	for _, v := range strings.Split(answer, ",") {
		if err := s.special(p, v); err != nil {
			return ticked, err
		}
		nice := false
		if rest, ok := strings.CutPrefix(v, prompter.NiceMark); ok {
			if !p.Marks {
				s.t.Fatalf("prompt %s has no must or nice", p.ID)
			}
			nice, v = true, rest
		}
		s.check(p, options, v)
		ticked = append(ticked, prompter.Tick{Value: v, Nice: nice})
	}
	if p.Valid != nil {
		var values []string
		for _, t := range ticked {
			values = append(values, t.Value)
		}
		if err := p.Valid(values); err != nil {
			s.t.Fatalf("prompt %s refuses %q: %v", p.ID, answer, err)
		}
	}
	return ticked, nil
}

func (s *scriptedPrompter) Input(p prompter.Prompt, valid func(string) error) (string, error) {
	for {
		answer, _ := s.next(p)
		if err := s.special(p, answer); err != nil {
			return "", err
		}
		if valid(answer) == nil {
			return answer, nil
		}
		if len(s.script[p.ID]) == 0 {
			s.t.Fatalf("prompt %s refused %q and has no answer left", p.ID, answer)
		}
	}
}

func (s *scriptedPrompter) check(p prompter.Prompt, options []prompter.Option, value string) {
	if !slices.ContainsFunc(options, func(o prompter.Option) bool { return o.Value == value }) {
		s.t.Fatalf("prompt %s offers no %q", p.ID, value)
	}
}

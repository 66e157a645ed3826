package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/advisor-dev/advisor/internal/ask"
	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/prompter"
)

// askQuestion asks question c in one prompt and returns the answers;
// prompter.ErrEnough comes back with what was answered with it, and
// prompter.ErrBack with none. back offers going back; stop offers "that's
// enough".
//
// given are the answers given to c before, when it is asked again: the
// prompt starts from them.
func askQuestion(p prompter.Prompter, c ask.Candidate, back, stop bool, given []ask.Answer) ([]ask.Answer, error) {
	prompt := prompter.Prompt{ID: c.Question.ID, Title: c.Question.Title, Help: c.Question.Help, Back: back, Stop: stop}
	switch c.Question.ID {
	case ask.UseCase:
		for _, a := range given {
			for _, id := range a.Value.List {
				prompt.Given = append(prompt.Given, prompter.Tick{Value: id})
			}
		}
		return askUseCases(p, c, prompt)
	case ask.Checklist:
		for _, t := range ask.Ticked(c, given) {
			prompt.Given = append(prompt.Given, prompter.Tick{Value: t.Name, Nice: !t.Must})
		}
		return askChecklist(p, c, prompt)
	}
	var text []string
	for _, a := range given {
		mark := ""
		if !a.Must {
			mark = prompter.NiceMark
		}
		text = append(text, mark+a.Key+"="+a.Value.String())
	}
	prompt.Text = strings.Join(text, ", ")
	return askNumbers(p, c, prompt)
}

// askUseCases ticks what the messaging is for; Enter alone ticks none.
// Use cases are neither musts nor prefers, so they carry no mark.
func askUseCases(p prompter.Prompter, c ask.Candidate, prompt prompter.Prompt) ([]ask.Answer, error) {
	options := make([]prompter.Option, len(c.UseCases))
	for i, u := range c.UseCases {
		options[i] = prompter.Option{Value: u.ID, Label: u.ID + ": " + u.Meaning}
	}
	ticked, err := p.MultiSelect(prompt, options)
	if len(ticked) == 0 || err != nil && !errors.Is(err, prompter.ErrEnough) {
		return nil, err
	}
	ids := make([]string, len(ticked))
	for i, t := range ticked {
		ids[i] = t.Value
	}
	return []ask.Answer{ask.UseCaseAnswer(ids)}, err
}

// askChecklist ticks, in one list, what the service must do or work with;
// each line ticked is a must unless marked nice to have.
func askChecklist(p prompter.Prompter, c ask.Candidate, prompt prompter.Prompt) ([]ask.Answer, error) {
	options := make([]prompter.Option, len(c.Choices))
	for i, ch := range c.Choices {
		options[i] = prompter.Option{Value: ch.Name, Label: ch.Name + ": " + ch.Label()}
	}
	prompt.Marks = true
	prompt.Valid = func(values []string) error { return oneValueEach(c, values) }
	ticked, err := p.MultiSelect(prompt, options)
	if err != nil && !errors.Is(err, prompter.ErrEnough) {
		return nil, err
	}
	ticks := make([]ask.Tick, len(ticked))
	for i, t := range ticked {
		ticks[i] = ask.Tick{Name: t.Value, Must: !t.Nice}
	}
	return ask.ChecklistAnswers(c, ticks), err
}

// oneValueEach refuses two values of one enum key ticked together
// ("ordering=none" and "ordering=strict"): a key holds one.
func oneValueEach(c ask.Candidate, values []string) error {
	seen := map[string]string{}
	for _, v := range values {
		for _, ch := range c.Choices {
			if ch.Name != v || ch.Key.Type != catalog.Enum {
				continue
			}
			if other, ok := seen[ch.Key.Key]; ok {
				return fmt.Errorf("%s and %s: tick one %s", other, v, ch.Key.Key)
			}
			seen[ch.Key.Key] = v
		}
	}
	return nil
}

// askNumbers takes any of the quantity keys on one line, "name=value"
// each, separated by commas: "throughput=3k/s, ~consumers=150" (a space
// for "=" does as well); a name after "~" is nice to have.
func askNumbers(p prompter.Prompter, c ask.Candidate, prompt prompter.Prompt) ([]ask.Answer, error) {
	var help strings.Builder
	help.WriteString(c.Question.Help)
	var examples []string
	for _, k := range c.Keys {
		fmt.Fprintf(&help, "\n  %s: %s", k.Key, k.Question)
		if len(k.Examples) > 0 {
			fmt.Fprintf(&help, " (for example %s)", strings.Join(k.Examples, ", "))
			if len(examples) < 2 {
				examples = append(examples, k.Key+"="+k.Examples[0])
			}
		}
	}
	if len(examples) == 2 {
		examples[1] = prompter.NiceMark + examples[1]
	}
	names := make([]string, len(c.Keys))
	for i, k := range c.Keys {
		names[i] = k.Key
	}
	prompt.Title += "\nAny of " + strings.Join(names, ", ") + ", as name=value; " + prompter.NiceMark + "name: nice to have"
	prompt.Help = help.String()
	prompt.Example = strings.Join(examples, ", ")
	var answers []ask.Answer
	text, err := p.Input(prompt, func(s string) error {
		var err error
		answers, err = parseNumbers(c.Keys, s)
		return err
	})
	if err != nil {
		return nil, err
	}
	answers, _ = parseNumbers(c.Keys, text)
	return answers, nil
}

// parseNumbers reads "throughput=3k/s, ~consumers 150" against keys.
func parseNumbers(keys []*catalog.Key, s string) ([]ask.Answer, error) {
	var out []ask.Answer
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		must := true
		if rest, ok := strings.CutPrefix(part, prompter.NiceMark); ok {
			must, part = false, strings.TrimSpace(rest)
		}
		name, value, ok := strings.Cut(part, "=")
		if !ok {
			name, value, ok = strings.Cut(part, " ")
		}
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		i := slices.IndexFunc(keys, func(k *catalog.Key) bool { return strings.EqualFold(k.Key, name) })
		if i < 0 {
			names := make([]string, len(keys))
			for j, k := range keys {
				names[j] = k.Key
			}
			return nil, fmt.Errorf("%q is not one of %s%s", name, strings.Join(names, ", "), diag.Suggest(name, names))
		}
		if !ok || value == "" {
			return nil, fmt.Errorf("%s needs a value: %s=%s", name, name, firstOr(keys[i].Examples, "…"))
		}
		v, err := keys[i].ParseText(value, catalog.InRequirement)
		if err != nil {
			return nil, err // it names the key
		}
		if slices.ContainsFunc(out, func(a ask.Answer) bool { return a.Key == keys[i].Key }) {
			return nil, fmt.Errorf("%s is given twice", name)
		}
		out = append(out, ask.Answer{Key: keys[i].Key, Value: v, Must: must})
	}
	return out, nil
}

func firstOr(list []string, or string) string {
	if len(list) == 0 {
		return or
	}
	return list[0]
}

// describeAnswers is a step's answers in a line of the review: each
// key with its value, "(must)" or "(nice)"; "no preference" for none.
func describeAnswers(answers []ask.Answer) string {
	if len(answers) == 0 {
		return "no preference"
	}
	parts := make([]string, len(answers))
	for i, a := range answers {
		switch {
		case a.Key == ask.UseCase:
			parts[i] = strings.Join(a.Value.List, ", ")
			continue
		case a.Value.Type == catalog.Bool:
			parts[i] = a.Key
		default:
			parts[i] = a.Key + "=" + a.Value.String()
		}
		if a.Must {
			parts[i] += " (must)"
		} else {
			parts[i] += " (nice)"
		}
	}
	return strings.Join(parts, ", ")
}

package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/advisor-dev/advisor/internal/ask"
	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/charmbracelet/huh"
)

// errEnough is the user's "that's enough: show the result".
var errEnough = errors.New("that's enough")

const (
	noPreference = "No preference / don't know"
	enoughLabel  = "That's enough: show the result"
	enoughValue  = "\x00enough"
	doneWord     = "done"
)

// prompter asks the questionnaire's questions with huh: a full-screen form
// on a terminal, numbered line prompts in accessible mode.
type prompter struct {
	in         io.Reader
	out        io.Writer
	accessible bool
}

// field is one key's prompt and how to read its answer afterwards.
type field struct {
	huh    huh.Field
	answer func() ([]ask.Answer, error) // the key's answers (several for a checklist), or errEnough
}

// askQuestion runs one question and returns its answers.
func (p *prompter) askQuestion(c ask.Candidate) ([]ask.Answer, error) {
	var fields []field
	var bools []*catalog.Key
	for _, k := range c.Keys {
		if k.Type == catalog.Bool {
			bools = append(bools, k)
		}
	}
	if len(bools) > 0 {
		fields = append(fields, p.checklist("Tick any that apply:", bools, nil))
	}
	for _, k := range c.Keys {
		switch {
		case k.Type == catalog.Bool:
		case k.Type == catalog.Enum:
			fields = append(fields, p.choose(k))
		case k.Type == catalog.List:
			fields = append(fields, p.checklist(k.Question, nil, k))
		default:
			fields = append(fields, p.quantity(k))
		}
	}
	fmt.Fprintf(p.out, "\n%s\n", c.Question.Title)
	if c.Question.Help != "" {
		fmt.Fprintf(p.out, "%s\n", c.Question.Help)
	}
	// One field a form, so that "that's enough" stops at once, in both modes.
	var answers []ask.Answer
	for _, f := range fields {
		if err := p.run(f.huh); err != nil {
			return nil, err
		}
		got, err := f.answer()
		answers = append(answers, got...) // "that's enough" keeps what was ticked with it
		if err != nil {
			return answers, err
		}
	}
	if len(answers) == 0 {
		return nil, nil
	}
	return answers, p.mustOrNice(answers)
}

// mustOrNice asks, in one keystroke, whether the answers are must-haves;
// only when some are not does it ask which.
func (p *prompter) mustOrNice(answers []ask.Answer) error {
	must := true
	confirm := huh.NewConfirm().Title("Are these must-haves? (No: only nice to have)").
		Affirmative("Must have").Negative("Nice to have").Value(&must)
	if err := p.run(confirm); err != nil {
		return err
	}
	for i := range answers {
		answers[i].Must = must
	}
	if must || len(answers) == 1 {
		return nil
	}
	var labels []string
	for _, a := range answers {
		labels = append(labels, engineLabel(a))
	}
	var chosen []int
	if err := p.pickMany("Which of them are must-haves after all? (Enter: none)", labels, &chosen); err != nil {
		return err
	}
	for _, i := range chosen {
		answers[i].Must = true
	}
	return nil
}

func engineLabel(a ask.Answer) string {
	if a.Value.Type == catalog.Bool {
		return a.Key
	}
	return a.Key + " " + a.Value.String()
}

// choose is a single choice among an enum's values.
func (p *prompter) choose(k *catalog.Key) field {
	value := ""
	opts := []huh.Option[string]{huh.NewOption(noPreference, "")}
	for _, v := range k.Values {
		label := v
		if d := k.Describe[v]; d != "" {
			label += ": " + d
		}
		opts = append(opts, huh.NewOption(label, v))
	}
	opts = append(opts, huh.NewOption(enoughLabel, enoughValue))
	sel := huh.NewSelect[string]().Title(k.Question).Description(k.Help).Options(opts...).Value(&value)
	if p.accessible {
		sel.Title(k.Question + "\n" + k.Help) // accessible mode shows no description
	}
	return field{huh: sel, answer: func() ([]ask.Answer, error) {
		switch value {
		case "":
			return nil, nil
		case enoughValue:
			return nil, errEnough
		}
		v, err := k.ParseText(value, catalog.InRequirement)
		if err != nil {
			return nil, err
		}
		return []ask.Answer{{Key: k.Key, Value: v, Must: true}}, nil
	}}
}

// checklist ticks any number of items: the bool keys of a question (bools),
// or the values of one list key (list).
func (p *prompter) checklist(title string, bools []*catalog.Key, list *catalog.Key) field {
	var labels, values []string
	if list != nil {
		for _, v := range list.Values {
			label := v
			if d := list.Describe[v]; d != "" {
				label += ": " + d
			}
			labels, values = append(labels, label), append(values, v)
		}
	} else {
		for _, k := range bools {
			label := k.Describe["true"]
			if label == "" {
				label = k.Question
			}
			labels, values = append(labels, label), append(values, k.Key)
		}
	}
	var picked []int
	enough := false
	answer := func() ([]ask.Answer, error) {
		var done error
		if enough {
			done = errEnough
		}
		if len(picked) == 0 {
			return nil, done
		}
		if list != nil {
			var items []string
			for _, i := range picked {
				items = append(items, values[i])
			}
			v, err := list.ParseText(strings.Join(items, ","), catalog.InRequirement)
			if err != nil {
				return nil, err
			}
			return []ask.Answer{{Key: list.Key, Value: v, Must: true}}, done
		}
		var out []ask.Answer
		for _, i := range picked {
			out = append(out, ask.Answer{Key: values[i], Value: catalog.Value{Type: catalog.Bool, Bool: true}, Must: true})
		}
		return out, done
	}
	if p.accessible {
		// huh's accessible multi-select has no default for Enter alone, so
		// a numbered list and one line of numbers stand in for it.
		text := ""
		var b strings.Builder
		for i, l := range labels {
			fmt.Fprintf(&b, "\n  %d. %s", i+1, l)
		}
		help := ""
		if list != nil {
			help = "\n" + list.Help
		}
		in := huh.NewInput().Title(title + help + b.String() + "\nNumbers or names, separated by commas (Enter: none; done: show the result):").
			Value(&text).Validate(func(s string) error {
			_, _, err := parseChoices(s, values)
			return err
		})
		return field{huh: in, answer: func() ([]ask.Answer, error) {
			picked, enough, _ = parseChoices(text, values)
			return answer()
		}}
	}
	var chosen []string
	opts := []huh.Option[string]{}
	for i, l := range labels {
		opts = append(opts, huh.NewOption(l, strconv.Itoa(i)))
	}
	opts = append(opts, huh.NewOption(enoughLabel, enoughValue))
	ms := huh.NewMultiSelect[string]().Title(title).Description("Space ticks, Enter goes on; tick nothing for no preference.").
		Options(opts...).Value(&chosen)
	return field{huh: ms, answer: func() ([]ask.Answer, error) {
		picked = nil
		for _, c := range chosen {
			if c == enoughValue {
				enough = true
				continue
			}
			i, _ := strconv.Atoi(c)
			picked = append(picked, i)
		}
		return answer()
	}}
}

// parseChoices reads "1, 3" or "fanout,replay" against values; "done" is enough.
func parseChoices(s string, values []string) (picked []int, enough bool, err error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, doneWord) {
		return nil, true, nil
	}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		i, convErr := strconv.Atoi(part)
		if convErr != nil {
			i = indexOf(values, part) + 1
		}
		if i < 1 || i > len(values) {
			return nil, false, fmt.Errorf("%q is not one of the numbers 1 to %d or the names listed", part, len(values))
		}
		picked = append(picked, i-1)
	}
	return picked, false, nil
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// quantity asks for a number with a unit; Enter alone is no preference.
func (p *prompter) quantity(k *catalog.Key) field {
	text := ""
	in := huh.NewInput().Title(k.Question).
		Description(k.Help + " Enter: no preference; done: show the result.").
		Placeholder(strings.Join(k.Examples, ", ")).Value(&text).
		Validate(func(s string) error {
			s = strings.TrimSpace(s)
			if s == "" || strings.EqualFold(s, doneWord) {
				return nil
			}
			_, err := k.ParseText(s, catalog.InRequirement)
			return err
		})
	if p.accessible {
		in.Title(k.Question + "\n" + k.Help + "\n(for example " + strings.Join(k.Examples, ", ") + "; Enter: no preference; done: show the result)")
	}
	return field{huh: in, answer: func() ([]ask.Answer, error) {
		s := strings.TrimSpace(text)
		switch {
		case s == "":
			return nil, nil
		case strings.EqualFold(s, doneWord):
			return nil, errEnough
		}
		v, err := k.ParseText(s, catalog.InRequirement)
		if err != nil {
			return nil, err
		}
		return []ask.Answer{{Key: k.Key, Value: v, Must: true}}, nil
	}}
}

// pickMany lets the user tick some of labels; Enter alone picks none.
func (p *prompter) pickMany(title string, labels []string, picked *[]int) error {
	values := make([]string, len(labels))
	copy(values, labels)
	if p.accessible {
		text := ""
		var b strings.Builder
		for i, l := range labels {
			fmt.Fprintf(&b, "\n  %d. %s", i+1, l)
		}
		in := huh.NewInput().Title(title + b.String() + "\nNumbers, separated by commas:").Value(&text).
			Validate(func(s string) error { _, _, err := parseChoices(s, values); return err })
		if err := p.run(in); err != nil {
			return err
		}
		*picked, _, _ = parseChoices(text, values)
		return nil
	}
	var chosen []string
	var opts []huh.Option[string]
	for i, l := range labels {
		opts = append(opts, huh.NewOption(l, strconv.Itoa(i)))
	}
	if err := p.run(huh.NewMultiSelect[string]().Title(title).Options(opts...).Value(&chosen)); err != nil {
		return err
	}
	for _, c := range chosen {
		i, _ := strconv.Atoi(c)
		*picked = append(*picked, i)
	}
	return nil
}

// run shows fields as one form. The end of standard input, or Ctrl-C,
// comes back as huh.ErrUserAborted.
func (p *prompter) run(fields ...huh.Field) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && errors.Is(e, errInputExhausted) {
				err = huh.ErrUserAborted
				return
			}
			panic(r)
		}
	}()
	form := huh.NewForm(huh.NewGroup(fields...)).WithAccessible(p.accessible).
		WithInput(p.in).WithOutput(p.out).WithShowHelp(!p.accessible)
	return form.Run()
}

package cli

import (
	"strings"

	"github.com/advisor-dev/advisor/internal/ask"
	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/prompter"
)

const noPreference = "No preference / don't know"

// askQuestion asks the keys of question c not set yet and returns the
// answers; prompter.ErrEnough comes back with what was answered before it.
// One prompt at a time, so that "that's enough" stops at once.
func askQuestion(p prompter.Prompter, c ask.Candidate) ([]ask.Answer, error) {
	if c.Question.ID == ask.UseCase {
		return askUseCases(p, c)
	}
	var bools []*catalog.Key
	for _, k := range c.Keys {
		if k.Type == catalog.Bool {
			bools = append(bools, k)
		}
	}
	var answers []ask.Answer
	if len(bools) > 0 {
		got, err := askBools(p, c.Question.ID, bools)
		answers = append(answers, got...)
		if err != nil {
			return answers, err
		}
	}
	for _, k := range c.Keys {
		var got []ask.Answer
		var err error
		switch {
		case k.Type == catalog.Bool:
			continue
		case k.Type == catalog.Enum:
			got, err = askEnum(p, k)
		case k.Type == catalog.List:
			got, err = askList(p, k)
		default:
			got, err = askQuantity(p, k)
		}
		answers = append(answers, got...)
		if err != nil {
			return answers, err
		}
	}
	if len(answers) == 0 {
		return nil, nil
	}
	return answers, mustOrNice(p, answers)
}

// askBools ticks the bool keys of a question in one list.
func askBools(p prompter.Prompter, question string, keys []*catalog.Key) ([]ask.Answer, error) {
	var options []prompter.Option
	for _, k := range keys {
		label := k.Describe["true"]
		if label == "" {
			label = k.Question
		}
		options = append(options, prompter.Option{Value: k.Key, Label: label})
	}
	ticked, err := p.MultiSelect(prompter.Prompt{ID: question, Title: "Tick any that apply:", Stop: true}, options)
	var answers []ask.Answer
	for _, key := range ticked {
		answers = append(answers, ask.Answer{Key: key, Value: catalog.Value{Type: catalog.Bool, Bool: true}, Must: true})
	}
	return answers, err
}

// askUseCases ticks what the messaging is for, in one list as a screen of
// bool keys is; Enter alone ticks none. Use cases are neither musts nor
// prefers, so nothing more is asked of them.
func askUseCases(p prompter.Prompter, c ask.Candidate) ([]ask.Answer, error) {
	options := make([]prompter.Option, len(c.UseCases))
	for i, u := range c.UseCases {
		options[i] = prompter.Option{Value: u.ID, Label: u.ID + ": " + u.Meaning}
	}
	ticked, err := p.MultiSelect(prompter.Prompt{ID: c.Question.ID, Title: "Tick any that apply:", Stop: true}, options)
	if len(ticked) == 0 {
		return nil, err
	}
	return []ask.Answer{ask.UseCaseAnswer(ticked)}, err
}

// askEnum picks one of an enum's values, or no preference.
func askEnum(p prompter.Prompter, k *catalog.Key) ([]ask.Answer, error) {
	options := append([]prompter.Option{{Value: "", Label: noPreference}}, valueOptions(k)...)
	value, err := p.Select(prompter.Prompt{ID: k.Key, Title: k.Question, Help: k.Help, Stop: true}, options)
	if err != nil || value == "" {
		return nil, err
	}
	return answer(k, value)
}

// askList ticks any of a list key's values.
func askList(p prompter.Prompter, k *catalog.Key) ([]ask.Answer, error) {
	ticked, err := p.MultiSelect(prompter.Prompt{ID: k.Key, Title: k.Question, Help: k.Help, Stop: true}, valueOptions(k))
	if len(ticked) == 0 {
		return nil, err
	}
	answers, parseErr := answer(k, strings.Join(ticked, ","))
	if parseErr != nil {
		return nil, parseErr
	}
	return answers, err
}

// askQuantity asks for a number with a unit; Enter alone is no preference.
func askQuantity(p prompter.Prompter, k *catalog.Key) ([]ask.Answer, error) {
	prompt := prompter.Prompt{ID: k.Key, Title: k.Question, Help: k.Help, Example: strings.Join(k.Examples, ", "), Stop: true}
	text, err := p.Input(prompt, func(s string) error {
		if s == "" {
			return nil
		}
		_, err := k.ParseText(s, catalog.InRequirement)
		return err
	})
	if err != nil || text == "" {
		return nil, err
	}
	return answer(k, text)
}

// valueOptions lists an enum's or list's values with their descriptions.
func valueOptions(k *catalog.Key) []prompter.Option {
	var options []prompter.Option
	for _, v := range k.Values {
		label := v
		if d := k.Describe[v]; d != "" {
			label += ": " + d
		}
		options = append(options, prompter.Option{Value: v, Label: label})
	}
	return options
}

// answer is key k set to text, as a must until mustOrNice says otherwise.
func answer(k *catalog.Key, text string) ([]ask.Answer, error) {
	v, err := k.ParseText(text, catalog.InRequirement)
	if err != nil {
		return nil, err
	}
	return []ask.Answer{{Key: k.Key, Value: v, Must: true}}, nil
}

// mustOrNice asks, in one keystroke, whether the answers are must-haves;
// only when some are not does it ask which.
func mustOrNice(p prompter.Prompter, answers []ask.Answer) error {
	must, err := p.Confirm(prompter.Prompt{ID: "must", Title: "Are these must-haves? (No: only nice to have)"}, "Must have", "Nice to have")
	if err != nil {
		return err
	}
	for i := range answers {
		answers[i].Must = must
	}
	if must || len(answers) == 1 {
		return nil
	}
	var options []prompter.Option
	for _, a := range answers {
		label := a.Key
		if a.Value.Type != catalog.Bool {
			label += " " + a.Value.String()
		}
		options = append(options, prompter.Option{Value: a.Key, Label: label})
	}
	musts, err := p.MultiSelect(prompter.Prompt{ID: "must-after-all", Title: "Which of them are must-haves after all? (Enter: none)"}, options)
	if err != nil {
		return err
	}
	for i := range answers {
		for _, key := range musts {
			if answers[i].Key == key {
				answers[i].Must = true
			}
		}
	}
	return nil
}

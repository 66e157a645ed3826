package prompter

import "github.com/advisor-dev/advisor/internal/diag"

// Escaping returns a Prompter that shows p's prompts with every character
// a terminal would act on escaped (diag.Escape): their titles, help,
// examples and option labels come from the catalog, which --rules can
// replace. What the answers carry (option values) is untouched, so the
// answers are the same.
func Escaping(p Prompter) Prompter { return escaping{p} }

type escaping struct{ inner Prompter }

func (e escaping) Select(p Prompt, options []Option) (string, error) {
	return e.inner.Select(escapePrompt(p), escapeOptions(options))
}

func (e escaping) MultiSelect(p Prompt, options []Option) ([]Tick, error) {
	return e.inner.MultiSelect(escapePrompt(p), escapeOptions(options))
}

func (e escaping) Input(p Prompt, valid func(string) error) (string, error) {
	return e.inner.Input(escapePrompt(p), valid)
}

func escapePrompt(p Prompt) Prompt {
	p.Title, p.Help, p.Example = diag.Escape(p.Title), diag.Escape(p.Help), diag.Escape(p.Example)
	return p
}

func escapeOptions(options []Option) []Option {
	out := make([]Option, len(options))
	for i, o := range options {
		out[i] = Option{Value: o.Value, Label: diag.EscapeLine(o.Label)}
	}
	return out
}

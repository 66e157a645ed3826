package prompter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"
)

// huhPrompter asks with huh, one field a form, full screen.
type huhPrompter struct {
	ctx   context.Context
	in    io.Reader
	out   io.Writer
	width int // the terminal's columns, which option lines are cut to
}

// New returns the Prompter, reading answers from in and writing the
// questions to out: a full-screen huh form, or in accessible mode numbered
// line prompts that read in one line at a time, so that scripts can pipe
// the answers.
//
// Once ctx is done (the questionnaire's signal context), the prompt being
// shown goes away at once, even one waiting for a line that never comes,
// and every method returns an error that is ErrAborted and carries
// context.Cause(ctx).
//
// width is the terminal's: the form cuts an option's line to it, with an
// ellipsis, rather than let it wrap under the list's border; line prompts
// fold their lines to it.
func New(ctx context.Context, in io.Reader, out io.Writer, accessible bool, width int) Prompter {
	if accessible {
		if width <= 0 {
			width = 80
		}
		return &linePrompter{ctx: ctx, in: newLineReader(ctx, in), out: out, width: width}
	}
	return &huhPrompter{ctx: ctx, in: in, out: out, width: width}
}

// keys is the line of keys the form takes besides huh's own.
func keys(p Prompt, marks bool) string {
	var k []string
	if marks {
		k = append(k, NiceKey+": must/nice")
	}
	k = append(k, HelpKey+": help")
	if p.Back {
		k = append(k, "shift+tab/esc: back")
	}
	if p.Stop {
		k = append(k, EnoughKey+": that's enough")
	}
	return strings.Join(k, " · ")
}

// description is what the form shows under the title: the help once asked
// for, and the keys.
func description(p Prompt, help bool, how string) string {
	d := how
	if d != "" {
		d += "\n"
	}
	d += keys(p, p.Marks)
	if help && p.Help != "" {
		d = p.Help + "\n" + d
	}
	return d
}

// ask shows the field build makes until the user answers or leaves it by
// a key: `?` builds it again with its help shown (or hidden again); back
// and that's enough come back as ErrBack and ErrEnough.
func (h *huhPrompter) ask(build func(help bool) *keyed) error {
	help := false
	for {
		w := build(help)
		if err := h.run(w); err != nil {
			return err
		}
		if w.pressed != pressedHelp {
			return w.pressed.err()
		}
		help = !help
	}
}

// Select picks one option.
func (h *huhPrompter) Select(p Prompt, options []Option) (string, error) {
	options = h.fit(options, 0)
	value := ""
	if len(options) > 0 {
		value = options[0].Value
	}
	err := h.ask(func(help bool) *keyed {
		sel := huh.NewSelect[string]().Key(p.ID).Title(p.Title).Value(&value).Description(description(p, help, "")).
			Options(huhOptions(options)...)
		return &keyed{Field: sel, p: p}
	})
	if err != nil {
		return "", err
	}
	return value, nil
}

// MultiSelect ticks any number of options; with p.Marks, NiceKey makes the
// highlighted one nice to have (ticking it) or a must again, and each
// ticked option shows which it is.
func (h *huhPrompter) MultiSelect(p Prompt, options []Option) ([]Tick, error) {
	if p.Marks {
		options = h.fit(options, len(" (must)"))
	} else {
		options = h.fit(options, 0)
	}
	var chosen []string
	nice := map[string]bool{}
	for _, g := range p.Given {
		chosen = append(chosen, g.Value)
		nice[g.Value] = g.Nice
	}
	err := h.ask(func(help bool) *keyed {
		// Value before Options: Options ticks what the value holds.
		ms := huh.NewMultiSelect[string]().Key(p.ID).Title(p.Title).Value(&chosen).
			Description(description(p, help, "Space ticks, Enter goes on; tick nothing for no preference.")).
			Options(huhOptions(options)...)
		if p.Valid != nil {
			ms.Validate(p.Valid)
		}
		if len(options) > listRows {
			ms.Height(listRows + 6) // the list scrolls under its title, description and keys
		}
		return &keyed{Field: ms, p: p, nice: nice, options: options, multi: ms}
	})
	if err != nil && !errors.Is(err, ErrEnough) {
		return nil, err
	}
	var ticks []Tick
	for _, o := range options { // in the list's order
		if slices.Contains(chosen, o.Value) {
			ticks = append(ticks, Tick{Value: o.Value, Nice: p.Marks && nice[o.Value]})
		}
	}
	return ticks, err // with ErrEnough, what was ticked with it still counts
}

// Input reads a line of text.
func (h *huhPrompter) Input(p Prompt, valid func(string) error) (string, error) {
	text := p.Text
	err := h.ask(func(help bool) *keyed {
		in := huh.NewInput().Key(p.ID).Title(p.Title).Value(&text).Placeholder(p.Example).
			Description(description(p, help, "Enter alone: none.")).
			Validate(func(s string) error { return valid(strings.TrimSpace(s)) })
		return &keyed{Field: in, p: p, input: true}
	})
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(text), nil
}

// listRows is how many options a long list shows at once: with its
// title, description and keys it fits a 24-line terminal.
const listRows = 14

type pressed int

const (
	pressedNothing pressed = iota
	pressedHelp
	pressedBack
	pressedEnough
)

// err is what a key that left the form means to the caller: ErrBack or
// ErrEnough; nil for an answer (or help, which asks again).
func (p pressed) err() error {
	switch p {
	case pressedBack:
		return ErrBack
	case pressedEnough:
		return ErrEnough
	}
	return nil
}

// keyed is a huh field that also takes the questionnaire's keys: help,
// back, that's enough, and on a list whose ticks are marked, must or nice.
// A key that leaves the field ends the form; pressed says which it was.
type keyed struct {
	huh.Field
	p       Prompt
	pressed pressed
	input   bool // an Input: ? is text there, unless typed first
	// On a MultiSelect with marks: the options, which are nice to have,
	// and the field, for the option highlighted.
	options []Option
	nice    map[string]bool
	multi   *huh.MultiSelect[string]
}

func (k *keyed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok && !k.filtering() {
		leave := func(p pressed) (tea.Model, tea.Cmd) {
			k.pressed = p
			return k, tea.Quit
		}
		switch s := km.String(); {
		case s == "f1" || s == HelpKey && (!k.input || k.Field.GetValue() == ""):
			return leave(pressedHelp)
		case k.p.Back && (s == "shift+tab" || s == "esc"):
			return leave(pressedBack)
		case k.p.Stop && s == EnoughKey:
			return leave(pressedEnough)
		case k.p.Marks && k.multi != nil && s == NiceKey:
			if v, ok := k.multi.Hovered(); ok {
				ticked, _ := k.multi.GetValue().([]string)
				if !slices.Contains(ticked, v) {
					k.nice[v] = true
					m, cmd := k.Field.Update(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
					k.Field = m.(huh.Field)
					return k, cmd
				}
				k.nice[v] = !k.nice[v]
			}
			return k, nil
		}
	}
	m, cmd := k.Field.Update(msg)
	k.Field = m.(huh.Field)
	return k, cmd
}

func (k *keyed) filtering() bool {
	f, ok := k.Field.(interface{ GetFiltering() bool })
	return ok && f.GetFiltering()
}

// View shows each ticked option of a marked list as "(must)" or "(nice)",
// after its name (what comes before ": " in its label), where a line cut
// at the terminal's width still shows it.
func (k *keyed) View() string {
	v := k.Field.View()
	if !k.p.Marks || k.multi == nil {
		return v
	}
	ticked, _ := k.multi.GetValue().([]string)
	for _, o := range k.options {
		if !slices.Contains(ticked, o.Value) {
			continue
		}
		mark := " (must)"
		if k.nice[o.Value] {
			mark = " (nice)"
		}
		head := o.Label
		if r := []rune(head); len(r) > 30 {
			head = string(r[:30])
		}
		at := strings.Index(head, ": ")
		if at < 0 {
			v = strings.Replace(v, o.Label, o.Label+mark, 1)
			continue
		}
		v = strings.Replace(v, head, head[:at]+mark+head[at:], 1)
	}
	return v
}

// optionIndent is what the form draws before an option's label: its
// border, the cursor and the tick box ("┃ > • ").
const optionIndent = 6

// fit returns options with each label cut, with an ellipsis, to the
// columns the terminal leaves it once the form's indent and extra (a
// must-or-nice mark) are drawn: huh would wrap a longer one under the
// border, where it reads as the start of another option, and cut the
// highlighted one without a sign. Line mode, and `?`, show labels whole.
func (h *huhPrompter) fit(options []Option, extra int) []Option {
	room := h.width - optionIndent - extra
	if h.width <= 0 || room < 1 {
		return options
	}
	out := make([]Option, len(options))
	for i, o := range options {
		o.Label = ansi.Truncate(o.Label, room, "…")
		out[i] = o
	}
	return out
}

func huhOptions(options []Option) []huh.Option[string] {
	list := make([]huh.Option[string], len(options))
	for i, o := range options {
		list[i] = huh.NewOption(o.Label, o.Value)
	}
	return list
}

// run shows one field as a form. Ctrl-C comes back as ErrAborted; so does
// the context's end, with its cause.
func (h *huhPrompter) run(field huh.Field) error {
	if h.ctx.Err() != nil {
		return stopped(h.ctx)
	}
	// Bubble Tea's own signal handler is off: it turns SIGTERM into an
	// ordinary quit, which huh reports as an answer (the default one), so
	// a questionnaire told to stop went on to the next question. The
	// context, cancelled by the caller's handler, stops the form instead.
	// (WithProgramOptions replaces huh's options: focus reports are kept.)
	field.WithTheme(theme()) // the field itself: keyed's would be the inner field
	form := huh.NewForm(huh.NewGroup(field)).
		WithProgramOptions(tea.WithoutSignalHandler(), tea.WithReportFocus()).
		WithInput(h.in).WithOutput(h.out).WithShowHelp(true)
	err := form.RunWithContext(h.ctx)
	switch {
	case h.ctx.Err() != nil:
		return stopped(h.ctx) // huh reports a cancelled context as a timeout
	case errors.Is(err, huh.ErrUserAborted):
		return ErrAborted
	}
	return err
}

// theme is huh's default look, built once. A field without a theme of
// its own builds the default anew for every line it renders, every option
// of a list included.
var theme = sync.OnceValue(huh.ThemeCharm)

// stopped is the error of a prompt cut short by the end of the context.
func stopped(ctx context.Context) error {
	return fmt.Errorf("%w: %w", ErrAborted, context.Cause(ctx))
}

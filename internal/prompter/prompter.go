// Package prompter asks the user questions. The questionnaire talks to
// the Prompter interface; New gives the implementation (a full-screen huh
// form on a terminal, numbered line prompts in accessible mode), and tests
// give a scripted one.
package prompter

import "errors"

var (
	// ErrAborted is Ctrl-C, or the end of standard input before an answer.
	ErrAborted = errors.New("aborted")
	// ErrEnough is the user's "that's enough: show the result", offered by
	// prompts whose Stop is set.
	ErrEnough = errors.New("that's enough")
	// ErrBack is the user's "back to the previous question", offered by
	// prompts whose Back is set.
	ErrBack = errors.New("back")
)

// Prompt is what one prompt shows.
type Prompt struct {
	// ID names what is asked (a question id); scripted prompters answer by it.
	ID    string
	Title string
	// Help explains the question: shown on request (`?`), not with every
	// prompt.
	Help string
	// Example is example answers for Input, shown as a hint.
	Example string
	// Stop offers "that's enough: show the result", which returns ErrEnough.
	Stop bool
	// Back offers "back to the previous question", which returns ErrBack.
	Back bool
	// Marks lets each option ticked in MultiSelect be a must (as ticked)
	// or only nice to have.
	Marks bool
	// Given is the answer given before, when the question is asked again
	// (back, or a change at the review): the full-screen form starts from
	// it, ticks in MultiSelect and Text in Input; a line prompt, where
	// Enter alone is none, is answered anew.
	Given []Tick
	Text  string
	// Valid, when set, checks the values ticked in MultiSelect; ticks it
	// refuses are asked again.
	Valid func(values []string) error
}

// Option is one choice of Select or MultiSelect.
type Option struct {
	Value string // what the answer carries; line prompts also take it typed
	Label string // what the list shows
}

// Tick is an option ticked in MultiSelect: its Value, and whether the user
// marked it nice to have rather than a must.
type Tick struct {
	Value string
	Nice  bool
}

// Prompter asks questions. Every method returns ErrAborted when the user
// gives up, ErrEnough when they stop where Prompt.Stop offered it, and
// ErrBack when they go back where Prompt.Back offered it.
type Prompter interface {
	// Select returns the Value of the option picked; Enter alone picks the
	// first.
	Select(p Prompt, options []Option) (string, error)
	// MultiSelect returns the options ticked, none for Enter alone. With
	// ErrEnough it still returns what was ticked.
	MultiSelect(p Prompt, options []Option) ([]Tick, error)
	// Input returns the text typed, trimmed, "" for Enter alone; valid
	// checks it and an answer it refuses is asked again.
	Input(p Prompt, valid func(string) error) (string, error)
}

// The words a line prompt takes besides the answers, and the keys of the
// full-screen form that do the same.
const (
	DoneWord = "done" // that's enough: show the result
	BackWord = "back" // back to the previous question
	HelpWord = "?"    // the question's help, then the question again
	NiceMark = "~"    // before a name: nice to have, not a must

	EnoughKey = "ctrl+x"
	NiceKey   = "n"
	HelpKey   = "?"
)

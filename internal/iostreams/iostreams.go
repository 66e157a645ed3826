// Package iostreams is how commands reach the outside world: the three
// standard streams, whether each is a terminal, the terminal's width and
// the environment. Tests build it with Test and set what they need.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strconv"

	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"
)

// DefaultWidth is the width output is fitted to when nothing tells the real one.
const DefaultWidth = 80

// MinWidth is the narrowest width output is fitted to: below it no layout
// keeps a line whole, so a narrower terminal is treated as this wide.
const MinWidth = 40

// maxColumns bounds a believable COLUMNS; anything above is a mistake.
const maxColumns = 1000

// IOStreams are the streams, their terminal state and the environment.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// Getenv reads the environment; tests replace it.
	Getenv func(string) string

	stdinTTY, stdoutTTY, stderrTTY bool
	// stdoutWidth and stderrWidth ask the terminal on stdout or stderr
	// for its width; nil when there is no terminal to ask.
	stdoutWidth, stderrWidth func() (int, error)
}

// System returns the process's own streams and environment.
func System() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		Getenv:    os.Getenv,
		stdinTTY:  isTerminal(os.Stdin),
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
		stdoutWidth: func() (int, error) {
			w, _, err := term.GetSize(os.Stdout.Fd())
			return w, err
		},
		stderrWidth: func() (int, error) {
			w, _, err := term.GetSize(os.Stderr.Fd())
			return w, err
		},
	}
}

// Test returns streams over buffers (standard input, output, error), no
// terminal anywhere and an empty environment.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, Getenv: func(string) string { return "" }}, in, out, errOut
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// IsStdinTTY reports whether standard input is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether standard error is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetStdinTTY overrides whether standard input counts as a terminal.
func (s *IOStreams) SetStdinTTY(tty bool) { s.stdinTTY = tty }

// SetStdoutTTY overrides whether standard output counts as a terminal.
func (s *IOStreams) SetStdoutTTY(tty bool) { s.stdoutTTY = tty }

// SetStderrTTY overrides whether standard error counts as a terminal.
func (s *IOStreams) SetStderrTTY(tty bool) { s.stderrTTY = tty }

// TerminalWidth is the width to fit output to: COLUMNS when it holds a
// sane number (the user's word wins, even through a pipe), else the width
// of the terminal on stdout, else DefaultWidth; never below MinWidth.
func (s *IOStreams) TerminalWidth() int { return s.width(s.stdoutTTY, s.stdoutWidth) }

// PromptWidth is the width to fit the questionnaire to, which writes on
// stderr: as TerminalWidth, but asking the terminal on stderr, since
// stdout may be a file that takes the report.
func (s *IOStreams) PromptWidth() int { return s.width(s.stderrTTY, s.stderrWidth) }

func (s *IOStreams) width(tty bool, ask func() (int, error)) int {
	if n, err := strconv.Atoi(s.Getenv("COLUMNS")); err == nil && n > 0 && n <= maxColumns {
		return max(n, MinWidth)
	}
	if tty && ask != nil {
		if n, err := ask(); err == nil && n > 0 {
			return max(n, MinWidth)
		}
	}
	return DefaultWidth
}

// ColorEnabled reports whether stdout may carry ANSI colour: it is a
// terminal, NO_COLOR is unset or empty (no-color.org) and TERM is not dumb.
func (s *IOStreams) ColorEnabled() bool {
	return s.stdoutTTY && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb"
}

// CanPrompt reports whether a full-screen prompt can run: the answers
// come from a terminal on stdin, the questions go to one on stderr (stdout
// stays free for the report, even when redirected), and TERM is not dumb
// (a dumb terminal cannot move the cursor).
func (s *IOStreams) CanPrompt() bool {
	return s.stdinTTY && s.stderrTTY && s.Getenv("TERM") != "dumb"
}

package cli

import (
	"bytes"
	"io"
	"os"
	"strconv"

	"github.com/mattn/go-isatty"
)

// IOStreams is the one way commands reach the outside: streams, whether
// they are terminals, and the environment.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	InTTY  bool
	OutTTY bool
	Getenv func(string) string
}

// System returns the process's streams.
func System() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		InTTY:  isatty.IsTerminal(os.Stdin.Fd()) || isatty.IsCygwinTerminal(os.Stdin.Fd()),
		OutTTY: isatty.IsTerminal(os.Stdout.Fd()) || isatty.IsCygwinTerminal(os.Stdout.Fd()),
		Getenv: os.Getenv,
	}
}

// Test returns streams backed by buffers, for tests: no terminal, empty environment.
func Test(in string) (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: bytes.NewBufferString(in), Out: out, ErrOut: errOut,
		Getenv: func(string) string { return "" }}, out, errOut
}

// Color reports whether stdout may carry colour: a terminal, no NO_COLOR, no TERM=dumb.
func (s *IOStreams) Color() bool {
	return s.OutTTY && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb"
}

// Width is the terminal width from COLUMNS, or 80.
func (s *IOStreams) Width() int {
	if n, err := strconv.Atoi(s.Getenv("COLUMNS")); err == nil && n >= 40 && n <= 1000 {
		return n
	}
	return 80
}

package prompter_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/advisor-dev/advisor/internal/prompter"
)

var options = []prompter.Option{
	{Value: "", Label: "No preference"},
	{Value: "per-key", Label: "per-key: ordered within a key"},
	{Value: "strict", Label: "strict: one total order"},
}

func lines(input string) (prompter.Prompter, *bytes.Buffer) {
	var out bytes.Buffer
	return prompter.New(context.Background(), strings.NewReader(input), &out, true, 80), &out
}

func ticks(t []prompter.Tick) string {
	var parts []string
	for _, x := range t {
		s := x.Value
		if x.Nice {
			s = "~" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ",")
}

func TestLineSelect(t *testing.T) {
	tests := []struct {
		input      string
		stop, back bool
		want       string
		err        error
	}{
		{input: "2\n", want: "per-key"},
		{input: "Strict\n", want: "strict"},
		{input: "\n", want: ""},
		{input: "done\n", stop: true, err: prompter.ErrEnough},
		{input: "back\n", back: true, err: prompter.ErrBack},
		{input: "back\n", err: prompter.ErrAborted}, // not offered: refused, then the input ends
		{input: "?\n3\n", want: "strict"},
		{input: "", err: prompter.ErrAborted},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.input), func(t *testing.T) {
			p, out := lines(tt.input)
			got, err := p.Select(prompter.Prompt{ID: "ordering", Title: "What order?", Help: "Per-key scales.", Stop: tt.stop, Back: tt.back}, options)
			if !errors.Is(err, tt.err) || got != tt.want {
				t.Fatalf("got %q, %v; want %q, %v", got, err, tt.want, tt.err)
			}
			if strings.Count(out.String(), "What order?") != 1 {
				t.Errorf("the question is not printed once:\n%s", out)
			}
			if strings.Contains(tt.input, "?") != strings.Contains(out.String(), "Per-key scales.") {
				t.Errorf("the help is shown only on ?:\n%s", out)
			}
			if strings.Contains(out.String(), " \n") {
				t.Errorf("a line ends in a space:\n%q", out)
			}
		})
	}
}

func TestLineMultiSelect(t *testing.T) {
	tests := []struct {
		input        string
		stop, marks  bool
		want         string
		err          error
		refusedFirst bool
	}{
		{input: "2,3\n", want: "per-key,strict"},
		{input: "per-key, ~strict\n", marks: true, want: "per-key,~strict"},
		{input: "~strict\n2\n", want: "per-key", refusedFirst: true}, // no marks: ~ is not a name
		{input: "\n", want: ""},
		{input: "strict, done\n", stop: true, want: "strict", err: prompter.ErrEnough},
		{input: "done, strict\n2\n", stop: true, want: "per-key", refusedFirst: true},
		{input: "9\n", err: prompter.ErrAborted, refusedFirst: true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.input), func(t *testing.T) {
			p, out := lines(tt.input)
			got, err := p.MultiSelect(prompter.Prompt{ID: "tick", Title: "Tick any:", Stop: tt.stop, Marks: tt.marks}, options)
			if !errors.Is(err, tt.err) || ticks(got) != tt.want {
				t.Fatalf("got %q, %v; want %q, %v", ticks(got), err, tt.want, tt.err)
			}
			if refused := strings.Contains(out.String(), "is not one of") || strings.Contains(out.String(), "goes last"); refused != tt.refusedFirst {
				t.Errorf("refused %v:\n%s", refused, out)
			}
		})
	}
}

func TestLineInput(t *testing.T) {
	p, out := lines("lots\n?\n7d\n")
	got, err := p.Input(prompter.Prompt{ID: "retention", Title: "How long?", Help: "Days.", Example: "7d"}, days)
	if err != nil || got != "7d" {
		t.Fatalf("got %q, %v", got, err)
	}
	if want := "How long?\nretention: (for example 7d; Enter: none; ?: help):\n\"lots\" is not a number of days\nDays.\nretention: (for example 7d; Enter: none; ?: help):\n"; out.String() != want {
		t.Errorf("printed\n%q\nwant\n%q", out, want)
	}
}

// Lines addressed to a question ("id: answer") wait for it, whatever the
// order; once the input ends, a question with no line takes Enter while
// lines wait for others, and aborts when none do.
func TestLineAddressed(t *testing.T) {
	p, _ := lines("c: 7d\nb: strict\n")
	sel, err1 := p.Select(prompter.Prompt{ID: "a", Title: "A"}, options)
	multi, err2 := p.MultiSelect(prompter.Prompt{ID: "b", Title: "B"}, options)
	text, err3 := p.Input(prompter.Prompt{ID: "c", Title: "C"}, days)
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintf("%q %s %s", sel, ticks(multi), text); got != `"" strict 7d` {
		t.Errorf("answers %s", got)
	}
	if _, err := p.Input(prompter.Prompt{ID: "d", Title: "D"}, days); !errors.Is(err, prompter.ErrAborted) {
		t.Errorf("after the last line: %v, want %v", err, prompter.ErrAborted)
	}
}

// One reader serves every prompt: a line each, nothing read ahead.
func TestLineAnswersInTurn(t *testing.T) {
	p, _ := lines("3\nper-key\n7d\n")
	sel, err1 := p.Select(prompter.Prompt{ID: "a", Title: "A"}, options)
	multi, err2 := p.MultiSelect(prompter.Prompt{ID: "b", Title: "B"}, options)
	text, err3 := p.Input(prompter.Prompt{ID: "c", Title: "C"}, func(string) error { return nil })
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintf("%s %s %s", sel, ticks(multi), text); got != "strict per-key 7d" {
		t.Errorf("answers %s", got)
	}
}

// An answer line as long as MaxLine, after an answer it refused, is read
// whole.
func TestLineLongAnswerAfterARefusal(t *testing.T) {
	answer := "+" + strings.Repeat("0", prompter.MaxLine-3) + "3" // 3, at MaxLine with its newline
	p, out := lines("x\n" + answer + "\n2\n")
	got, err := p.Select(prompter.Prompt{ID: "ordering", Title: "What order?"}, options)
	if err != nil || got != "strict" {
		t.Fatalf("got %q, %v; want \"strict\":\n%.300s", got, err, out)
	}
	next, err := p.Select(prompter.Prompt{ID: "again", Title: "Again?"}, options)
	if err != nil || next != "per-key" {
		t.Errorf("the next prompt got %q, %v; want \"per-key\"", next, err)
	}
}

// A line longer than MaxLine stops the questionnaire instead of being
// taken for the default.
func TestLineTooLong(t *testing.T) {
	p, _ := lines(strings.Repeat("1", prompter.MaxLine) + "\n")
	if got, err := p.Select(prompter.Prompt{ID: "ordering", Title: "What order?"}, options); !errors.Is(err, prompter.ErrLineTooLong) {
		t.Fatalf("got %q, %v; want %v", got, err, prompter.ErrLineTooLong)
	}
}

// readingPipe is a pipe that no line ever comes through, and that says
// when the prompter starts waiting on it.
type readingPipe struct {
	*io.PipeReader
	reading chan struct{}
	once    sync.Once
}

func (r *readingPipe) Read(p []byte) (int, error) {
	r.once.Do(func() { close(r.reading) })
	return r.PipeReader.Read(p)
}

// A prompt waiting for a line that never comes (a terminal, a pipe left
// open) gives up as soon as its context is done, with the context's cause.
func TestLineStopsWithItsContext(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	in := &readingPipe{PipeReader: pr, reading: make(chan struct{})}
	cause := errors.New("SIGTERM")
	ctx, cancel := context.WithCancelCause(context.Background())
	p := prompter.New(ctx, in, io.Discard, true, 80)
	done := make(chan error, 1)
	go func() {
		_, err := p.Select(prompter.Prompt{ID: "ordering", Title: "What order?"}, options)
		done <- err
	}()
	<-in.reading
	cancel(cause)
	select {
	case err := <-done:
		if !errors.Is(err, prompter.ErrAborted) || !errors.Is(err, cause) {
			t.Errorf("error %v, want %v with %v", err, prompter.ErrAborted, cause)
		}
	case <-time.After(time.Second):
		t.Fatal("the prompt still waits a second after its context ended")
	}
	if _, err := p.Input(prompter.Prompt{ID: "must", Title: "Must?"}, days); !errors.Is(err, cause) {
		t.Errorf("a prompt after the end: %v, want %v", err, cause)
	}
}

// Line prompts fold every line to the width they are given, as the
// reports do: at spaces, the rest of an option under its text past the
// number, the hint under its text past the question's id; a word no line
// holds (an address) breaks after a dash; no line ends in spaces.
func TestLineFoldsToTheWidth(t *testing.T) {
	var out bytes.Buffer
	p := prompter.New(context.Background(), strings.NewReader("1\n"), &out, true, 40)
	long := []prompter.Option{
		{Value: "a", Label: "a: the first option, whose words run on past forty columns"},
		{Value: "b", Label: "b: https://docs.aws.amazon.com/a-very-long-address-that-no-line-holds"},
	}
	if _, err := p.MultiSelect(prompter.Prompt{ID: "q", Title: "A question whose title is longer than forty columns"}, long); err != nil {
		t.Fatal(err)
	}
	want := `A question whose title is longer than
forty columns
  1. a: the first option, whose words
     run on past forty columns
  2. b: https://docs.aws.amazon.com/a-
     very-long-address-that-no-line-
     holds
q: numbers or names, separated by commas
   (Enter: none; ?: help):
`
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

// A name a line prompt does not know is refused with the near miss.
func TestLineSuggestsTheNearName(t *testing.T) {
	p, out := lines("strct\nstrict\n")
	got, err := p.Select(prompter.Prompt{ID: "ordering", Title: "Order?"}, options)
	if err != nil || got != "strict" {
		t.Fatalf("got %q, %v", got, err)
	}
	if want := `"strct" is not one of the numbers 1 to 3 or the names listed (did you mean "strict"?)`; !strings.Contains(strings.Join(strings.Fields(out.String()), " "), want) {
		t.Errorf("output lacks %s:\n%s", want, out.String())
	}
}

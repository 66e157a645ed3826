package prompter_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/prompter"
)

// FuzzLineAnswers types arbitrary bytes at the line prompts, a Select, a
// MultiSelect with marks and an Input in turn on one input, as the
// questionnaire does. None may panic or hang; each returns an answer it
// offers (an option, text its check takes) or one of the prompter's
// errors; and nothing printed carries a control character it was given,
// or a space at the end of a line.
//
// The seeds are answers of every kind, refusals, "done", "back", "?",
// lines addressed to a question, blank lines, CR LF, a last line without a
// newline, an empty input, and in testdata/fuzz/FuzzLineAnswers the inputs
// that broke the prompts before.
func FuzzLineAnswers(f *testing.F) {
	for _, s := range []string{
		"2\nper-key,~3\n7d\n",
		"\n\n\n\n",
		"4\n",
		"x\n0\n3\ndone\n",
		"1\r\n2, strict\r\nlots\r\n14d\r\n",
		"+3\n 1 \n\x1b[2J\nDONE\nmaybe\nno",
		"?\nback\n?\n",
		"c: 7d\nb: ~strict, done\n",
		"",
		"1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		if len(input) > 3*prompter.MaxLine {
			return // room for a line too long and lines around it; more only slows the fuzzer
		}
		var out bytes.Buffer
		p := prompter.New(context.Background(), bytes.NewReader(input), &out, true, 80)
		allowed := func(prompt string, err error) bool {
			for _, e := range []error{prompter.ErrAborted, prompter.ErrEnough, prompter.ErrBack, prompter.ErrLineTooLong} {
				if errors.Is(err, e) {
					return true
				}
			}
			if err != nil {
				t.Fatalf("%s: error %v", prompt, err)
			}
			return false
		}
		values := func() []string {
			var v []string
			for _, o := range options {
				v = append(v, o.Value)
			}
			return v
		}()

		got, err := p.Select(prompter.Prompt{ID: "a", Title: "What order?", Stop: true, Back: true}, options)
		if allowed("Select", err) && !errors.Is(err, prompter.ErrBack) && !errors.Is(err, prompter.ErrEnough) {
			return
		}
		if err == nil && !slices.Contains(values, got) {
			t.Fatalf("Select: %q is no option", got)
		}

		ticked, err := p.MultiSelect(prompter.Prompt{ID: "b", Title: "Tick any:", Stop: true, Back: true, Marks: true}, options)
		if allowed("MultiSelect", err) && !errors.Is(err, prompter.ErrBack) && !errors.Is(err, prompter.ErrEnough) {
			return
		}
		for _, x := range ticked {
			if !slices.Contains(values, x.Value) {
				t.Fatalf("MultiSelect: %q is no option", x.Value)
			}
		}

		text, err := p.Input(prompter.Prompt{ID: "c", Title: "How long?", Stop: true, Back: true}, days)
		if !allowed("Input", err) && days(text) != nil {
			t.Fatalf("Input: took %q, which its check refuses", text)
		}

		for i, r := range out.String() {
			if r != '\n' && (r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0)) {
				t.Fatalf("the prompts wrote control character %U at %d:\n%q", r, i, out.String())
			}
		}
		if strings.Contains(out.String(), " \n") {
			t.Fatalf("a line ends in a space:\n%q", out.String())
		}
	})
}

// days is an Input's check that, as the questionnaire's do, quotes what it
// refuses.
func days(s string) error {
	if s != "" && !strings.HasSuffix(s, "d") {
		return fmt.Errorf("%q is not a number of days", s)
	}
	return nil
}

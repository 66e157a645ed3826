package textwrap_test

import (
	"testing"

	"github.com/advisor-dev/advisor/internal/textwrap"
)

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		prefix, text string
		width        int
		want         string
	}{
		{"", "short", 20, "short\n"},
		// A hanging indent under the text.
		{"Leader so far: ", "one two three four five six seven", 40, "Leader so far: one two three four five\n               six seven\n"},
		// A prefix that leaves fewer than 20 columns: the text starts below.
		{"a rather long prefix: ", "text", 30, "a rather long prefix:\n      text\n"},
		// A word no line holds breaks after a dot, slash or dash.
		{"", "see https://example.com/a-long-name", 24, "see https://example.\ncom/a-long-name\n"},
		// No text: the prefix alone, and never a trailing space.
		{"  ", "", 20, "\n"},
		{"id: ", " ", 40, "id:\n"},
	} {
		if got := textwrap.Wrap(c.prefix, c.text, c.width); got != c.want {
			t.Errorf("Wrap(%q, %q, %d) = %q, want %q", c.prefix, c.text, c.width, got, c.want)
		}
	}
}

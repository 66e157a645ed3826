// Package textwrap folds prose to a terminal's width: after a prefix,
// with a hanging indent under the text, never breaking a word that a line
// can hold. The reports and the questionnaire's line prompts share it.
package textwrap

import (
	"strings"
	"unicode/utf8"
)

// Width is the columns s takes: one a rune (the text here has no wide
// characters).
func Width(s string) int { return utf8.RuneCountInString(s) }

// piece is a word, or part of one too long for a line; a glued piece
// follows the one before it with no space.
type piece struct {
	text  string
	glued bool
}

// minText is the fewest columns a hanging indent must leave for text;
// when a prefix leaves fewer, the text starts on the next line instead,
// indented by shortIndent, as is a word too long for the hanging indent.
const (
	minText     = 20
	shortIndent = 6
)

// Wrap writes text after prefix, folding at width with a hanging indent
// under the text. Words are not broken: one too long for the hanging
// indent gets a line of its own at shortIndent; one that no line can hold
// (an API name, a URL) is broken after a dot, slash, colon or dash, and
// overruns only when it has none.
func Wrap(prefix, text string, width int) string {
	if strings.TrimSpace(text) == "" {
		return strings.TrimRight(prefix, " ") + "\n"
	}
	lead := strings.TrimLeft(prefix, "\n")
	var b strings.Builder
	b.WriteString(prefix[:len(prefix)-len(lead)])
	hang := Width(lead)
	line := lead
	if width-hang < minText {
		b.WriteString(strings.TrimRight(lead, " ") + "\n")
		hang = shortIndent
		line = strings.Repeat(" ", hang)
	}
	bare := strings.TrimSpace(line) == "" // nothing on the line but indent
	after := !strings.HasSuffix(line, " ") && !bare
	outdented := false // the line holds one word too long for the hanging indent
	for _, tok := range tokens(text, width-shortIndent) {
		word := tok.text
		sep := ""
		if after && !tok.glued {
			sep = " "
		}
		n := Width(word)
		fitsNoLine := n > width-shortIndent
		// A word too long for any line starts one of its own, where it
		// overflows least; any other word that does not fit starts a line.
		if !bare && (outdented || Width(line)+len(sep)+n > width) {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line, sep, bare = strings.Repeat(" ", hang), "", true
		}
		outdented = bare && !fitsNoLine && Width(line)+n > width
		if outdented {
			line = strings.Repeat(" ", shortIndent)
		}
		line += sep + word
		bare, after = false, true
	}
	b.WriteString(strings.TrimRight(line, " ") + "\n")
	return b.String()
}

// tokens splits text into words, and each word longer than most into
// glued pieces (as the report's table cells break) of at most most
// columns, each ending in a dot, slash, colon or dash where it can, and
// never cut elsewhere: prose keeps a name whole that has no such place.
func tokens(text string, most int) []piece {
	var out []piece
	for _, word := range strings.Fields(text) {
		glued := false
		for Width(word) > most {
			cut := -1
			for i, r := range word {
				if Width(word[:i]) >= most {
					break
				}
				if strings.ContainsRune("./:-_", r) {
					cut = i + 1
				}
			}
			if cut <= 0 || cut >= len(word) {
				break
			}
			out = append(out, piece{word[:cut], glued})
			word, glued = word[cut:], true
		}
		out = append(out, piece{word, glued})
	}
	return out
}

// Package adr reads and names architecture decision records the way
// adr-tools does: numbering, slugs, and the requirements and choice that
// `advisor` embeds in the records it writes.
package adr

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Number is the record number a file name starts with (adr-tools' NNNN-);
// ok is false for a name that starts with no digit. A number with no next
// one (past the largest int, or that int itself) is an error: read as
// anything else, it would give the next record a number that wraps around
// or repeats.
func Number(name string) (n int, ok bool, err error) {
	i := 0
	for i < len(name) && name[i] >= '0' && name[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false, nil
	}
	n, err = strconv.Atoi(name[:i])
	if err != nil || n == math.MaxInt {
		return 0, true, fmt.Errorf("record number %s is too large: numbers go up to %d", name[:i], math.MaxInt-1)
	}
	return n, true, nil
}

// NextNumber is adr-tools' next record number: the largest number any name
// starts with, plus one. The error names the file whose number is too large.
func NextNumber(names []string) (int, error) {
	most := 0
	for _, name := range names {
		n, _, err := Number(name)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", name, err)
		}
		most = max(most, n)
	}
	return most + 1, nil
}

// DefaultTitle is a record's title when its requirements have none.
const DefaultTitle = "Choose a messaging service"

// FileName is NNNN-slug.md for record n. A title without an ASCII letter
// or digit ("注文", "```") is named as the default title is, rather than
// NNNN-.md.
func FileName(n int, title string) string {
	slug := Slug(title)
	if slug == "" {
		slug = Slug(DefaultTitle)
	}
	return leftPad(strconv.Itoa(n)) + "-" + slug + ".md"
}

func leftPad(s string) string {
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

// Slug follows adr-tools: every run of characters that are not ASCII letters
// or digits becomes one dash, letters are lower-cased, and dashes at either
// end are dropped.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for i := 0; i < len(title); i++ {
		c := title[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Embedded is what a record carries for `advisor check`: the option it
// chose and the requirements it was chosen for.
type Embedded struct {
	Chosen       string // the id of the chosen option; "" when no option met every must
	Requirements string // a version-1 requirements document
	Line         int    // the record's line that the document's first line is on
	// Provenance is how the decision was made; nil in records written
	// before it was kept.
	Provenance *Provenance
	// Status is the record's status as written ("proposed", "Accepted",
	// "superseded by ..."); "" when it states none.
	Status string
}

// ErrNoBlock is the error of a record that advisor did not write: it
// embeds no requirements (an adr-tools record, one written by hand).
var ErrNoBlock = errors.New("no embedded requirements")

// NoChoice stands for the id in the marker of a record where no option met
// every must: it cannot be an id (ids are letters, digits and dashes).
const NoChoice = "(none)"

// Read finds what a record embeds for `advisor check`; name is the record's,
// for messages. A record advisor writes ends with its own block: the chosen
// marker on a line of its own, directly followed by a fenced yaml block,
// the last such pair in the record. The title and context cannot fake it:
// the title is one line after the heading's "#", the context comes before
// the block, and inside the block every line of a title or context is
// indented or quoted (a YAML string), and the fence is longer than any run
// of backticks in it. Records without that ending (older ones, or written
// by hand) are read as before: the last yaml block that declares a
// version, and the chosen option's marker or "(id)" in its sentence.
func Read(name string, data []byte) (Embedded, error) {
	lines := strings.Split(string(data), "\n")
	for i := range lines {
		lines[i] = strings.TrimSuffix(lines[i], "\r")
	}
	e, found, err := readEnding(name, lines)
	if !found && err == nil {
		e, err = readLegacy(name, lines)
	}
	if err != nil {
		return e, err
	}
	e.Status = status(lines)
	return e, nil
}

// readEnding reads the block advisor writes at the end of a record.
func readEnding(name string, lines []string) (Embedded, bool, error) {
	for i := len(lines) - 2; i >= 0; i-- {
		id, ok := chosenLine(lines[i])
		if !ok {
			continue
		}
		fence, ok := openingFence(lines[i+1])
		if !ok {
			continue
		}
		var body strings.Builder
		for j := i + 2; j < len(lines); j++ {
			if closesFence(lines[j], fence) {
				if id == NoChoice {
					id = ""
				}
				p, err := readProvenance(name, lines, j+1)
				return Embedded{Chosen: id, Requirements: body.String(), Line: i + 3, Provenance: p}, true, err
			}
			body.WriteString(lines[j] + "\n")
		}
		return Embedded{}, true, fmt.Errorf("%s:%d: the requirements block is not closed: end it with a line of %d backticks", name, i+2, fence)
	}
	return Embedded{}, false, nil
}

// chosenLine reads a line that is the chosen marker and nothing else.
func chosenLine(line string) (string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimRight(line, " \t"), ChosenMarker)
	if !ok {
		return "", false
	}
	id, ok := strings.CutSuffix(rest, " -->")
	if !ok || id != NoChoice && !isID(id) {
		return "", false
	}
	return id, true
}

// isID reports whether s is a service id: lower-case letters, digits and dashes.
func isID(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return s != ""
}

// openingFence is the length of the backtick fence a line opens for yaml
// (```yaml, ````yaml...), at the start of the line as advisor writes it.
func openingFence(line string) (int, bool) {
	n := backticks(line)
	if n < 3 || strings.TrimRight(line[n:], " \t") != "yaml" {
		return 0, false
	}
	return n, true
}

// closesFence reports whether line closes a fence of n backticks: at least
// n backticks and nothing else, indented by at most three spaces, as in
// CommonMark, so that the record renders as it reads.
func closesFence(line string, n int) bool {
	indent := len(line) - len(strings.TrimLeft(line, " "))
	if indent > 3 {
		return false
	}
	line = line[indent:]
	k := backticks(line)
	return k >= n && strings.TrimRight(line[k:], " \t") == ""
}

func backticks(s string) int {
	return len(s) - len(strings.TrimLeft(s, "`"))
}

// Fence is the fence for a block holding text: three backticks, or one
// more than the longest run of backticks in text, so that no line of the
// text can close it.
func Fence(text string) string {
	longest, run := 0, 0
	for i := 0; i < len(text); i++ {
		if text[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// readLegacy reads a record without advisor's ending.
func readLegacy(name string, lines []string) (Embedded, error) {
	block, line, ok := legacyRequirements(lines)
	if !ok {
		return Embedded{}, fmt.Errorf("%s: %w (a ```yaml block with `version: 1`); write records with `advisor adr new` or `--output adr`", name, ErrNoBlock)
	}
	chosen, ok := legacyChosen(lines)
	if !ok {
		return Embedded{}, fmt.Errorf("%s: no chosen option found (\"Chosen option: ... (id)\")", name)
	}
	return Embedded{Chosen: chosen, Requirements: block, Line: line}, nil
}

// legacyRequirements is the last ```yaml block whose content declares a
// version (the last: advisor put the requirements at the end of a record,
// after a context that may quote other blocks), with the line its first
// line is on.
func legacyRequirements(lines []string) (block string, line int, ok bool) {
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```yaml" {
			continue
		}
		var body []string
		j := i + 1
		for ; j < len(lines) && strings.TrimSpace(lines[j]) != "```"; j++ {
			body = append(body, lines[j])
		}
		if text := strings.Join(body, "\n") + "\n"; strings.Contains(text, "version:") {
			block, line, ok = text, i+2, true
		}
		i = j
	}
	return block, line, ok
}

var chosenText = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:Chosen option: "|We will use ).*\(([a-z0-9-]+)\)`)
})

// legacyChosen is the id in the last chosen marker that starts a line, else
// the "(id)" in the last "Chosen option:" or "We will use" sentence: the
// last, as the decision comes after the context.
func legacyChosen(lines []string) (string, bool) {
	for i := len(lines) - 1; i >= 0; i-- {
		if rest, ok := strings.CutPrefix(lines[i], ChosenMarker); ok {
			if id, _, ok := strings.Cut(rest, " -->"); ok && isID(strings.TrimSpace(id)) {
				return strings.TrimSpace(id), true
			}
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		if m := chosenText().FindStringSubmatch(lines[i]); m != nil {
			return m[1], true
		}
	}
	return "", false
}

// status is a record's status: MADR's front matter `status:`, else the
// first line of text under an adr-tools "## Status" heading.
func status(lines []string) string {
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for _, l := range lines[1:] {
			if strings.TrimSpace(l) == "---" {
				break
			}
			if v, ok := strings.CutPrefix(l, "status:"); ok {
				return strings.Trim(strings.TrimSpace(v), `"'`)
			}
		}
	}
	for i, l := range lines {
		if strings.TrimSpace(l) != "## Status" {
			continue
		}
		for _, t := range lines[i+1:] {
			if t = strings.TrimSpace(t); t != "" {
				if strings.HasPrefix(t, "#") {
					return ""
				}
				return t
			}
		}
	}
	return ""
}

// Checked reports whether `advisor check` checks a record of this status:
// proposed or accepted ones (and those that state none), not deprecated,
// superseded or rejected ones.
func Checked(status string) bool {
	status = strings.ToLower(status)
	for _, skip := range []string{"deprecated", "superseded", "rejected"} {
		if strings.HasPrefix(status, skip) {
			return false
		}
	}
	return true
}

package adr

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Link names a record another one links to, as MADR and adr-tools link
// records: by number and title, to its file in the same directory.
type Link struct {
	Number int
	Title  string // the title alone, without the number Nygard headings add
	File   string // the file's name, in the linking record's directory
}

// MadrRef is the link as MADR writes it: [ADR-0005](0005-title.md).
func (l Link) MadrRef() string {
	return "[ADR-" + leftPad(strconv.Itoa(l.Number)) + "](" + linkTarget(l.File) + ")"
}

// NygardRef is the link as adr-tools writes it: [5. Title](0005-title.md).
func (l Link) NygardRef() string {
	return "[" + linkText(strconv.Itoa(l.Number)+". "+oneLine(l.Title)) + "](" + linkTarget(l.File) + ")"
}

// linkText escapes what would end a link's text early or open another.
func linkText(s string) string {
	return strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`).Replace(s)
}

// linkTarget is a file name as a link's destination: in angle brackets
// when a space or a parenthesis would end it early (a file named by hand).
func linkTarget(name string) string {
	if strings.ContainsAny(name, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(name) + ">"
	}
	return name
}

// Title is a record's title: its first level-1 heading after any front
// matter, without the "N. " a Nygard heading starts with; "" when it has
// none.
func Title(data []byte) string {
	lines := splitLines(string(data))
	start := 0
	if _, end, ok := frontMatter(lines); ok {
		start = end + 1
	}
	for _, l := range lines[start:] {
		if rest, ok := strings.CutPrefix(trimEOL(l), "# "); ok {
			return numberPrefix().ReplaceAllString(strings.TrimSpace(rest), "")
		}
	}
	return ""
}

var numberPrefix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+\.\s+`) })

// Status is what a record says its status is: the front matter's status
// (MADR), else the text of its Status section (Nygard, adr-tools), its
// lines joined by "\n"; ok is false when it says neither.
func Status(data []byte) (status string, ok bool) {
	lines := splitLines(string(data))
	if i, ok := statusKey(lines); ok {
		_, value, _ := strings.Cut(trimEOL(lines[i]), ":")
		return unquote(strings.TrimSpace(value)), true
	}
	head, end, ok := statusSection(lines)
	if !ok {
		return "", false
	}
	var text []string
	for _, l := range lines[head+1 : end] {
		if t := strings.TrimSpace(l); t != "" {
			text = append(text, t)
		}
	}
	return strings.Join(text, "\n"), true
}

// Superseded reports whether a status says the record was superseded
// (adr-tools spells it "Superceded").
func Superseded(status string) bool {
	for _, l := range strings.Split(strings.ToLower(status), "\n") {
		if strings.HasPrefix(l, "superseded") || strings.HasPrefix(l, "superceded") {
			return true
		}
	}
	return false
}

// Supersede is the record data, superseded by the record by links to, as
// MADR and adr-tools mark it: a front matter's status becomes "superseded
// by [ADR-0005](0005-new.md)"; a Status section loses its Accepted or
// Proposed and says "Superseded by [5. New](0005-new.md)" instead, keeping
// any other links it holds. Every other byte stays as it was. ok is false
// when data has neither status.
func Supersede(data []byte, by Link) (out []byte, ok bool) {
	lines := splitLines(string(data))
	if i, ok := statusKey(lines); ok {
		// A folded or literal status (status: >) goes on on indented
		// lines: they go with it.
		end := i + 1
		for end < len(lines) && (strings.HasPrefix(lines[end], " ") || strings.HasPrefix(lines[end], "\t")) {
			end++
		}
		line := `status: "superseded by ` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(by.MadrRef()) + `"` + eolOf(lines[i])
		return []byte(strings.Join(lines[:i], "") + line + strings.Join(lines[end:], "")), true
	}
	head, end, ok := statusSection(lines)
	if !ok {
		return nil, false
	}
	eol := eolOf(lines[head])
	if eol == "" { // the heading ends the file
		eol = "\n"
	}
	var kept []string
	for _, l := range lines[head+1 : end] {
		switch strings.ToLower(strings.TrimSpace(l)) {
		case "accepted", "proposed":
			continue
		}
		kept = append(kept, trimEOL(l))
	}
	// Blank lines around what is kept go; its lines stay as they were
	// (an indented line stays indented, not made a heading).
	blank := func(l string) bool { return strings.TrimSpace(l) == "" }
	for len(kept) > 0 && blank(kept[0]) {
		kept = kept[1:]
	}
	for len(kept) > 0 && blank(kept[len(kept)-1]) {
		kept = kept[:len(kept)-1]
	}
	var b strings.Builder
	b.WriteString(trimEOL(lines[head]) + eol + eol)
	if len(kept) > 0 {
		b.WriteString(strings.Join(kept, eol) + eol + eol)
	}
	b.WriteString("Superseded by " + by.NygardRef() + eol)
	if end < len(lines) {
		b.WriteString(eol) // a blank line before the next section
	}
	return []byte(strings.Join(lines[:head], "") + b.String() + strings.Join(lines[end:], "")), true
}

// splitLines splits s after each "\n", so that the lines joined are s.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// trimEOL is a line without its ending, "\n" or "\r\n" (a lone "\r" is
// part of the line).
func trimEOL(l string) string {
	l, ok := strings.CutSuffix(l, "\n")
	if ok {
		l = strings.TrimSuffix(l, "\r")
	}
	return l
}

// eolOf is the line ending a line has: "\r\n", "\n", or "" on a last line
// without one.
func eolOf(l string) string { return l[len(trimEOL(l)):] }

// frontMatter finds a YAML front matter: "---" on the first line, up to
// the next "---" (or "...") line, at end.
func frontMatter(lines []string) (start, end int, ok bool) {
	if len(lines) == 0 || strings.TrimRight(trimEOL(lines[0]), " \t") != "---" {
		return 0, 0, false
	}
	for i := 1; i < len(lines); i++ {
		if l := strings.TrimRight(trimEOL(lines[i]), " \t"); l == "---" || l == "..." {
			return 0, i, true
		}
	}
	return 0, 0, false
}

// statusKey is the line of the front matter's top-level status key.
func statusKey(lines []string) (int, bool) {
	_, end, ok := frontMatter(lines)
	if !ok {
		return 0, false
	}
	for i := 1; i < end; i++ {
		if key, _, ok := strings.Cut(trimEOL(lines[i]), ":"); ok && strings.TrimRight(key, " \t") == "status" {
			return i, true
		}
	}
	return 0, false
}

// statusSection is the line of the "## Status" heading and the line that
// ends its section: the next heading of level 1 or 2, or the end.
func statusSection(lines []string) (head, end int, ok bool) {
	head = -1
	fenced := false
	for i, l := range lines {
		t := trimEOL(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fenced = !fenced
		}
		if fenced {
			continue
		}
		switch {
		case head < 0 && strings.EqualFold(strings.TrimRight(t, " \t"), "## Status"):
			head = i
		case head >= 0 && (strings.HasPrefix(t, "# ") || strings.HasPrefix(t, "## ")):
			return head, i, true
		}
	}
	return head, len(lines), head >= 0
}

// unquote is a YAML scalar's text: quotes removed from a quoted one.
func unquote(v string) string {
	switch {
	case len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"':
		if s, err := strconv.Unquote(v); err == nil {
			return s
		}
		return v[1 : len(v)-1]
	case len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'':
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	return v
}

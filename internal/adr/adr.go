// Package adr reads and names architecture decision records the way
// adr-tools does: numbering, slugs, and the requirements and choice that
// `advisor` embeds in the records it writes.
package adr

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// NextNumber is adr-tools' next record number: the largest number any name
// starts with, plus one.
func NextNumber(names []string) int {
	most := 0
	for _, name := range names {
		i := 0
		for i < len(name) && name[i] >= '0' && name[i] <= '9' {
			i++
		}
		if n, err := strconv.Atoi(name[:i]); i > 0 && err == nil && n > most {
			most = n
		}
	}
	return most + 1
}

// FileName is NNNN-slug.md for record n.
func FileName(n int, title string) string {
	return leftPad(strconv.Itoa(n)) + "-" + Slug(title) + ".md"
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

// Requirements finds the requirements block a record embeds: the first
// fenced yaml block whose content declares a version. It returns the block
// and the line of the record its first line is on.
func Requirements(record string) (block string, line int, ok bool) {
	lines := strings.Split(record, "\n")
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```yaml" {
			continue
		}
		var body []string
		j := i + 1
		for ; j < len(lines) && strings.TrimSpace(lines[j]) != "```"; j++ {
			body = append(body, lines[j])
		}
		text := strings.Join(body, "\n") + "\n"
		if strings.Contains(text, "version:") {
			return text, i + 2, true
		}
		i = j
	}
	return "", 0, false
}

var chosenText = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^(?:Chosen option: "|We will use ).*\(([a-z0-9-]+)\)`)
})

// Chosen finds the id of the option a record chose: the marker advisor
// writes, else the "(id)" after "Chosen option:" or "We will use".
func Chosen(record string) (string, bool) {
	if i := strings.Index(record, ChosenMarker); i >= 0 {
		rest := record[i+len(ChosenMarker):]
		if j := strings.Index(rest, " -->"); j > 0 {
			return strings.TrimSpace(rest[:j]), true
		}
	}
	if m := chosenText().FindStringSubmatch(record); m != nil {
		return m[1], true
	}
	return "", false
}

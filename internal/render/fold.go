package render

import (
	"strings"

	"github.com/advisor-dev/advisor/internal/textwrap"
)

// planWidths picks a content width per column so that the drawn table
// (3 characters of border and padding per column, plus 1) fits width. The
// widest columns give way first: down to their longest word, then down to
// the longest part of a hyphenated word, and only then, in a terminal too
// narrow for anything better, inside words; the column at index keep (the
// service ids) gives way at each step only after all the others.
func planWidths(rows [][]string, width, keep int) []int {
	natural, whole, part := columnWidths(rows)
	widths := append([]int(nil), natural...)
	budget := width - border(len(widths))
	one := make([]int, len(widths))
	for i := range one {
		one[i] = 1
	}
	for _, stage := range []struct {
		keep  bool
		floor []int
	}{{false, whole}, {false, part}, {true, whole}, {true, part}, {false, one}, {true, one}} {
		for sum(widths) > budget {
			widest := -1
			for i := range widths {
				if (i == keep) != stage.keep {
					continue
				}
				if widths[i] > stage.floor[i] && (widest < 0 || widths[i] > widths[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				break
			}
			widths[widest]--
		}
	}
	return widths
}

// columnWidths measures each column: its natural width, its longest word,
// and the longest part of a word broken after its hyphens.
func columnWidths(rows [][]string) (natural, whole, part []int) {
	n := len(rows[0])
	natural, whole, part = make([]int, n), make([]int, n), make([]int, n)
	for _, row := range rows {
		for i, cell := range row {
			natural[i] = max(natural[i], textwrap.Width(cell))
			for _, word := range words(cell) {
				whole[i] = max(whole[i], textwrap.Width(word))
				for _, t := range breakWord(word, textwrap.Width(word)) {
					part[i] = max(part[i], textwrap.Width(t.text))
				}
			}
		}
	}
	return natural, whole, part
}

// border is what a table of n columns adds to its cells' widths.
func border(n int) int { return 3*n + 1 }

// foldRow wraps each cell at its column's width with newlines.
func foldRow(row []string, widths []int) []string {
	out := make([]string, len(row))
	for i, cell := range row {
		out[i] = foldText(cell, widths[i])
	}
	return out
}

// foldText wraps s at width between words; only a word longer than width
// is broken, after a hyphen inside it or between a mark and its value.
func foldText(s string, width int) string {
	var lines []string
	line := ""
	for _, word := range words(s) {
		pieces := []piece{{text: word}}
		if textwrap.Width(word) > width {
			pieces = breakWord(word, width)
		}
		for _, p := range pieces {
			sep := " "
			if p.glued {
				sep = ""
			}
			switch {
			case line == "":
				line = p.text
			case textwrap.Width(line)+len(sep)+textwrap.Width(p.text) <= width:
				line += sep + p.text
			default:
				lines = append(lines, line)
				line = p.text
			}
		}
	}
	return strings.Join(append(lines, line), "\n")
}

// piece is part of a broken word; a glued piece follows the one before
// it with no space (it came after a hyphen).
type piece struct {
	text  string
	glued bool
}

// breakWord splits "✓ near-realtime" into "✓", "near-" and "realtime"
// (glued): the places a word may break when it must. A part still longer
// than width is cut into glued pieces of width.
func breakWord(word string, width int) []piece {
	var out []piece
	for _, field := range strings.Fields(word) {
		for i, part := range hyphenParts(field) {
			glued := i > 0
			for r := []rune(part); len(r) > 0; glued = true {
				n := min(len(r), max(width, 1))
				out = append(out, piece{string(r[:n]), glued})
				r = r[n:]
			}
		}
	}
	return out
}

// hyphenParts splits "near-realtime" into "near-" and "realtime".
func hyphenParts(word string) []string {
	var parts []string
	for {
		i := strings.Index(word, "-")
		if i <= 0 || i == len(word)-1 {
			return append(parts, word)
		}
		parts = append(parts, word[:i+1])
		word = word[i+1:]
	}
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// words splits text at spaces but keeps a mark (✓, ✗, ✓*) with its value.
func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if n := len(out); n > 0 && (out[n-1] == "✓" || out[n-1] == "✗" || out[n-1] == "✓*") {
			out[n-1] += " " + w
			continue
		}
		out = append(out, w)
	}
	return out
}

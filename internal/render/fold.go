package render

import (
	"strings"
	"unicode/utf8"
)

// planWidths picks a content width per column so that the drawn table
// (3 characters of border and padding per column, plus 1) fits width:
// the widest columns give way first, never below their longest word, and
// the column at index keep (the service ids) only after all others.
func planWidths(rows [][]string, width, keep int) []int {
	n := len(rows[0])
	natural, floor := make([]int, n), make([]int, n)
	for _, row := range rows {
		for i, cell := range row {
			natural[i] = max(natural[i], textWidth(cell))
			for _, word := range words(cell) {
				for _, part := range hyphenParts(word) {
					floor[i] = max(floor[i], textWidth(part))
				}
			}
		}
	}
	widths := append([]int(nil), natural...)
	budget := width - (3*n + 1)
	for _, spare := range []bool{true, false} {
		for sum(widths) > budget {
			widest := -1
			for i := range widths {
				if spare && i == keep {
					continue
				}
				if widths[i] > floor[i] && (widest < 0 || widths[i] > widths[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				break
			}
			widths[widest]--
		}
	}
	return widths // may still overflow when even the floors do not fit
}

// foldRow wraps each cell at its column's width with newlines.
func foldRow(row []string, widths []int) []string {
	out := make([]string, len(row))
	for i, cell := range row {
		out[i] = foldText(cell, widths[i])
	}
	return out
}

// foldText wraps s at width, between words or after a hyphen inside a word.
func foldText(s string, width int) string {
	var lines []string
	line := ""
	for _, word := range words(s) {
		for i, part := range hyphenParts(word) {
			sep := " "
			if i > 0 {
				sep = ""
			}
			switch {
			case line == "":
				line = part
			case textWidth(line)+len(sep)+textWidth(part) <= width:
				line += sep + part
			default:
				lines = append(lines, line)
				line = part
			}
		}
	}
	return strings.Join(append(lines, line), "\n")
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

func textWidth(s string) int { return utf8.RuneCountInString(s) }

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

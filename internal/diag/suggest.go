package diag

import (
	"fmt"
	"strings"
)

// Suggest returns ` (did you mean "x"?)` for the allowed word nearest to got,
// or "" when none is near enough to be a plausible typo.
func Suggest(got string, allowed []string) string {
	best, bestDist := "", -1
	g := strings.ToLower(got)
	for _, a := range allowed {
		d := distance(g, strings.ToLower(a))
		// On a tie, the word that shares the longer start is the likelier typo.
		if bestDist < 0 || d < bestDist || d == bestDist && prefix(g, strings.ToLower(a)) > prefix(g, strings.ToLower(best)) {
			best, bestDist = a, d
		}
	}
	limit := len(got) / 3
	if limit < 1 {
		limit = 1
	}
	if limit > 3 {
		limit = 3
	}
	if best == "" || bestDist > limit || bestDist == 0 && best == got {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// OneOf formats the allowed values for a message: "a, b or c".
func OneOf(allowed []string) string {
	q := make([]string, len(allowed))
	for i, a := range allowed {
		q[i] = fmt.Sprintf("%q", a)
	}
	switch len(q) {
	case 0:
		return "nothing"
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// distance is the edit distance between a and b, counting a swap of two
// neighbouring letters as one edit ("muts" is one edit from "must").
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func prefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

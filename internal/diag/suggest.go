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
		if bestDist < 0 || d < bestDist {
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

// distance is the Levenshtein edit distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

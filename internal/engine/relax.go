package engine

import (
	"slices"

	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// Relaxation is one of the smallest sets of musts whose dropping makes a
// service (or combination) eligible where none was, with the pick then.
type Relaxation struct {
	Drop  []requirements.Item // the musts to drop, in the order they were asked
	Then  string              // the pick without them
	Parts []string            // the pick's services, when it is a combination
}

// MaxRelaxations caps the sets listed: past a few, they stop helping.
const MaxRelaxations = 3

// Relaxations lists, when no service meets every must of res, the fewest
// musts to drop so that one does: each smallest set (up to MaxRelaxations,
// closest service first) and who would win without it.
//
// No subsets are searched. A service becomes eligible exactly when the
// musts it misses are all dropped, so the smallest sets are the smallest
// violation lists in the ranking; only the pick then costs a ranking each.
func Relaxations(req *requirements.Requirements, base *kb.Base, rules *ruleset.Set, res Result) []Relaxation {
	if res.Recommendation != nil || len(res.Ranking) == 0 {
		return nil
	}
	fewest := len(res.Ranking[0].Violations)
	for _, r := range res.Ranking {
		fewest = min(fewest, len(r.Violations))
	}
	var sets [][]string
	for _, r := range res.Ranking {
		if len(r.Violations) != fewest {
			continue
		}
		var keys []string
		for _, c := range r.Violations {
			key := c.Key
			if c.From != "" {
				key = c.From // dropping the key that brings the check in drops it
			}
			if !slices.Contains(keys, key) {
				keys = append(keys, key)
			}
		}
		if !slices.ContainsFunc(sets, func(s []string) bool { return slices.Equal(s, keys) }) {
			sets = append(sets, keys)
		}
		if len(sets) == MaxRelaxations {
			break
		}
	}
	var out []Relaxation
	for _, keys := range sets {
		trial := clone(req)
		for _, k := range keys {
			trial.Unset(k)
		}
		then := Rank(trial, base, rules)
		// The service that missed just these musts is eligible now, so
		// there is a pick, and it leads the ranking.
		if then.Recommendation == nil {
			continue // cannot happen while every check comes from a must dropped
		}
		r := Relaxation{Then: then.Recommendation.ID, Parts: then.Ranking[0].Parts}
		for _, it := range req.Must {
			if slices.Contains(keys, it.Key) {
				r.Drop = append(r.Drop, it)
			}
		}
		out = append(out, r)
	}
	return out
}

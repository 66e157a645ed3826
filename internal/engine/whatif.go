package engine

import (
	"math"
	"slices"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// WhatIf is one of the smallest changes that would change the pick.
type WhatIf struct {
	Kind string // Drop or Above
	Key  string
	Want string // drop: the must dropped
	// Above is the threshold: wanting more than this changes things.
	Above string
	// Effect is what happens to the winner past Above: NeedsCondition
	// (then Condition) or Ineligible.
	Effect    string
	Condition string
	// Requires is the kind of the condition's requirement (opt-in, ...).
	Requires string
	// Then is the pick after the change ("" when no service would be eligible).
	Then string
}

// The kinds of a WhatIf: without a must, or a number past the winner's limit.
const (
	Drop  = "drop"
	Above = "above"
)

// The effects of an Above on the winner.
const (
	NeedsCondition = "needs-condition" // it meets the number only under a condition
	Ineligible     = "ineligible"      // it can no longer meet the number
)

// WhatIfs lists, for the pick of res, each must that if dropped changes the
// winner, and, for each number the user set, each threshold past which the
// winner needs a condition or is no longer eligible. It ranks again for
// each; call it only when it is shown.
func WhatIfs(req *requirements.Requirements, base *kb.Base, rules *ruleset.Set, res Result) []WhatIf {
	if res.Recommendation == nil {
		return nil
	}
	win := res.Recommendation.ID
	var out []WhatIf
	pick := func(r *requirements.Requirements) string {
		if p := Rank(r, base, rules).Recommendation; p != nil {
			return p.ID
		}
		return ""
	}
	for _, it := range req.Must {
		trial := clone(req)
		trial.Unset(it.Key)
		if then := pick(trial); then != win {
			out = append(out, WhatIf{Kind: Drop, Key: it.Key, Want: it.Value.String(), Then: then})
		}
	}
	s, ok := base.Lookup(win)
	if !ok || len(res.Ranking) == 0 {
		return out
	}
	variant := &s.Configurations()[res.Ranking[0].VariantIndex]
	for i := range rules.Catalog.Keys {
		k := &rules.Catalog.Keys[i]
		f := variant.Fact(i)
		// Only the numbers the user set: the limits of the others are in
		// `services show` and `compare`, and each threshold costs a ranking.
		if !k.IsQuantity() || f == nil || f.Unknown || !req.Has(k.Key) {
			continue
		}
		// The limits in increasing order: the value outright, then each option's.
		type step struct {
			limit     float64
			condition string
		}
		at := place{region: req.EffectiveRegion(), assumed: req.Region == ""}
		have, _, _, _ := f.In(at.region)
		steps := []step{{have.Num, ""}}
		for _, o := range f.Options {
			if o.AvailableIn(at.region) {
				ov, _ := o.ValueIn(at.region)
				steps = append(steps, step{ov.Num, o.Condition})
			}
		}
		slices.SortStableFunc(steps, func(a, b step) int {
			switch {
			case a.limit < b.limit:
				return -1
			case a.limit > b.limit:
				return 1
			}
			return 0
		})
		want := 0.0
		if it, _, set := req.Find(k.Key); set {
			want = it.Value.Num
		}
		for _, st := range steps {
			if math.IsInf(st.limit, 1) || st.limit < want || st.limit == 0 {
				continue
			}
			above := catalog.Value{Type: k.Type, Num: st.limit}
			trial := clone(req)
			trial.Set(&rules.Catalog, requirements.Item{Key: k.Key, Value: catalog.Value{Type: k.Type, Num: nextUp(st.limit)}, Weight: 1}, true)
			// What happens to the winner is read from the trial ranking,
			// not from the fact alone: past a limit another check may be
			// what fails (with strict order, the rate of the one key).
			tr := Rank(trial, base, rules)
			then := ""
			if tr.Recommendation != nil {
				then = tr.Recommendation.ID
			}
			w := WhatIf{Kind: Above, Key: k.Key, Above: above.String(), Effect: Ineligible, Then: then}
			if r, ok := rankedOf(tr, win); ok && r.Eligible {
				c, found := checkOf(r, k.Key)
				if !found || c.Requires == nil {
					continue // nothing changes for the winner past this limit
				}
				w.Effect, w.Condition, w.Requires = NeedsCondition, c.Condition, c.Requires.Kind
				out = append(out, w)
				continue
			}
			out = append(out, w)
			break // past this limit the winner is out: higher ones say nothing new
		}
	}
	return out
}

// rankedOf finds id in a result's ranking.
func rankedOf(res Result, id string) (Ranked, bool) {
	for _, r := range res.Ranking {
		if r.ID == id {
			return r, true
		}
	}
	return Ranked{}, false
}

// checkOf finds the met check on key.
func checkOf(r Ranked, key string) (Check, bool) {
	for _, c := range r.Met {
		if c.Key == key {
			return c, true
		}
	}
	return Check{}, false
}

func clone(r *requirements.Requirements) *requirements.Requirements {
	c := *r
	c.Must, c.Prefer = slices.Clone(r.Must), slices.Clone(r.Prefer)
	return &c
}

// nextUp is a little more than x: the smallest want past a limit, kept a
// whole number so that it prints like one.
func nextUp(x float64) float64 {
	return math.Floor(x) + 1
}

package engine

import (
	"math"
	"slices"
	"sort"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// Rank scores every service of base against req under rules and orders them:
// eligible single services first, then eligible combinations (a combination
// is offered where no single service meets every must, never above one
// that does), then the rest; each group by score, highest first, then id.
func Rank(req *requirements.Requirements, base *kb.Base, rules *ruleset.Set) Result {
	res := Result{Title: req.Title, Ranking: make([]Ranked, 0, len(base.Services))}
	p := prepare(req, rules)
	for _, s := range base.Services {
		if slices.Contains(req.Exclude, s.ID) || req.Provider != "" && s.Provider != req.Provider {
			res.Excluded = append(res.Excluded, s.ID)
			continue
		}
		res.Ranking = append(res.Ranking, p.score(s))
	}
	// Ids are unique, so the order is total and needs no stable sort, which
	// would move the large structs O(n log² n) times.
	sort.Slice(res.Ranking, func(i, j int) bool {
		a, b := &res.Ranking[i], &res.Ranking[j]
		if a.Eligible != b.Eligible {
			return a.Eligible
		}
		if a.Eligible && (len(a.Parts) == 0) != (len(b.Parts) == 0) {
			return len(a.Parts) == 0
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.ID < b.ID
	})
	for _, h := range p.hints {
		res.Hints = append(res.Hints, Hint{When: h.when, Because: h.Because, Weight: h.weight, Suits: h.Suits})
	}
	if len(res.Ranking) > 0 && res.Ranking[0].Eligible {
		top := res.Ranking[0]
		res.Recommendation = &Pick{ID: top.ID, Name: top.Name, Score: top.Score}
	}
	return res
}

// prepared is what does not depend on the service, worked out once per ranking.
type prepared struct {
	items []item
	total float64 // sum of item weights
	hints []hint
	hintW float64 // sum of active hint weights
	rules *ruleset.Set
}

// item is one requirement, ready to judge.
type item struct {
	index  int // the key's place in the catalog
	key    *catalog.Key
	rule   *ruleset.Rule
	value  catalog.Value
	want   string
	kind   string
	weight float64
}

// hint is a ranking hint that applies to the requirements.
type hint struct {
	*ruleset.Hint
	when   string
	weight float64
}

func prepare(req *requirements.Requirements, rules *ruleset.Set) *prepared {
	p := &prepared{rules: rules}
	add := func(items []requirements.Item, must bool) {
		for _, it := range items {
			k, _ := rules.Catalog.Lookup(it.Key)
			rule, _ := rules.Rule(it.Key)
			in := item{index: rules.Catalog.Index(it.Key), key: k, rule: rule, value: it.Value, want: it.Value.String(), kind: Prefer, weight: it.Weight}
			if must {
				in.kind, in.weight = Must, rules.Ranking.MustWeight
			}
			p.items = append(p.items, in)
			p.total += in.weight
		}
	}
	add(req.Must, true)
	add(req.Prefer, false)
	p.hints = activeHints(req, rules)
	for _, h := range p.hints {
		p.hintW += h.weight
	}
	return p
}

// activeHints are the hints whose conditions the requirements meet. A hint
// weighs as much as the heaviest key it rests on.
func activeHints(req *requirements.Requirements, rules *ruleset.Set) []hint {
	var out []hint
	for i := range rules.Ranking.Hints {
		h := &rules.Ranking.Hints[i]
		weight, holds := 0.0, len(h.Conds) > 0
		for _, c := range h.Conds {
			it, must, ok := req.Find(c.Key.Key)
			if !ok || !hintHolds(c.Key, compareOf(rules, c.Key.Key), it.Value, c.Value) {
				holds = false
				break
			}
			w := it.Weight
			if must {
				w = rules.Ranking.MustWeight
			}
			weight = max(weight, w)
		}
		if holds {
			out = append(out, hint{Hint: h, when: h.String(), weight: weight})
		}
	}
	return out
}

// hintHolds reports whether a requirement value matches a hint's condition:
// lists include it, numbers reach it, anything else equals it.
func hintHolds(k *catalog.Key, cmp ruleset.Compare, got, cond catalog.Value) bool {
	switch {
	case k.Type == catalog.List, k.IsQuantity():
		ok, _ := meets(k, cmp, got, cond)
		return ok
	}
	return got.String() == cond.String()
}

func compareOf(rules *ruleset.Set, key string) ruleset.Compare {
	r, _ := rules.Rule(key)
	return r.Compare
}

// score judges every item against s and scores what it found.
func (p *prepared) score(s *kb.Service) Ranked {
	w := p.rules.Ranking.Weights
	r := Ranked{ID: s.ID, Name: s.Name, Family: s.Family, Paradigm: s.Paradigm, Parts: s.Parts}
	// The three lists share one allocation: checks met from the front,
	// misses from the back, turned round after so that every list keeps the
	// order the keys were asked in (musts first: violations, then missed).
	checks := make([]Check, len(p.items))
	met, misses, violations := 0, len(checks), 0
	got := 0.0
	for i := range p.items {
		it := &p.items[i]
		c, ok := it.check(s.Fact(it.index), p.rules.Ranking.RequirementFit["opt-in"])
		got += it.weight * c.Fit
		if ok {
			checks[met] = c
			met++
			continue
		}
		misses--
		checks[misses] = c
		if it.kind == Must {
			violations++
		}
	}
	slices.Reverse(checks[met:])
	r.Met = checks[:met:met]
	r.Violations = checks[met : met+violations : met+violations]
	r.Missed = checks[met+violations:]
	r.Eligible = violations == 0

	fit := 1.0
	if p.total > 0 {
		fit = got / p.total
	}
	r.Breakdown.Fit = Part{Points: round1(w.Fit * fit), Max: w.Fit}

	affinity := 1.0
	if len(p.hints) > 0 {
		suited := 0.0
		for _, h := range p.hints {
			if slices.Contains(h.Suits, s.Paradigm) {
				suited += h.weight
			}
		}
		affinity = suited / p.hintW
	}
	r.Breakdown.Affinity.Points = round1(w.Affinity * affinity)
	r.Breakdown.Affinity.Max = w.Affinity

	simplicity := float64(10-s.Effort.Value) / 9
	r.Breakdown.Simplicity = Part{Points: round1(w.Simplicity * simplicity), Max: w.Simplicity,
		Effort: s.Effort.Value, Note: s.Effort.Note}

	r.Score = round1(r.Breakdown.Fit.Points + r.Breakdown.Affinity.Points + r.Breakdown.Simplicity.Points)
	return r
}

func round1(x float64) float64 {
	return math.Round(x*10) / 10
}

package engine

import (
	"math"
	"slices"
	"sort"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/pricing"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// Rank scores every service of base against req under rules, each in its
// best variant, and orders them: eligible ones first, then by score,
// highest first; ties by fewer requirements, then lower effort, then id.
// Combinations rank by score like any service: that a single service
// would do shows in their score (more to run) and in the report.
func Rank(req *requirements.Requirements, base *kb.Base, rules *ruleset.Set) Result {
	res := Result{Title: req.Title, Ranking: make([]Ranked, 0, len(base.Services)),
		Region: req.EffectiveRegion(), RegionAssumed: req.Region == ""}
	p := prepare(req, rules)
	p.base = base
	var ranked []*kb.Service
	for _, s := range base.Services {
		if excluded(req, s) {
			res.Excluded = append(res.Excluded, s.ID)
			continue
		}
		ranked = append(ranked, s)
	}
	p.ref = math.Inf(1)
	if req.Volume > 0 {
		p.ref = p.costRef(ranked)
	}
	for _, s := range ranked {
		res.Ranking = append(res.Ranking, p.best(s))
	}
	// Ids are unique, so the order is total and needs no stable sort.
	sort.Slice(res.Ranking, func(i, j int) bool { return ahead(&res.Ranking[i], &res.Ranking[j]) })
	for _, h := range p.hints {
		res.Hints = append(res.Hints, Hint{When: h.when, Because: h.Because, Weight: h.weight, Suits: h.Suits})
	}
	if len(res.Ranking) > 0 && res.Ranking[0].Eligible {
		top := res.Ranking[0]
		res.Recommendation = &Pick{ID: top.ID, Name: top.Name, Score: top.Score, Variant: top.Variant}
		for _, r := range res.Ranking {
			if r.Eligible && r.Score == top.Score {
				res.Tied = append(res.Tied, r.ID)
			}
		}
		if len(res.Tied) < 2 {
			res.Tied = nil
		}
	}
	return res
}

// excluded reports whether the requirements rule s out: by id, by a part
// excluded, or by provider.
func excluded(req *requirements.Requirements, s *kb.Service) bool {
	if slices.Contains(req.Exclude, s.ID) || req.Provider != "" && s.Provider != req.Provider {
		return true
	}
	return slices.ContainsFunc(s.Parts, func(id string) bool { return slices.Contains(req.Exclude, id) })
}

// ahead is the ranking's order: eligible first, then score, then fewer
// requirements, then lower effort, then id (the spec's tie rule).
func ahead(a, b *Ranked) bool {
	if a.Eligible != b.Eligible {
		return a.Eligible
	}
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if len(a.Requires) != len(b.Requires) {
		return len(a.Requires) < len(b.Requires)
	}
	if a.Breakdown.Simplicity.Effort != b.Breakdown.Simplicity.Effort {
		return a.Breakdown.Simplicity.Effort < b.Breakdown.Simplicity.Effort
	}
	return a.ID < b.ID
}

// prepared is what does not depend on the service, worked out once per ranking.
type prepared struct {
	items []item
	total float64 // sum of item weights
	hints []hint
	hintW float64 // sum of active hint weights
	rules *ruleset.Set
	req   *requirements.Requirements
	at    place
	// useCases are the use cases the user stated; each weighs useCaseW in
	// affinity.
	useCases []string
	useCaseW float64
	// base holds the prices; work is the traffic to price (assumed, what
	// it takes for granted); ref is the cheapest estimate of any service
	// ranked (+Inf without a volume).
	base    *kb.Base
	work    pricing.Workload
	assumed []string
	ref     float64
}

// item is one requirement, ready to judge: a key the user set, a key whose
// value another implies, or a measure derived from several keys.
type item struct {
	index   int  // the key's place in the catalog, or the measure's
	measure bool // judged against a measure, not a key's fact
	key     *catalog.Key
	compare ruleset.Compare
	value   catalog.Value
	want    string
	kind    string
	weight  float64
	implied string            // why the value was taken from another key
	terms   map[string]string // a derived item's factors, by key
	from    string            // the key the user set that brings in an implied or derived item
}

// hint is a ranking hint that applies to the requirements.
type hint struct {
	*ruleset.Hint
	when   string
	weight float64
}

func prepare(req *requirements.Requirements, rules *ruleset.Set) *prepared {
	work, assumed := workload(req)
	p := &prepared{rules: rules, req: req, useCases: req.UseCases, useCaseW: rules.Ranking.UseCaseWeight, work: work, assumed: assumed, at: place{region: req.EffectiveRegion(), assumed: req.Region == ""}}
	add := func(in item) {
		p.items = append(p.items, in)
		p.total += in.weight
	}
	for _, sec := range []struct {
		items []requirements.Item
		must  bool
	}{{req.Must, true}, {req.Prefer, false}} {
		for _, it := range sec.items {
			k, _ := rules.Catalog.Lookup(it.Key)
			in := item{index: rules.Catalog.Index(it.Key), key: k, compare: ruleset.CompareFor(k), value: it.Value,
				want: it.Value.String(), kind: Prefer, weight: it.Weight}
			if sec.must {
				in.kind, in.weight = Must, rules.Ranking.MustWeight
			}
			add(in)
		}
	}
	for _, in := range impliedItems(req, rules) {
		add(in)
	}
	for _, in := range derivedItems(req, rules) {
		add(in)
	}
	p.hints = activeHints(req, rules)
	for _, h := range p.hints {
		p.hintW += h.weight
	}
	return p
}

// weightOf is how much a requirement counts: a must's weight, or its own.
func weightOf(rules *ruleset.Set, it requirements.Item, must bool) float64 {
	if must {
		return rules.Ranking.MustWeight
	}
	return it.Weight
}

// impliedItems are the keys the user left out whose value another key
// implies under the rule's conditions (with strict order, the whole
// throughput is one ordering key's). The item is a must when the source
// and every condition are musts.
func impliedItems(req *requirements.Requirements, rules *ruleset.Set) []item {
	var out []item
	for i := range rules.Rules {
		r := &rules.Rules[i]
		if r.Implied == nil || req.Has(r.Key) {
			continue
		}
		from, fromMust, ok := req.Find(r.Implied.ValueOf)
		if !ok {
			continue
		}
		// The implied check restates the source key per ordering key, so it
		// weighs as the source does; the condition only says when it holds.
		allMust, holds, weight := fromMust, true, weightOf(rules, from, fromMust)
		for _, c := range r.Implied.Conds {
			it, must, ok := req.Find(c.Key.Key)
			if !ok || it.Value.String() != c.Value.String() {
				holds = false
				break
			}
			allMust = allMust && must
		}
		if !holds {
			continue
		}
		k, _ := rules.Catalog.Lookup(r.Key)
		in := item{index: rules.Catalog.Index(r.Key), key: k, compare: ruleset.CompareFor(k), value: from.Value,
			want: from.Value.String(), kind: Prefer, weight: weight, implied: r.Implied.Because, from: r.Implied.ValueOf}
		if allMust {
			in.kind, in.weight = Must, rules.Ranking.MustWeight
		}
		out = append(out, in)
	}
	return out
}

// derivedItems are the measures judged against the product of keys the
// user set (bytes a second: throughput times message size). The item is
// a must when every factor is.
func derivedItems(req *requirements.Requirements, rules *ruleset.Set) []item {
	var out []item
	for i := range rules.Derived {
		d := &rules.Derived[i]
		m, _ := rules.Catalog.Measure(d.Measure)
		num, allMust, weight, terms := 1.0, true, math.Inf(1), map[string]string{}
		set := true
		for _, key := range d.Product {
			it, must, ok := req.Find(key)
			if !ok {
				set = false
				break
			}
			num *= it.Value.Num
			allMust = allMust && must
			weight = min(weight, weightOf(rules, it, must))
			terms[key] = it.Value.String()
		}
		if !set {
			continue
		}
		v := catalog.Value{Type: m.Type, Num: num}
		in := item{index: rules.Catalog.MeasureIndex(d.Measure), measure: true, key: m, compare: ruleset.AtLeast,
			value: v, want: v.String(), kind: Prefer, weight: weight, terms: terms, from: d.Product[0]}
		if allMust {
			in.kind, in.weight = Must, rules.Ranking.MustWeight
		}
		out = append(out, in)
	}
	return out
}

// activeHints are the hints whose conditions the requirements meet. A hint
// weighs as much as the heaviest key it rests on.
func activeHints(req *requirements.Requirements, rules *ruleset.Set) []hint {
	var out []hint
	for i := range rules.Ranking.Hints {
		h := &rules.Ranking.Hints[i]
		if h.WithoutUseCase && len(req.UseCases) > 0 {
			continue // the user said what the messaging is for
		}
		weight, holds := 0.0, len(h.Conds) > 0
		for _, c := range h.Conds {
			it, must, ok := req.Find(c.Key.Key)
			if !ok || !hintHolds(c.Key, ruleset.CompareFor(c.Key), it.Value, c.Value) {
				holds = false
				break
			}
			weight = max(weight, weightOf(rules, it, must))
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

// best scores every variant of s and keeps the one that stands best: an
// eligible one, then the highest score, then the fewest requirements,
// then the earliest (the default first).
func (p *prepared) best(s *kb.Service) Ranked {
	var top Ranked
	variants := s.Configurations()
	for i := range variants {
		if !p.applies(variants[i].When) {
			continue
		}
		r := p.score(s, variants, i)
		if i == 0 || r.Eligible != top.Eligible && r.Eligible ||
			r.Eligible == top.Eligible && (r.Score > top.Score || r.Score == top.Score && len(r.Requires) < len(top.Requires)) {
			top = r
		}
	}
	return top
}

// applies reports whether the requirements set every value a variant
// depends on: a list key includes them, any other key equals it.
func (p *prepared) applies(when []kb.Condition) bool {
	for _, c := range when {
		it, _, ok := p.req.Find(c.Key)
		if !ok {
			return false
		}
		if c.Value.Type == catalog.List {
			for _, v := range c.Value.List {
				if !slices.Contains(it.Value.List, v) {
					return false
				}
			}
			continue
		}
		if it.Value.String() != c.Value.String() {
			return false
		}
	}
	return true
}

// caveatApplies reports whether the requirements set every value of a
// caveat's when and, when it names use cases, state one of them.
func (p *prepared) caveatApplies(c *kb.Caveat) bool {
	if len(c.UseCase) > 0 && !slices.ContainsFunc(c.UseCase, func(uc string) bool { return slices.Contains(p.useCases, uc) }) {
		return false
	}
	return p.applies(c.Conds)
}

// score judges every item against variant vi of s and scores what it found.
func (p *prepared) score(s *kb.Service, variants []kb.Variant, vi int) Ranked {
	w := p.rules.Ranking.Weights
	v := &variants[vi]
	r := Ranked{ID: s.ID, Name: s.Name, Family: s.Family, Paradigm: s.Paradigm, Parts: s.Parts, Roles: s.Roles, VariantIndex: vi}
	if s.Named() {
		r.Variant = &VariantRef{ID: v.ID, Name: v.Name, Default: vi == 0}
		if vi > 0 {
			docs := v.Docs
			if docs == "" {
				docs = s.Docs
			}
			r.Requires = append(r.Requires, Requirement{Kind: ruleset.RequiresVariant, Text: v.Name, Source: docs})
		}
	}
	// Every check lands in one of four lists, each in the order the keys
	// were asked; they share one allocation: the checks are made into buf,
	// then sorted stably by list in place (a handful of keys: insertion).
	const (
		isMet = iota
		isViolation
		isMissed
		isUnverified
		lists
	)
	est, estNote := p.estimateOf(s, variants, vi)
	r.Estimate, r.EstimateNote = est, estNote
	n := len(p.items)
	buf := make([]Check, n)
	var kindBuf [32]uint8
	kinds := kindBuf[:0]
	if n > len(kindBuf) {
		kinds = make([]uint8, 0, n)
	}
	got := 0.0
	for i := range p.items {
		it := &p.items[i]
		var c Check
		var ok bool
		if it.key.Estimate {
			c, ok = it.checkCost(est, estNote, &p.rules.Ranking)
		} else if it.measure && v.Measure(it.index) == nil {
			// No limit of this kind applies to the service: met in full.
			c, ok = Check{Key: it.key.Key, Kind: it.kind, Want: it.want, Have: "no limit", NoLimit: true,
				Weight: it.weight, Fit: 1, Terms: it.terms, From: it.from}, true
		} else if it.measure {
			c, ok = it.check(v.Measure(it.index), p.at, &p.rules.Ranking)
		} else {
			c, ok = it.check(v.Fact(it.index), p.at, &p.rules.Ranking)
		}
		got += it.weight * c.Fit
		buf[i] = c
		switch {
		case c.Unverified:
			kinds = append(kinds, isUnverified)
		case ok:
			kinds = append(kinds, isMet)
			if c.Requires != nil {
				r.Requires = addRequirement(r.Requires, *c.Requires)
			}
		case it.kind == Must:
			kinds = append(kinds, isViolation)
		default:
			kinds = append(kinds, isMissed)
		}
	}
	for i := 1; i < n; i++ {
		for j := i; j > 0 && kinds[j] < kinds[j-1]; j-- {
			kinds[j], kinds[j-1] = kinds[j-1], kinds[j]
			buf[j], buf[j-1] = buf[j-1], buf[j]
		}
	}
	var bounds [lists + 1]int // list l is buf[bounds[l]:bounds[l+1]]
	for _, k := range kinds {
		bounds[k+1]++
	}
	for l := range lists {
		bounds[l+1] += bounds[l]
	}
	part := func(list int) []Check { return buf[bounds[list]:bounds[list+1]:bounds[list+1]] }
	met, violations, missed, unverified := part(isMet), part(isViolation), part(isMissed), part(isUnverified)
	if len(missed) == 0 {
		missed = nil // as before: a service that misses no preference has none
	}
	if len(unverified) == 0 {
		unverified = nil
	}
	r.Met, r.Violations, r.Missed, r.Unverified = met, violations, missed, unverified
	r.Eligible = len(violations) == 0

	fit := 1.0
	if p.total > 0 {
		fit = got / p.total
	}
	r.Breakdown.Fit = Part{Points: round1(w.Fit * fit), Max: w.Fit}

	// Affinity is what the user said, only: the hints their keys trigger
	// and the use cases they stated, each weighed; a service suits a use
	// case it lists as primary in full, as secondary in part.
	affinity := 1.0
	if total := p.hintW + p.useCaseW*float64(len(p.useCases)); total > 0 {
		suited := 0.0
		for _, h := range p.hints {
			if slices.Contains(h.Suits, s.Paradigm) {
				suited += h.weight
			}
		}
		for _, uc := range p.useCases {
			m := UseCaseMatch{ID: uc, Weight: p.useCaseW}
			switch {
			case slices.Contains(v.Suits.Primary, uc):
				m.Role, m.Share = "primary", 1
			case slices.Contains(v.Suits.Secondary, uc):
				m.Role, m.Share = "secondary", p.rules.Ranking.SecondaryShare
			}
			suited += m.Share * m.Weight
			r.UseCases = append(r.UseCases, m)
		}
		affinity = suited / total
	}
	for _, c := range v.Caveats {
		if p.caveatApplies(&c) {
			r.Caveats = append(r.Caveats, Caveat{Text: c.Text, Source: c.Source})
		}
	}
	r.Breakdown.Affinity.Points = round1(w.Affinity * affinity)
	r.Breakdown.Affinity.Max = w.Affinity

	// Simplicity is what it takes to run (effort) and, with a volume, to
	// pay for: the cheapest estimate of any service over this one's, for
	// cost_share of the part, so that one ten times dearer for the same fit
	// does not win on a tie of effort.
	simplicity := float64(10-v.Effort.Value) / 9
	r.Breakdown.Simplicity = Part{Max: w.Simplicity, Effort: v.Effort.Value, Note: v.Effort.Note}
	// A partial estimate (a floor) is compared as it stands — a floor
	// already dearer than the cheapest loses — but never sets the reference.
	if est != nil && est.MonthlyUSD > 0 && !math.IsInf(p.ref, 1) {
		r.Breakdown.Simplicity.CostShare = math.Min(1, p.ref/est.MonthlyUSD)
		share := p.rules.Ranking.CostShare
		simplicity = (1-share)*simplicity + share*r.Breakdown.Simplicity.CostShare
	}
	r.Breakdown.Simplicity.Points = round1(w.Simplicity * simplicity)

	r.Score = round1(r.Breakdown.Fit.Points + r.Breakdown.Affinity.Points + r.Breakdown.Simplicity.Points)
	return r
}

// addRequirement adds req to list, or its keys to the same requirement
// already there.
func addRequirement(list []Requirement, req Requirement) []Requirement {
	for i := range list {
		if list[i].Kind == req.Kind && list[i].Text == req.Text {
			for _, k := range req.Keys {
				if !slices.Contains(list[i].Keys, k) {
					list[i].Keys = append(list[i].Keys, k)
				}
			}
			return list
		}
	}
	return append(list, req)
}

func round1(x float64) float64 {
	return math.Round(x*10) / 10
}

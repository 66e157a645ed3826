package engine

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// Rank scores every service of base against req under rules and orders them:
// eligible first, then by score, highest first, then by id.
func Rank(req *requirements.Requirements, base *kb.Base, rules *ruleset.Set) Result {
	res := Result{Version: 1, Title: req.Title, Ranking: []Ranked{}}
	hints := activeHints(req, rules)
	for _, s := range base.Services {
		if slices.Contains(req.Exclude, s.ID) || req.Provider != "" && s.Provider != req.Provider {
			res.Excluded = append(res.Excluded, s.ID)
			continue
		}
		res.Ranking = append(res.Ranking, score(req, s, rules, hints))
	}
	sort.SliceStable(res.Ranking, func(i, j int) bool {
		a, b := res.Ranking[i], res.Ranking[j]
		if a.Eligible != b.Eligible {
			return a.Eligible
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.ID < b.ID
	})
	if len(res.Ranking) > 0 && res.Ranking[0].Eligible {
		top := res.Ranking[0]
		res.Recommendation = &Pick{ID: top.ID, Name: top.Name, Score: top.Score}
	}
	return res
}

// hint is a ranking hint that applies to the requirements, with its weight.
type hint struct {
	*ruleset.Hint
	weight float64
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
			if !ok {
				holds = false
				break
			}
			if !hintHolds(c.Key, compareOf(rules, c.Key.Key), it.Value, c.Value) {
				holds = false
				break
			}
			weight = max(weight, itemWeight(rules, it, must))
		}
		if holds {
			out = append(out, hint{h, weight})
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

func itemWeight(rules *ruleset.Set, it requirements.Item, must bool) float64 {
	if must {
		return rules.Ranking.MustWeight
	}
	return it.Weight
}

func score(req *requirements.Requirements, s *kb.Service, rules *ruleset.Set, hints []hint) Ranked {
	r := Ranked{ID: s.ID, Name: s.Name, Family: s.Family, Paradigm: s.Paradigm, Eligible: true,
		Met: []Check{}, Violations: []Check{}, Notes: []string{}}
	w := rules.Ranking.Weights
	var got, total float64
	judgeItems := func(items []requirements.Item, must bool) {
		kind := Prefer
		if must {
			kind = Must
		}
		for _, it := range items {
			k, _ := rules.Catalog.Lookup(it.Key)
			rule, _ := rules.Rule(it.Key)
			fact := s.Facts[it.Key]
			v := verdict{have: catalog.Value{Type: catalog.Enum, Text: "unknown"}}
			if fact != nil {
				v = judge(k, rule, fact, it.Value)
			}
			weight := itemWeight(rules, it, must)
			total += weight
			c := Check{Key: it.Key, Kind: kind, Want: it.Value.String(), Have: v.have.String(), Condition: v.condition}
			switch {
			case v.met:
				fit := 1.0
				c.Reason = sentence(rule.Met, it.Value, v)
				if v.condition != "" {
					fit = rules.Ranking.ConditionFit
					c.Reason += " with " + v.condition
					r.Notes = append(r.Notes, fmt.Sprintf("%s %s needs %s", it.Key, it.Value, v.condition))
				}
				got += weight * fit
				r.Met = append(r.Met, c)
				r.Breakdown.Fit.Lines = append(r.Breakdown.Fit.Lines, fmt.Sprintf("%s %s: %s (%s, counts %g of %g)", kind, it.Key, c.Reason, c.Have, weight*fit, weight))
			default:
				c.Reason = sentence(rule.Unmet, it.Value, v)
				switch {
				case fact == nil:
					c.Reason = "the knowledge base records nothing on " + it.Key + " for this service"
				case fact.Note != "":
					c.Reason += ": " + fact.Note
				}
				if must {
					r.Eligible = false
					r.Violations = append(r.Violations, c)
				} else {
					r.Missed = append(r.Missed, c)
				}
				r.Breakdown.Fit.Lines = append(r.Breakdown.Fit.Lines, fmt.Sprintf("%s %s: %s (counts 0 of %g)", kind, it.Key, c.Reason, weight))
			}
		}
	}
	judgeItems(req.Must, true)
	judgeItems(req.Prefer, false)
	fit := 1.0
	if total > 0 {
		fit = got / total
	} else {
		r.Breakdown.Fit.Lines = append(r.Breakdown.Fit.Lines, "no keys set: full marks for every service")
	}
	r.Breakdown.Fit.Max = w.Fit
	r.Breakdown.Fit.Points = round1(w.Fit * fit)

	affinity, lines, checks := affinityOf(s, hints)
	r.Breakdown.Affinity = Part{Points: round1(w.Affinity * affinity), Max: w.Affinity, Lines: lines, Hints: checks}

	simplicity := float64(10-s.Effort.Value) / 9
	r.Breakdown.Simplicity = Part{Points: round1(w.Simplicity * simplicity), Max: w.Simplicity, Effort: s.Effort.Value,
		Lines: []string{fmt.Sprintf("effort %d of 10: %s", s.Effort.Value, s.Effort.Note)}}

	r.Score = round1(r.Breakdown.Fit.Points + r.Breakdown.Affinity.Points + r.Breakdown.Simplicity.Points)
	return r
}

// affinityOf is the weighted share of the active hints that suit the
// service's paradigm; with no active hint it is 1 for everyone.
func affinityOf(s *kb.Service, hints []hint) (float64, []string, []HintCheck) {
	if len(hints) == 0 {
		return 1, []string{"no hint applies: full marks for every service"}, nil
	}
	var got, total float64
	var lines []string
	var checks []HintCheck
	for _, h := range hints {
		total += h.weight
		suits := slices.Contains(h.Suits, s.Paradigm)
		checks = append(checks, HintCheck{When: h.String(), Because: h.Because, Weight: h.weight, Suits: suits})
		if suits {
			got += h.weight
			lines = append(lines, fmt.Sprintf("suits (%s): %s", h.String(), h.Because))
		} else {
			lines = append(lines, fmt.Sprintf("does not suit (%s): a %s service; %s", h.String(), s.Paradigm, h.Because))
		}
	}
	return got / total, lines, checks
}

func round1(x float64) float64 {
	return math.Round(x*10) / 10
}

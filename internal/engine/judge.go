package engine

import (
	"math"
	"slices"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/pricing"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// place is where a ranking is judged: the Region, and whether the
// requirements named it or the default was assumed.
type place struct {
	region  string
	assumed bool
}

// verdict is one key judged against one fact.
type verdict struct {
	met      bool
	have     catalog.Value
	text     string       // have as text, when the knowledge base has it ready
	requires *Requirement // the option's requirement when only an option meets
	missing  []string     // list keys: wanted values the service lacks
}

func (v verdict) haveText() string {
	if v.text != "" {
		return v.text
	}
	return v.have.String()
}

// check judges the item against a service's fact (nil when the knowledge
// base has none), met or not. A fact AWS does not publish leaves the
// item unverified: it counts unverified_fit, and is not a miss.
func (it *item) check(fact *kb.Fact, at place, r *ruleset.Ranking) (c Check, met bool) {
	c = Check{Key: it.key.Key, Kind: it.kind, Want: it.want, Weight: it.weight, Implied: it.implied, Terms: it.terms, From: it.from}
	switch {
	case fact == nil:
		c.Have, c.Unknown = "unknown", true
		return c, false
	case fact.Unknown:
		// An option that meets is a match under its requirement; short of
		// one, the key cannot be judged.
		if v := judge(it.key, it.compare, fact, it.value, at); v.met {
			c.Have = v.haveText()
			c.Fit = 1
			if v.requires != nil {
				v.requires.Keys = []string{it.key.Key}
				c.Requires, c.Condition, c.Fit = v.requires, v.requires.Text, r.RequirementFit[v.requires.Kind]
			}
			return c, true
		}
		c.Have, c.Unverified, c.Measure, c.Note = "unknown", true, fact.Measure, fact.Note
		c.Fit = r.UnverifiedFit
		return c, true
	}
	v := judge(it.key, it.compare, fact, it.value, at)
	c.Have = v.haveText()
	switch {
	case !v.met:
		c.Note, c.Missing = fact.Note, v.missing
	case v.requires == nil:
		c.Fit = 1
	default:
		v.requires.Keys = []string{it.key.Key}
		c.Requires, c.Condition = v.requires, v.requires.Text
		c.Fit = r.RequirementFit[v.requires.Kind]
	}
	return c, v.met
}

// judge compares what is wanted with what a fact offers in the Region,
// first outright and then under each of the fact's options offered there;
// of several options that meet, the one that costs least.
func judge(k *catalog.Key, cmp ruleset.Compare, fact *kb.Fact, want catalog.Value, at place) verdict {
	have, text, _, _ := fact.In(at.region)
	ok, missing := meets(k, cmp, have, want)
	if ok && !fact.Unknown {
		return verdict{met: true, have: have, text: text}
	}
	var best *verdict
	for i := range fact.Options {
		o := &fact.Options[i]
		req, offered := requirementOf(o, fact, at)
		if !offered {
			continue
		}
		ov, otext := o.ValueIn(at.region)
		ok, _ := meets(k, cmp, ov, want)
		if ok && req == nil {
			return verdict{met: true, have: ov, text: otext} // offered in the user's own Region
		}
		if ok && (best == nil || cost(req.Kind) < cost(best.requires.Kind)) {
			best = &verdict{met: true, have: ov, text: otext, requires: req}
		}
	}
	if best != nil {
		return *best
	}
	return verdict{have: have, text: text, missing: missing}
}

// cost orders requirement kinds from the least to the most to ask of a team.
func cost(kind string) int {
	return slices.Index([]string{ruleset.RequiresOptIn, ruleset.RequiresQuotaIncrease, ruleset.RequiresRegion, ruleset.RequiresClientChange}, kind)
}

// requirementOf is what an option needs in place, and whether it is
// offered there at all. An option offered only in some Regions is the
// user's own Region when they named it; when they did not, the default
// Region is an assumption, and the option a requirement of kind region.
func requirementOf(o *kb.Option, f *kb.Fact, at place) (*Requirement, bool) {
	if !o.AvailableIn(at.region) {
		return nil, false
	}
	src, _ := o.SourceOf(f)
	req := &Requirement{Kind: o.Kind, Text: o.Condition, Source: src}
	if len(o.In) > 0 && o.Kind == ruleset.RequiresRegion {
		if !at.assumed {
			return nil, true // their Region: nothing to ask
		}
		req.Text += " (only in " + strings.Join(o.In, ", ") + ")"
	}
	return req, true
}

func meets(k *catalog.Key, cmp ruleset.Compare, have, want catalog.Value) (bool, []string) {
	switch cmp {
	case ruleset.Flag:
		return !want.Bool || have.Bool, nil
	case ruleset.AtLeast:
		if k.IsQuantity() {
			return have.Num >= want.Num, nil
		}
		return k.Rank(have.Text) >= k.Rank(want.Text), nil
	case ruleset.Includes:
		// A wanted value is met by itself or by any value it covers
		// (plain amqp by either AMQP version).
		has := func(w string) bool {
			return slices.Contains(have.List, w) || slices.ContainsFunc(k.Covers[w], func(c string) bool { return slices.Contains(have.List, c) })
		}
		if want.Type == catalog.Enum {
			if has(want.Text) {
				return true, nil
			}
			return false, []string{want.Text}
		}
		var missing []string
		for _, w := range want.List {
			if !has(w) {
				missing = append(missing, w)
			}
		}
		return len(missing) == 0, missing
	}
	return false, nil
}

// checkCost judges a budget against the estimate: within it is met; over
// it, a must is missed and a preference keeps the share budget/estimate;
// with no estimate (no volume, no prices) the key is unverified.
func (it *item) checkCost(est *pricing.Estimate, note string, r *ruleset.Ranking) (Check, bool) {
	c := Check{Key: it.key.Key, Kind: it.kind, Want: it.want, Weight: it.weight, From: it.from}
	if est == nil {
		c.Have, c.Unverified, c.Measure, c.Fit = "unknown", true, "give volume (average messages a second) to estimate the cost; "+note, r.UnverifiedFit
		return c, true
	}
	c.Have = catalog.Value{Type: catalog.Money, Num: math.Round(est.MonthlyUSD)}.String()
	if est.MonthlyUSD <= it.value.Num {
		c.Fit = 1
		return c, true
	}
	if it.kind == Prefer {
		c.Fit = it.value.Num / est.MonthlyUSD
	}
	return c, false
}

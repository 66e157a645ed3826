package kb

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// Combine builds each combination's service from its parts in base. A
// combination whose parts are missing is reported.
func Combine(base []*Service, combos []*Combination, rules *ruleset.Set) ([]*Service, error) {
	byID := map[string]*Service{}
	var ids []string
	for _, s := range base {
		byID[s.ID] = s
		ids = append(ids, s.ID)
	}
	var out []*Service
	var errs diag.List
	for _, c := range combos {
		if first, clash := byID[c.ID]; clash {
			errs.Add(c.At.ID, "combination id %q is also the id of the service in %s; give it its own", c.ID, first.File)
			continue
		}
		var parts []*Service
		for i, id := range c.Parts {
			p, ok := byID[id]
			if !ok {
				errs.Add(c.At.Parts[i], "combination %s names unknown service %q%s", c.ID, id, diag.Suggest(id, ids))
				continue
			}
			if len(p.Parts) > 0 {
				errs.Add(c.At.Parts[i], "combination %s names %q, itself a combination; name services", c.ID, id)
				continue
			}
			if pin := c.pinned(i); pin != "" && !slices.ContainsFunc(p.Configurations(), func(v Variant) bool { return v.ID == pin }) {
				errs.Add(c.At.Parts[i], "combination %s pins variant %q of %s, which has %s", c.ID, pin, id, diag.OneOf(variantIDs(p)))
				continue
			}
			parts = append(parts, p)
		}
		if len(parts) == len(c.Parts) {
			out = append(out, combineParts(c, parts, rules))
		}
	}
	return out, errs.Err()
}

// pinned is the variant the combination pins for part i, or "".
func (c *Combination) pinned(i int) string {
	if i < len(c.Pinned) {
		return c.Pinned[i]
	}
	return ""
}

func variantIDs(s *Service) []string {
	var out []string
	for _, v := range s.Configurations() {
		out = append(out, v.ID)
	}
	return out
}

func combineParts(c *Combination, parts []*Service, rules *ruleset.Set) *Service {
	s := &Service{ID: c.ID, Name: c.Name, Family: CombinationFamily, Provider: parts[0].Provider,
		Paradigm: c.Paradigm, Summary: c.Summary, Docs: c.Docs, UseCases: c.UseCases, Parts: c.Parts, Roles: slices.Clone(c.Roles),
		File: c.File, At: Positions{ID: c.At.ID}}
	for _, chosen := range partVariants(c, parts) {
		s.Variants = append(s.Variants, combineVariant(c, parts, chosen, rules))
	}
	s.Effort, s.Pricing = s.Variants[0].Effort, s.Variants[0].Pricing
	s.Suits, s.Caveats, s.Consequences = s.Variants[0].Suits, s.Variants[0].Caveats, s.Variants[0].Consequences
	s.Facts, s.Measures = s.Variants[0].Facts, s.Variants[0].Measures
	return s
}

// partVariants lists every coherent choice of one variant per part (the
// pinned one where the combination pins it), the parts' defaults first.
func partVariants(c *Combination, parts []*Service) [][]*Variant {
	out := [][]*Variant{nil}
	for i, p := range parts {
		var next [][]*Variant
		variants := p.Configurations()
		for _, prefix := range out {
			for j := range variants {
				v := &variants[j]
				if pin := c.pinned(i); pin != "" && v.ID != pin {
					continue
				}
				next = append(next, append(slices.Clone(prefix), v))
			}
		}
		out = next
	}
	return out
}

// combineVariant builds one variant of a combination from one variant of
// each part.
func combineVariant(c *Combination, parts []*Service, chosen []*Variant, rules *ruleset.Set) Variant {
	var names, efforts, pricing, ids, vnames, vparts []string
	most := 0
	for i, p := range parts {
		v := chosen[i]
		names = append(names, p.ID)
		most = max(most, v.Effort.Value)
		efforts = append(efforts, fmt.Sprintf("%s %d", p.ID, v.Effort.Value))
		pricing = append(pricing, p.ID+": "+v.Pricing.Summary)
		if v.ID != "" {
			ids = append(ids, v.ID)
			vnames = append(vnames, p.Name+" ("+v.Name+")")
			vparts = append(vparts, p.ID+": "+v.ID)
		}
	}
	out := Variant{ID: strings.Join(ids, "+"), Name: strings.Join(vnames, " + "), Parts: vparts, Docs: c.Docs,
		Suits: c.Suits, Consequences: slices.Clone(c.Consequences)}
	for i, v := range chosen {
		for _, cv := range v.Caveats {
			cv.Text = parts[i].ID + ": " + cv.Text
			out.Caveats = append(out.Caveats, cv)
		}
		for _, q := range v.Consequences {
			q.Text = parts[i].ID + ": " + q.Text
			out.Consequences = append(out.Consequences, q)
		}
	}
	for _, v := range chosen {
		out.PartVariants = append(out.PartVariants, v.ID)
	}
	for i, v := range chosen {
		if c.pinned(i) == "" {
			out.When = append(out.When, v.When...) // a pinned part's conditions are the combination's design
		}
	}
	out.Effort = Effort{Value: min(10, most+rules.Ranking.CombinationEffort), Source: c.Docs, Checked: c.Checked,
		Note: fmt.Sprintf("%s to run together (%s), plus the wiring between them", strings.Join(names, " and "), strings.Join(efforts, ", "))}
	out.Pricing = Sourced{Summary: strings.Join(pricing, "; "), Source: c.Docs, Checked: c.Checked}
	answeredBy := map[string]Answer{}
	for _, a := range c.Answers {
		for _, k := range a.Keys {
			answeredBy[k] = a
		}
	}
	build := func(keys []catalog.Key, factOf func(v *Variant, i int) *Fact, combine func(key string) string) []Fact {
		facts := make([]Fact, len(keys))
		for i := range keys {
			k := &keys[i]
			if a, ok := answeredBy[k.Key]; ok {
				j := slices.Index(c.Parts, a.From)
				if f := factOf(chosen[j], i); f != nil {
					facts[i] = answered(f, a)
				}
				continue
			}
			var from []*Fact
			var who []string
			for j := range parts {
				if f := factOf(chosen[j], i); f != nil {
					from, who = append(from, f), append(who, names[j])
				} else if !isMeasure(rules, k.Key) {
					from = nil // unknown for a part: unknown for the whole
					break
				}
			}
			if len(from) > 0 {
				facts[i] = combineFacts(k, combine(k.Key), from, who)
			}
		}
		return facts
	}
	out.Facts = build(rules.Catalog.Keys, (*Variant).Fact, func(key string) string {
		r, _ := rules.Rule(key)
		return r.Combine
	})
	out.Measures = build(rules.Catalog.Measures, (*Variant).Measure, func(key string) string {
		if d, ok := rules.DerivedFor(key); ok {
			return d.Combine
		}
		return ruleset.CombineLower
	})
	return out
}

func isMeasure(rules *ruleset.Set, key string) bool {
	_, ok := rules.Catalog.Measure(key)
	return ok
}

// answered is a part's fact as the answer for the whole, saying for whom.
func answered(f *Fact, a Answer) Fact {
	out := *f
	out.Note = a.From + " answers this"
	if a.For != "" {
		out.Note += " for " + a.For
	}
	if f.Note != "" {
		out.Note += ": " + f.Note
	}
	return out
}

// combineFacts combines the facts of one key by how: outright from the
// parts' values, citing the part that decides it; Region by Region where a
// part's value depends on the Region; and, for each part option that
// improves on the whole, that option alone, so that a combined option
// carries only the conditions that produce it.
func combineFacts(k *catalog.Key, how string, facts []*Fact, names []string) Fact {
	for i, f := range facts {
		// Under first or last only that part decides; otherwise any part may.
		decides := how != ruleset.CombineFirst && how != ruleset.CombineLast ||
			how == ruleset.CombineFirst && i == 0 || how == ruleset.CombineLast && i == len(facts)-1
		if f.Unknown && decides {
			return Fact{Unknown: true, Text: unknownValue, Measure: names[i] + ": " + f.Measure,
				Note: names[i] + " does not publish it", Source: f.Source, Checked: f.Checked}
		}
	}
	values := make([]catalog.Value, len(facts))
	for i, f := range facts {
		values[i] = f.Value
	}
	v, by := combineValues(k, how, values)
	out := Fact{Value: v, Text: v.String(), Source: facts[by].Source, Checked: facts[by].Checked, Per: facts[by].Per}
	var notes []string
	for i, f := range facts {
		if f.Note != "" {
			notes = append(notes, names[i]+": "+f.Note)
		}
	}
	out.Note = strings.Join(notes, "; ")
	out.Regions = combineTiers(k, how, facts)
	for i, f := range facts {
		for _, o := range f.Options {
			alt := slices.Clone(values)
			alt[i] = o.Value
			if b, _ := combineValues(k, how, alt); better(k, b, v) {
				src, day := o.SourceOf(f)
				out.Options = append(out.Options, Option{Value: b, Text: b.String(), Kind: o.Kind,
					Condition: names[i] + ": " + o.Condition, In: o.In, Note: o.Note, Source: src, Checked: day})
			}
		}
	}
	return out
}

// combineTiers is the combined value in every Region some part names.
func combineTiers(k *catalog.Key, how string, facts []*Fact) []Tier {
	var regions []string
	for _, f := range facts {
		for _, t := range f.Regions {
			for _, r := range t.In {
				if !slices.Contains(regions, r) {
					regions = append(regions, r)
				}
			}
		}
	}
	slices.Sort(regions)
	var out []Tier
	for _, r := range regions {
		values := make([]catalog.Value, len(facts))
		sources := make([][2]string, len(facts))
		for i, f := range facts {
			v, _, src, day := f.In(r)
			values[i], sources[i] = v, [2]string{src, day}
		}
		v, by := combineValues(k, how, values)
		if i := slices.IndexFunc(out, func(t Tier) bool { return t.Text == v.String() && t.Source == sources[by][0] }); i >= 0 {
			out[i].In = append(out[i].In, r)
			continue
		}
		out = append(out, Tier{In: []string{r}, Value: v, Text: v.String(), Source: sources[by][0], Checked: sources[by][1]})
	}
	return out
}

// better reports whether a is a better value than b for key k.
func better(k *catalog.Key, a, b catalog.Value) bool {
	switch {
	case k.Type == catalog.Bool:
		return a.Bool && !b.Bool
	case k.IsQuantity():
		return a.Num > b.Num
	case k.Type == catalog.Enum && len(k.Strength) > 0:
		return k.Rank(a.Text) > k.Rank(b.Text)
	case k.Type == catalog.List || k.Type == catalog.Enum:
		return len(a.List) > len(b.List)
	}
	return false
}

// combineValues combines the parts' values by how, and says which part's
// value decides the result (the first that does, for any, all and union).
func combineValues(k *catalog.Key, how string, vs []catalog.Value) (catalog.Value, int) {
	switch how {
	case ruleset.CombineFirst:
		return vs[0], 0
	case ruleset.CombineLast:
		return vs[len(vs)-1], len(vs) - 1
	case ruleset.CombineAny, ruleset.CombineAll:
		out, by := vs[0], 0
		for i, v := range vs[1:] {
			if how == ruleset.CombineAny && v.Bool && !out.Bool || how == ruleset.CombineAll && !v.Bool && out.Bool {
				out, by = v, i+1
			}
		}
		return out, by
	case ruleset.CombineLower, ruleset.CombineHigher:
		out, by := vs[0], 0
		for i, v := range vs[1:] {
			if how == ruleset.CombineLower && v.Num < out.Num || how == ruleset.CombineHigher && v.Num > out.Num {
				out, by = v, i+1
			}
		}
		if math.IsNaN(out.Num) {
			return vs[0], 0
		}
		return out, by
	case ruleset.CombineWeaker:
		out, by := vs[0], 0
		for i, v := range vs[1:] {
			if k.Rank(v.Text) < k.Rank(out.Text) {
				out, by = v, i+1
			}
		}
		return out, by
	case ruleset.CombineUnion:
		var items []string
		for _, v := range vs {
			items = append(items, v.List...)
		}
		return catalog.Value{Type: catalog.List, List: k.Union(nil, items)}, 0
	}
	return vs[0], 0
}

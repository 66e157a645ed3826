package kb

import (
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/ruleset"
	"github.com/advisor-dev/advisor/internal/yamlx"
)

// Combination is a knowledge entry made of services used together (SNS
// fanning out into SQS queues, say). Its facts are not written down: they
// follow from its parts' facts by each rule's `combine`, so that they stay
// true when a part's facts change.
type Combination struct {
	Version  int      `yaml:"version"`
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Parts    []string `yaml:"parts"` // service ids, in the order messages flow
	Paradigm string   `yaml:"paradigm"`
	Summary  string   `yaml:"summary"`
	Docs     string   `yaml:"docs"`
	Checked  string   `yaml:"checked"`
	UseCases []string `yaml:"use_cases"`

	File string `yaml:"-"`
}

// Combine builds each combination's service from its parts in base. A
// combination whose parts are missing is reported.
func Combine(base []*Service, combos []*Combination, rules *ruleset.Set) ([]*Service, error) {
	byID := map[string]*Service{}
	for _, s := range base {
		byID[s.ID] = s
	}
	var out []*Service
	for _, c := range combos {
		if _, clash := byID[c.ID]; clash {
			return nil, fmt.Errorf("%s: combination id %q is a service's id too; give it its own", c.File, c.ID)
		}
		var parts []*Service
		for _, id := range c.Parts {
			p, ok := byID[id]
			if !ok {
				return nil, fmt.Errorf("%s: combination %s names unknown service %q", c.File, c.ID, id)
			}
			parts = append(parts, p)
		}
		out = append(out, combineParts(c, parts, rules))
	}
	return out, nil
}

func combineParts(c *Combination, parts []*Service, rules *ruleset.Set) *Service {
	s := &Service{Version: 1, ID: c.ID, Name: c.Name, Family: "combinations", Provider: parts[0].Provider,
		Paradigm: c.Paradigm, Summary: c.Summary, Docs: c.Docs, UseCases: c.UseCases, Parts: c.Parts, File: c.File}
	var names, efforts, pricing []string
	most := 0
	for _, p := range parts {
		names = append(names, p.ID)
		most = max(most, p.Effort.Value)
		efforts = append(efforts, fmt.Sprintf("%s %d", p.ID, p.Effort.Value))
		pricing = append(pricing, p.ID+": "+p.Pricing.Summary)
	}
	s.Effort = Effort{Value: min(10, most+rules.Ranking.CombinationEffort), Source: c.Docs, Checked: c.Checked,
		Note: fmt.Sprintf("%s to run together (%s), plus the wiring between them", strings.Join(names, " and "), strings.Join(efforts, ", "))}
	s.Pricing = Sourced{Summary: strings.Join(pricing, "; "), Source: c.Docs, Checked: c.Checked}
	block := make([]Fact, len(rules.Catalog.Keys))
	s.ByIndex = make([]*Fact, len(rules.Catalog.Keys))
	for i := range rules.Catalog.Keys {
		k := &rules.Catalog.Keys[i]
		var facts []*Fact
		for _, p := range parts {
			facts = append(facts, p.Fact(i))
		}
		if slices.Contains(facts, nil) {
			continue // unknown for a part: unknown for the whole
		}
		rule, _ := rules.Rule(k.Key)
		f := &block[i]
		*f = combineFacts(k, rule.Combine, facts, names)
		s.ByIndex[i] = f
	}
	return s
}

// combineFacts combines the facts of one key: outright from the parts'
// values, and, where a part reaches more under a condition, once more from
// the best each part reaches, under all those conditions.
func combineFacts(k *catalog.Key, how string, facts []*Fact, names []string) Fact {
	var values, best []catalog.Value
	var conditions, notes, sources []string
	for i, f := range facts {
		values = append(values, f.Value)
		b := f.Value
		for _, o := range f.Options {
			b = o.Value // options are listed from the lesser to the greater
			if c := names[i] + ": " + o.Condition; !slices.Contains(conditions, c) {
				conditions = append(conditions, c)
			}
		}
		best = append(best, b)
		if f.Note != "" {
			notes = append(notes, names[i]+": "+f.Note)
		}
		sources = append(sources, f.Source)
	}
	v := combineValues(k, how, values)
	out := Fact{Value: v, Text: v.String(), Note: strings.Join(notes, "; "), Source: sources[0], Checked: facts[0].Checked}
	if len(conditions) > 0 {
		if b := combineValues(k, how, best); b.String() != v.String() {
			out.Options = []Option{{Value: b, Text: b.String(), Condition: strings.Join(conditions, "; ")}}
		}
	}
	return out
}

func combineValues(k *catalog.Key, how string, vs []catalog.Value) catalog.Value {
	switch how {
	case ruleset.CombineFirst:
		return vs[0]
	case ruleset.CombineLast:
		return vs[len(vs)-1]
	case ruleset.CombineAny, ruleset.CombineAll:
		out := vs[0]
		for _, v := range vs[1:] {
			if how == ruleset.CombineAny {
				out.Bool = out.Bool || v.Bool
			} else {
				out.Bool = out.Bool && v.Bool
			}
		}
		return out
	case ruleset.CombineLower, ruleset.CombineHigher:
		out := vs[0]
		for _, v := range vs[1:] {
			if how == ruleset.CombineLower {
				out.Num = math.Min(out.Num, v.Num)
			} else {
				out.Num = math.Max(out.Num, v.Num)
			}
		}
		return out
	case ruleset.CombineWeaker:
		out := vs[0]
		for _, v := range vs[1:] {
			if k.Rank(v.Text) < k.Rank(out.Text) {
				out = v
			}
		}
		return out
	case ruleset.CombineUnion:
		var items []string
		for _, v := range vs {
			items = append(items, v.List...)
		}
		return catalog.Value{Type: catalog.List, List: k.Union(nil, items)}
	}
	return vs[0]
}

// LoadCombinations reads the combinations in fsys's combinations/ folder
// (none is fine). prefix is put before file names in messages.
func LoadCombinations(fsys fs.FS, prefix string, rules *ruleset.Set) ([]*Combination, error) {
	paths, err := fs.Glob(fsys, "combinations/*.yaml")
	if err != nil {
		return nil, err
	}
	var out []*Combination
	var errs diag.List
	for _, f := range readAll(fsys, prefix, paths, &errs) {
		c, err := ParseCombination(f.name, f.data, rules)
		if err != nil {
			errs.Append(diag.Pos{File: f.name}, err)
			continue
		}
		out = append(out, c)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// ParseCombination reads and checks one combination.
func ParseCombination(name string, data []byte, rules *ruleset.Set) (*Combination, error) {
	root, err := yamlx.Parse(name, data)
	if err != nil {
		return nil, err
	}
	var c Combination
	if err := yamlx.DecodeStrict(name, data, root, &c); err != nil {
		return nil, err
	}
	c.File = name
	var errs diag.List
	at := func(key string) diag.Pos { return yamlx.Pos(name, lookup(root, key)) }
	switch {
	case c.Version != 1:
		errs.Add(at("version"), "version must be 1, not %d", c.Version)
	case !validID(c.ID):
		errs.Add(at("id"), "id %q must be lower-case letters, digits and dashes", c.ID)
	case len(c.Parts) < 2:
		errs.Add(at("parts"), "a combination needs at least two parts (service ids)")
	case c.Name == "" || c.Summary == "":
		errs.Add(at("name"), "a combination needs a name and a summary")
	case !slices.Contains(rules.Ranking.Paradigms, c.Paradigm):
		errs.Add(at("paradigm"), "paradigm %q is not one of %s", c.Paradigm, diag.OneOf(rules.Ranking.Paradigms))
	default:
		checkSource(&errs, at("docs"), "combination "+c.ID, c.Docs, c.Checked)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &c, nil
}

// MergeCombinations returns base with extra added; extra replaces by id.
func MergeCombinations(base []*Combination, extra ...[]*Combination) []*Combination {
	byID := map[string]int{}
	out := slices.Clone(base)
	for i, c := range out {
		byID[c.ID] = i
	}
	for _, list := range extra {
		for _, c := range list {
			if i, ok := byID[c.ID]; ok {
				out[i] = c
			} else {
				byID[c.ID] = len(out)
				out = append(out, c)
			}
		}
	}
	return out
}

// Build is the knowledge base of singles and the combinations made of them.
func Build(singles []*Service, combos []*Combination, rules *ruleset.Set) (*Base, error) {
	built, err := Combine(singles, combos, rules)
	if err != nil {
		return nil, err
	}
	return Merge(append(slices.Clone(singles), built...)), nil
}

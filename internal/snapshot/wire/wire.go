// Package wire is the form in which the embedded rules and knowledge are
// compiled into the binary (see package snapshot): maps travel as sorted
// lists, so the generated source is the same for the same YAML.
package wire

import (
	"fmt"
	"github.com/advisor-dev/advisor/internal/catalog"
	"math"
	"slices"
	"sort"

	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// Contents is what the snapshot holds.
type Contents struct {
	Rules     ruleset.Parts // with the maps below taken out
	Describes [][]Pair      // per catalog key: its Describe map
	Whens     [][]Pair      // per ranking hint: its When map
	Services  []Service
	// Combinations are kept as written: their facts follow from their parts
	// when the knowledge base is built, so that overriding a part updates them.
	Combinations []kb.Combination
}

type Pair struct{ Key, Value string }

type Service struct {
	Service kb.Service // with Facts taken out
	Facts   []Fact
}

type Fact struct {
	Key   string
	Index int // the key's place in the catalog
	Fact  kb.Fact
}

func pairs(m map[string]string) []Pair {
	var out []Pair
	for k, v := range m {
		out = append(out, Pair{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

func unpair(ps []Pair) map[string]string {
	if ps == nil {
		return nil
	}
	m := make(map[string]string, len(ps))
	for _, p := range ps {
		m[p.Key] = p.Value
	}
	return m
}

// Build turns snapshot contents into rules and services, checking the rules
// again (cheap, no YAML). It copies what it changes, so the compiled-in data
// stays as generated.
func Build(c Contents) (*ruleset.Set, []*kb.Service, error) {
	c.Rules.Catalog.Keys = slices.Clone(c.Rules.Catalog.Keys)
	c.Rules.Ranking.Hints = slices.Clone(c.Rules.Ranking.Hints)
	for i := range c.Rules.Catalog.Keys {
		c.Rules.Catalog.Keys[i].Describe = unpair(c.Describes[i])
	}
	for i := range c.Rules.Ranking.Hints {
		c.Rules.Ranking.Hints[i].When = unpair(c.Whens[i])
	}
	set, err := ruleset.FromParts(c.Rules)
	if err != nil {
		return nil, nil, fmt.Errorf("embedded snapshot: %w", err)
	}
	services := make([]*kb.Service, len(c.Services))
	for i := range c.Services {
		s := c.Services[i].Service
		block := make([]kb.Fact, len(set.Catalog.Keys))
		s.ByIndex = make([]*kb.Fact, len(set.Catalog.Keys))
		for _, wf := range c.Services[i].Facts {
			f := &block[wf.Index]
			*f = wf.Fact
			f.Value.Num = fromWire(f.Value.Num)
			for k := range f.Options {
				if f.Options[k].Value.Num == unlimited {
					f.Options = slices.Clone(f.Options) // the data itself stays as generated
					break
				}
			}
			for k := range f.Options {
				f.Options[k].Value.Num = fromWire(f.Options[k].Value.Num)
			}
			s.ByIndex[wf.Index] = f
		}
		services[i] = &s
	}
	return set, services, nil
}

// From turns rules, services and combinations into snapshot contents.
func From(set *ruleset.Set, services []*kb.Service, combos []*kb.Combination) Contents {
	c := Contents{Rules: set.Parts()}
	keys := slices.Clone(c.Rules.Catalog.Keys)
	for i := range keys {
		c.Describes = append(c.Describes, pairs(keys[i].Describe))
		keys[i].Describe = nil
	}
	c.Rules.Catalog.Keys = keys
	for i := range c.Rules.Ranking.Hints {
		c.Whens = append(c.Whens, pairs(c.Rules.Ranking.Hints[i].When))
		c.Rules.Ranking.Hints[i].When = nil
	}
	for _, s := range services {
		w := Service{Service: *s}
		w.Service.ByIndex, w.Service.RawFacts = nil, nil
		for idx, k := range set.Catalog.Keys {
			if f := s.Fact(idx); f != nil {
				wf := Fact{Key: k.Key, Index: idx, Fact: *f}
				wf.Fact.Value.Num = toWire(f.Value.Num)
				wf.Fact.Options = slices.Clone(f.Options)
				for i := range wf.Fact.Options {
					wf.Fact.Options[i].Value.Num = toWire(wf.Fact.Options[i].Value.Num)
				}
				w.Facts = append(w.Facts, wf)
			}
		}
		c.Services = append(c.Services, w)
	}
	for _, k := range combos {
		c.Combinations = append(c.Combinations, *k)
	}
	return c
}

// Combinations returns the combinations of c.
func Combinations(c Contents) []*kb.Combination {
	out := make([]*kb.Combination, len(c.Combinations))
	for i := range c.Combinations {
		k := c.Combinations[i]
		out[i] = &k
	}
	return out
}

// unlimited stands for +Inf in the generated source: +Inf has no constant
// form in Go, and a function call there would make the whole snapshot
// initialise at run time instead of being laid out by the linker.
const unlimited = math.MaxFloat64

func toWire(x float64) float64 {
	if math.IsInf(x, 1) {
		return unlimited
	}
	return x
}

func fromWire(x float64) float64 {
	if x == unlimited {
		return math.Inf(1)
	}
	return x
}

// Catalog returns the catalog of c, with its Describe maps restored.
func Catalog(c Contents) *catalog.Catalog {
	cat := c.Rules.Catalog
	cat.Keys = slices.Clone(cat.Keys)
	for i := range cat.Keys {
		cat.Keys[i].Describe = unpair(c.Describes[i])
	}
	return &cat
}

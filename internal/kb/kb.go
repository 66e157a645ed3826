// Package kb is the model of the knowledge base: what each service offers,
// with the source and check date of every fact, and the providers and
// families the services belong to.
package kb

import (
	"slices"
	"sort"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/pricing"
)

// Service is one knowledge entry, or a combination built from its parts.
type Service struct {
	ID       string
	Name     string
	Family   string
	Provider string
	Paradigm string
	Summary  string
	Docs     string
	Effort   Effort
	Pricing  Sourced
	UseCases []string
	// Suits, Caveats and Consequences are the default variant's: what the
	// service is for, its known traps, and what choosing it means.
	Suits        Suits
	Caveats      []Caveat
	Consequences []Consequence
	// Note says something about the entry as a whole (that every fact was
	// re-read on one day, say).
	Note string
	// Facts are in catalog order, one per key, and Measures in the
	// catalog's measure order: the default variant's. One the entry
	// records nothing on is not Recorded.
	Facts    []Fact
	Measures []Fact
	Limits   []Limit
	// Variants are the coherent configurations of the service, the
	// default first; each has a complete set of facts. An entry with one
	// configuration has one variant with no id.
	Variants []Variant

	// Parts are, for a combination, the services it is made of.
	Parts []string
	// Roles are, for a combination, what each part does (entry, fan-out,
	// buffer, archive, reader), in the order of Parts.
	Roles []string
	// File is where the entry was read from; At, where its fields are.
	File string
	At   Positions
}

// Positions are where an entry's fields that other files refer to are written.
type Positions struct {
	ID, Family, Provider diag.Pos
}

// Variant is one coherent configuration of a service (EventBridge's Classic
// bus or its Custom Event Bus): the facts that hold together.
type Variant struct {
	ID      string // empty for an entry with one configuration
	Name    string
	Summary string
	Docs    string
	Effort  Effort
	Pricing Sourced
	// Facts and Measures are complete: the entry's shared facts with the
	// variant's own in their place.
	Facts    []Fact
	Measures []Fact
	// Suits, Caveats and Consequences are the entry's, as the variant
	// changes or adds to them.
	Suits        Suits
	Caveats      []Caveat
	Consequences []Consequence
	// Parts are, for a combination's variant, the part variants it is
	// made of ("sqs-fifo: high-throughput"), in the order of the parts.
	Parts []string
	// PartVariants are, for a combination's variant, each part's variant
	// id ("" for a part with one configuration), in the order of the parts.
	PartVariants []string
	// When are the requirements under which the variant is judged at all
	// (a Firehose stream reading a Kinesis stream: for users whose sources
	// include kinesis); a combination that pins the variant ignores them.
	When []Condition
}

// Condition is a requirement value a variant depends on: a list key must
// include it, any other key equal it.
type Condition struct {
	Key   string
	Value catalog.Value
}

// Fact returns the variant's fact for the catalog key at index i, or nil.
func (v *Variant) Fact(i int) *Fact { return factAt(v.Facts, i) }

// Measure returns the variant's fact for the measure at index i, or nil.
func (v *Variant) Measure(i int) *Fact { return factAt(v.Measures, i) }

func factAt(facts []Fact, i int) *Fact {
	if i < 0 || i >= len(facts) || !facts[i].Recorded() {
		return nil
	}
	return &facts[i]
}

// Fact returns the default variant's fact for the catalog key at index i,
// or nil when the knowledge base records nothing on it.
func (s *Service) Fact(i int) *Fact { return factAt(s.Facts, i) }

// Measure returns the default variant's fact for the measure at index i, or nil.
func (s *Service) Measure(i int) *Fact { return factAt(s.Measures, i) }

// Configurations are the service's variants; a service built in code
// with Facts alone has one, made of them.
func (s *Service) Configurations() []Variant {
	if len(s.Variants) > 0 {
		return s.Variants
	}
	return []Variant{{Facts: s.Facts, Measures: s.Measures, Effort: s.Effort, Pricing: s.Pricing,
		Suits: s.Suits, Caveats: s.Caveats, Consequences: s.Consequences}}
}

// Named reports whether the service has named variants to choose from.
func (s *Service) Named() bool {
	return len(s.Variants) > 1 || len(s.Variants) == 1 && s.Variants[0].ID != ""
}

// FactFor returns the fact for key of cat, or nil.
func (s *Service) FactFor(cat *catalog.Catalog, key string) *Fact {
	return s.Fact(cat.Index(key))
}

// Missing lists the catalog keys a service has no fact for in some variant.
func (s *Service) Missing(cat *catalog.Catalog) []string {
	var out []string
	for i, k := range cat.Keys {
		if k.Estimate {
			continue // judged against the cost estimate, not a fact
		}
		for _, v := range s.Configurations() {
			if v.Fact(i) == nil {
				out = append(out, k.Key)
				break
			}
		}
	}
	return out
}

// Dates calls see with the check date of every dated line of the entry:
// effort, pricing, each variant's facts, tiers and options, and limits.
func (s *Service) Dates(see func(day string)) {
	see(s.Effort.Checked)
	see(s.Pricing.Checked)
	for _, v := range s.Configurations() {
		see(v.Effort.Checked)
		see(v.Pricing.Checked)
		for _, facts := range [][]Fact{v.Facts, v.Measures} {
			for i := range facts {
				see(facts[i].Checked)
				for _, t := range facts[i].Regions {
					see(t.Checked)
				}
				for _, o := range facts[i].Options {
					see(o.Checked)
					for _, t := range o.Regions {
						see(t.Checked)
					}
				}
			}
		}
	}
	for _, l := range s.Limits {
		see(l.Checked)
	}
	for _, c := range s.Caveats {
		see(c.Checked)
	}
	for _, c := range s.Consequences {
		see(c.Checked)
	}
}

// OneDay returns the day every dated line of the entry was checked on,
// when they all share one; "" when they differ.
func (s *Service) OneDay() string {
	days := map[string]bool{}
	see := func(d string) {
		if d != "" {
			days[d] = true
		}
	}
	s.Dates(see)
	if len(days) != 1 {
		return ""
	}
	for d := range days {
		return d
	}
	return ""
}

// Effort is how much a service takes to run and to pay for: 1 (least) to 10.
type Effort struct {
	Value   int    `yaml:"value" json:"value,omitempty"`
	Note    string `yaml:"note" json:"note,omitempty"`
	Source  string `yaml:"source" json:"source,omitempty"`
	Checked string `yaml:"checked" json:"checked,omitempty"`
}

// Sourced is a line of text with its source.
type Sourced struct {
	Summary string `yaml:"summary" json:"summary,omitempty"`
	Source  string `yaml:"source" json:"source,omitempty"`
	Checked string `yaml:"checked" json:"checked,omitempty"`
}

// Fact is what a service offers for one catalog key.
type Fact struct {
	Value catalog.Value
	Text  string // Value written out; "unknown" for an unknown
	// Unknown says AWS does not publish the value; Measure says what to
	// measure before relying on it.
	Unknown bool
	Measure string
	Per     string
	Note    string
	Source  string
	Checked string
	// Regions are the values that replace Value in particular Regions.
	Regions []Tier
	Options []Option
}

// Recorded reports whether the entry records the fact (a value, or that
// it is unknown).
func (f *Fact) Recorded() bool { return f.Value.Type != "" || f.Unknown }

// Known reports whether the fact has a value.
func (f *Fact) Known() bool { return f.Value.Type != "" }

// In returns the fact's value in region: its tier's when one lists the
// Region, else its own, with the source that says so.
func (f *Fact) In(region string) (v catalog.Value, text, source, checked string) {
	for _, t := range f.Regions {
		if slices.Contains(t.In, region) {
			s, c := t.Source, t.Checked
			if s == "" {
				s, c = f.Source, f.Checked
			}
			return t.Value, t.Text, s, c
		}
	}
	return f.Value, f.Text, f.Source, f.Checked
}

// Tier is a fact's value in some Regions.
type Tier struct {
	In      []string
	Value   catalog.Value
	Text    string
	Source  string
	Checked string
}

// Option is a better value a service reaches only under a typed
// requirement: an opt-in, a change to every client, a quota increase or a
// Region.
type Option struct {
	Value     catalog.Value
	Text      string
	Kind      string // ruleset.Requires*
	Condition string
	// In, when set, are the only Regions the option is offered in.
	In []string
	// Regions are the values that replace Value in particular Regions.
	Regions []Tier
	Note    string
	Source  string
	Checked string
}

// AvailableIn reports whether the option is offered in region.
func (o *Option) AvailableIn(region string) bool {
	return len(o.In) == 0 || slices.Contains(o.In, region)
}

// ValueIn returns the option's value in region, with its text.
func (o *Option) ValueIn(region string) (catalog.Value, string) {
	for _, t := range o.Regions {
		if slices.Contains(t.In, region) {
			return t.Value, t.Text
		}
	}
	return o.Value, o.Text
}

// SourceOf is where an option's value comes from: its own source or the fact's.
func (o *Option) SourceOf(f *Fact) (source, checked string) {
	if o.Source != "" {
		return o.Source, o.Checked
	}
	return f.Source, f.Checked
}

// Limit is a further number worth knowing about a service.
type Limit struct {
	Name      string `yaml:"name" json:"name,omitempty"`
	Value     string `yaml:"value" json:"value,omitempty"`
	Per       string `yaml:"per" json:"per,omitempty"`
	Condition string `yaml:"condition" json:"condition,omitempty"`
	Source    string `yaml:"source" json:"source,omitempty"`
	Checked   string `yaml:"checked" json:"checked,omitempty"`
}

// Provider is a cloud provider: its name in sentences, the hosts its facts
// may cite, and its families in the order reports list them.
type Provider struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Sources  []string `yaml:"sources"`
	Families []Family `yaml:"families"`

	File string   `yaml:"-"`
	At   diag.Pos `yaml:"-"`
}

// Family groups a service's variants (SQS standard and FIFO).
type Family struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
}

// CombinationFamily is the family of every combination of services.
const CombinationFamily = "combinations"

// Base is the knowledge base: providers, and services (combinations
// included) sorted by id.
type Base struct {
	Providers []Provider
	Services  []*Service
	// Prices are the services' price files, one per service and Region.
	Prices []*pricing.File
	// Digest identifies the knowledge the base was made from (the SHA-256
	// of its files), so that a record can tell whether it has changed.
	Digest string
}

// OldestCheck is the earliest date any fact, option, limit, effort or
// pricing line of the base was checked on: how stale it may be.
func (b *Base) OldestCheck() string {
	oldest := ""
	see := func(day string) {
		if day != "" && (oldest == "" || day < oldest) {
			oldest = day
		}
	}
	for _, s := range b.Services {
		if len(s.Parts) > 0 {
			continue // a combination's dates are its parts'
		}
		s.Dates(see)
	}
	return oldest
}

// PricesFor returns the prices of service in region.
func (b *Base) PricesFor(service, region string) (*pricing.File, bool) {
	for _, p := range b.Prices {
		if p.Service == service && p.Region == region {
			return p, true
		}
	}
	return nil, false
}

// Lookup returns the service with id.
func (b *Base) Lookup(id string) (*Service, bool) {
	for _, s := range b.Services {
		if s.ID == id {
			return s, true
		}
	}
	return nil, false
}

// IDs lists the service ids.
func (b *Base) IDs() []string {
	ids := make([]string, len(b.Services))
	for i, s := range b.Services {
		ids[i] = s.ID
	}
	return ids
}

// Provider returns the provider with id.
func (b *Base) Provider(id string) (Provider, bool) {
	for _, p := range b.Providers {
		if p.ID == id {
			return p, true
		}
	}
	return Provider{}, false
}

// ProviderIDs lists the providers' ids.
func (b *Base) ProviderIDs() []string {
	var ids []string
	for _, p := range b.Providers {
		ids = append(ids, p.ID)
	}
	return ids
}

// Families lists every family that has a service, in the providers' order,
// combinations last.
func (b *Base) Families() []string {
	var out []string
	has := func(f string) bool {
		return slices.ContainsFunc(b.Services, func(s *Service) bool { return s.Family == f })
	}
	for _, p := range b.Providers {
		for _, f := range p.Families {
			if has(f.ID) && !slices.Contains(out, f.ID) {
				out = append(out, f.ID)
			}
		}
	}
	if has(CombinationFamily) {
		out = append(out, CombinationFamily)
	}
	return out
}

// InFamilyOrder returns services grouped by family in the providers' order,
// by id within a family.
func (b *Base) InFamilyOrder(services []*Service) []*Service {
	rank := map[string]int{}
	for i, f := range b.Families() {
		rank[f] = i
	}
	out := slices.Clone(services)
	sort.SliceStable(out, func(i, j int) bool {
		if rank[out[i].Family] != rank[out[j].Family] {
			return rank[out[i].Family] < rank[out[j].Family]
		}
		return out[i].ID < out[j].ID
	})
	return out
}

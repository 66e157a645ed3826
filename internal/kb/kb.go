// Package kb is the model of the knowledge base: what each service offers,
// with the source and check date of every fact.
package kb

import (
	"github.com/advisor-dev/advisor/internal/catalog"
	"go.yaml.in/yaml/v3"
)

// Service is one knowledge entry.
type Service struct {
	Version  int                 `yaml:"version"`
	ID       string              `yaml:"id"`
	Name     string              `yaml:"name"`
	Family   string              `yaml:"family"`
	Provider string              `yaml:"provider"`
	Paradigm string              `yaml:"paradigm"`
	Summary  string              `yaml:"summary"`
	Docs     string              `yaml:"docs"`
	Effort   Effort              `yaml:"effort"`
	Pricing  Sourced             `yaml:"pricing"`
	UseCases []string            `yaml:"use_cases"`
	RawFacts map[string]*RawFact `yaml:"facts"`
	Limits   []Limit             `yaml:"limits"`

	// Parts are, for a combination, the services it is made of.
	Parts []string `yaml:"-"`

	// File is where the entry was read from, for messages.
	File string `yaml:"-"`
	// ByIndex holds the parsed facts in catalog order (nil where missing),
	// side by side in memory, so the engine finds a fact by the key's index
	// without a map lookup or a cache miss per fact.
	ByIndex []*Fact `yaml:"-"`
}

// FactFor returns the fact for key of cat, or nil.
func (s *Service) FactFor(cat *catalog.Catalog, key string) *Fact {
	return s.Fact(cat.Index(key))
}

// Fact returns the fact for the catalog key at index i, or nil.
func (s *Service) Fact(i int) *Fact {
	if i < 0 || i >= len(s.ByIndex) {
		return nil
	}
	return s.ByIndex[i]
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

// RawFact is a fact as written; its value is parsed against the catalog into a Fact.
type RawFact struct {
	Value   yaml.Node    `yaml:"value"`
	Per     string       `yaml:"per"`
	Note    string       `yaml:"note"`
	Source  string       `yaml:"source"`
	Checked string       `yaml:"checked"`
	Options []*RawOption `yaml:"options"`
}

// RawOption is an option as written.
type RawOption struct {
	Value     yaml.Node `yaml:"value"`
	Condition string    `yaml:"condition"`
	Note      string    `yaml:"note"`
	Source    string    `yaml:"source"`
	Checked   string    `yaml:"checked"`
}

// Fact is what a service offers for one catalog key.
type Fact struct {
	Value   catalog.Value
	Text    string // Value written out
	Per     string
	Note    string
	Source  string
	Checked string
	Options []Option
}

// Option is a better value a service reaches only under a condition.
type Option struct {
	Value     catalog.Value
	Text      string
	Condition string
	Note      string
	Source    string
	Checked   string
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

// Base is the knowledge base: services sorted by id.
type Base struct {
	Services []*Service
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

// SourceOf is where an option's value comes from: its own source or the fact's.
func (o *Option) SourceOf(f *Fact) (source, checked string) {
	if o.Source != "" {
		return o.Source, o.Checked
	}
	return f.Source, f.Checked
}

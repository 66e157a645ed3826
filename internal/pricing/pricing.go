// Package pricing is the model of the price data (knowledge/prices) and
// the monthly estimate it gives for a workload: pure arithmetic, each line
// with the price it used and where that price was read.
package pricing

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/yamlx"
	"go.yaml.in/yaml/v3"
)

// File is one service's prices in one Region.
type File struct {
	Version  int     `yaml:"version"`
	Service  string  `yaml:"service"`
	Region   string  `yaml:"region"`
	Currency string  `yaml:"currency"`
	Note     string  `yaml:"note"`
	Models   []Model `yaml:"models"`

	Path string   `yaml:"-"` // where it was read from
	At   diag.Pos `yaml:"-"`
}

// Model is how a service bills in some of its variants.
type Model struct {
	Variants    []string `yaml:"variants"`
	Assumptions []string `yaml:"assumptions"`
	// Partial says what the model does not price although the service
	// bills for it: its estimate is then a floor — always, or when
	// PartialIf (an expression) comes to more than 0.
	Partial    string      `yaml:"partial"`
	PartialIf  string      `yaml:"partial_if"`
	Capacity   yaml.Node   `yaml:"capacity"` // name: expression, in order; read into Capacities
	Dimensions []Dimension `yaml:"dimensions"`
	Capacities []Capacity  `yaml:"-"`
	Pos        diag.Pos    `yaml:"-"`
}

// Capacity is a named quantity computed before the dimensions.
type Capacity struct {
	Name string
	Expr *Expr
}

// Dimension is one thing a service bills for.
type Dimension struct {
	ID         string  `yaml:"id"`
	What       string  `yaml:"what"`
	Unit       string  `yaml:"unit"`
	Price      float64 `yaml:"price"`
	Per        float64 `yaml:"per"`
	Quantity   string  `yaml:"quantity"`
	Baseline   bool    `yaml:"baseline"`
	Source     string  `yaml:"source"`
	Checked    string  `yaml:"checked"`
	Confidence string  `yaml:"confidence"`
	Note       string  `yaml:"note"`
	Offer      *Offer  `yaml:"offer"`

	Expr *Expr    `yaml:"-"`
	Pos  diag.Pos `yaml:"-"`
}

// Offer says how to find a dimension's price in an AWS Price List offer
// file: the offer code and the product attributes that select the SKU.
type Offer struct {
	Code  string            `yaml:"code"`
	Match map[string]string `yaml:"match"`
}

// Confidences say where a price was read.
var Confidences = []string{"aws-page", "secondary"}

// Variables are the names an expression may read, besides capacities.
var Variables = []string{"rate", "peak", "size", "messages", "bytes", "gb", "hours", "seconds", "consumers", "copies", "retention_hours"}

// Parse reads and checks one price file; hosts are the hosts a source
// may cite. Every problem is reported at once, at its file:line:col.
func Parse(name string, data []byte, hosts []string) (*File, error) {
	root, err := yamlx.Parse(name, data)
	if err != nil {
		return nil, err
	}
	var f File
	if err := yamlx.Decode(name, root, &f); err != nil {
		return nil, err
	}
	at := func(keys ...string) diag.Pos { return yamlx.Pos(name, yamlx.Lookup(root, keys...)) }
	f.Path, f.At = name, at("service")
	var errs diag.List
	if f.Version != 1 {
		errs.Add(at("version"), "version must be 1, not %d", f.Version)
	}
	if f.Service == "" {
		errs.Add(at("service"), "service is missing: the id of the service these prices are for")
	}
	if f.Region == "" {
		errs.Add(at("region"), "region is missing, such as us-east-1")
	}
	if f.Currency != "USD" {
		errs.Add(at("currency"), "currency must be USD, not %q", f.Currency)
	}
	if len(f.Models) == 0 {
		errs.Add(at("models"), "models is missing: how the service bills")
	}
	models := yamlx.Lookup(root, "models")
	for i := range f.Models {
		m := &f.Models[i]
		mnode := nth(models, i)
		m.Pos = yamlx.Pos(name, mnode)
		known := slices.Clone(Variables)
		capNode := yamlx.Resolve(&m.Capacity)
		if capNode != nil && capNode.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(capNode.Content); j += 2 {
				k, v := capNode.Content[j], capNode.Content[j+1]
				pos := yamlx.Pos(name, v)
				e, err := ParseExpr(v.Value)
				if err != nil {
					errs.Add(pos, "capacity %s: %v", k.Value, err)
					continue
				}
				checkVars(&errs, pos, "capacity "+k.Value, e, known)
				m.Capacities = append(m.Capacities, Capacity{Name: k.Value, Expr: e})
				known = append(known, k.Value)
			}
		} else if capNode != nil && capNode.Kind != 0 && capNode.Tag != "!!null" {
			errs.Add(yamlx.Pos(name, capNode), "capacity takes names and expressions (shards: \"ceil(peak / 1000)\")")
		}
		m.Capacity = yaml.Node{}
		if m.PartialIf != "" {
			e, err := ParseExpr(m.PartialIf)
			if err != nil {
				errs.Add(m.Pos, "partial_if: %v", err)
			} else {
				checkVars(&errs, m.Pos, "partial_if", e, known)
			}
		}
		if len(m.Dimensions) == 0 {
			errs.Add(m.Pos, "a model needs dimensions: what the service bills for")
		}
		dims := yamlx.Lookup(mnode, "dimensions")
		for j := range m.Dimensions {
			d := &m.Dimensions[j]
			d.Pos = yamlx.Pos(name, nth(dims, j))
			checkDimension(&errs, d, known, hosts)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &f, nil
}

func checkDimension(errs *diag.List, d *Dimension, known, hosts []string) {
	what := "dimension " + d.ID
	if d.ID == "" || d.Unit == "" {
		errs.Add(d.Pos, "a dimension needs an id and a unit")
	}
	if !(d.Price >= 0) || math.IsInf(d.Price, 0) {
		errs.Add(d.Pos, "%s: price must be a number of dollars, 0 or more", what)
	}
	if d.Per == 0 {
		d.Per = 1
	}
	if !(d.Per > 0) || math.IsInf(d.Per, 0) {
		errs.Add(d.Pos, "%s: per must be more than 0", what)
	}
	if !slices.Contains(Confidences, d.Confidence) {
		errs.Add(d.Pos, "%s: confidence %q is not one of %s%s", what, d.Confidence, diag.OneOf(Confidences), diag.Suggest(d.Confidence, Confidences))
	}
	if !strings.HasPrefix(d.Source, "https://") || len(hosts) > 0 && !slices.ContainsFunc(hosts, func(h string) bool { return strings.HasPrefix(d.Source, "https://"+h+"/") }) {
		errs.Add(d.Pos, "%s needs a source on the provider's pages (%s), not %q", what, strings.Join(hosts, ", "), d.Source)
	}
	if _, err := time.Parse(time.DateOnly, d.Checked); err != nil {
		errs.Add(d.Pos, "%s needs the date it was checked (YYYY-MM-DD), not %q", what, d.Checked)
	}
	e, err := ParseExpr(d.Quantity)
	if err != nil {
		errs.Add(d.Pos, "%s quantity: %v", what, err)
		return
	}
	checkVars(errs, d.Pos, what, e, known)
	d.Expr = e
}

func checkVars(errs *diag.List, pos diag.Pos, what string, e *Expr, known []string) {
	for _, v := range e.Vars() {
		if !slices.Contains(known, v) {
			errs.Add(pos, "%s reads unknown variable %q%s; variables are %s", what, v, diag.Suggest(v, known), strings.Join(known, ", "))
		}
	}
}

func nth(n *yaml.Node, i int) *yaml.Node {
	n = yamlx.Resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
		return n
	}
	return n.Content[i]
}

// ModelFor is the model that prices a variant: the first that lists it,
// else the first that lists none.
func (f *File) ModelFor(variant string) (*Model, bool) {
	for i := range f.Models {
		if slices.Contains(f.Models[i].Variants, variant) {
			return &f.Models[i], true
		}
	}
	for i := range f.Models {
		if len(f.Models[i].Variants) == 0 {
			return &f.Models[i], true
		}
	}
	return nil, false
}

// String names a file for messages.
func (f *File) String() string { return fmt.Sprintf("%s prices in %s", f.Service, f.Region) }

// Package requirements is the model of a version-1 requirements file
// (../../docs/requirements.md) and its loaders: from YAML and from flags.
package requirements

import (
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
)

// Version is the only requirements format version.
const Version = 1

// DefaultProvider is the provider when a file names none.
const DefaultProvider = "aws"

// DefaultRegion is the Region when a file names none: it settles
// Region-dependent limits and prices.
const DefaultRegion = "us-east-1"

// Requirements is what a user asks for.
type Requirements struct {
	Version  int
	Title    string
	Context  string
	Provider string
	// Region is the AWS Region the file names, such as eu-west-1; empty
	// when it names none (EffectiveRegion is then DefaultRegion). Kept
	// empty rather than defaulted so that a file written back stays as the
	// user wrote it.
	Region string
	// UseCases are what the messaging is for (the catalog's use_cases
	// ids: broadcast, work-queue), in catalog order, each once; nil when
	// the file names none. They steer the kind of service, never whether
	// one is eligible.
	UseCases []string
	// Volume is the average messages a second over a month, for the cost
	// estimate (0 when not given); VolumeText, as written.
	Volume     float64
	VolumeText string
	// ReviewBy is the date (YYYY-MM-DD) after which `advisor check` flags
	// the decision for review; "" when the file names none.
	ReviewBy string
	Exclude  []string
	Must     []Item // in catalog order
	Prefer   []Item // in catalog order
}

// Item is one key the user set, as a must or a prefer.
type Item struct {
	Key    string
	Value  catalog.Value
	Weight float64 // prefer only: its weight (default 1)
	Pos    diag.Pos
	// Text is a quantity as the user wrote it (1500KiB, 1.5M/s), written
	// back as it was rather than in the unit the advisor would pick
	// (1536KB, 1500k/s); empty for other types and for items the advisor
	// made up.
	Text string
}

// QuantityText is what Item.Text keeps of a value of k written as s: the
// text, with the "/s" a rate may leave out (so that 500 is not written
// back as a quoted number). A count keeps nothing: it has no unit to keep,
// and its value is written back as a YAML whole number (150, not "150").
func QuantityText(k *catalog.Key, s string) string {
	if !k.IsQuantity() || k.Type == catalog.Integer {
		return ""
	}
	s = strings.TrimSpace(s)
	if k.Type == catalog.Rate && s != "unlimited" && !strings.HasSuffix(s, "/s") {
		s += "/s"
	}
	return s
}

// EffectiveRegion is the Region that settles limits and prices: the one
// given, else DefaultRegion.
func (r *Requirements) EffectiveRegion() string {
	if r.Region == "" {
		return DefaultRegion
	}
	return r.Region
}

// Has reports whether key is set as a must or a prefer.
func (r *Requirements) Has(key string) bool {
	_, _, ok := r.Find(key)
	return ok
}

// Find returns the item for key and whether it is a must.
func (r *Requirements) Find(key string) (item Item, must bool, ok bool) {
	for _, it := range r.Must {
		if it.Key == key {
			return it, true, true
		}
	}
	for _, it := range r.Prefer {
		if it.Key == key {
			return it, false, true
		}
	}
	return Item{}, false, false
}

// plain is the item's value for a file: as the user wrote it, else exact.
func (it Item) plain() any {
	if it.Text != "" {
		return it.Text
	}
	return it.Value.Plain()
}

// Plain is the requirements as a version-1 document for YAML or JSON output.
func (r *Requirements) Plain() Document {
	d := Document{Version: Version, Title: r.Title, Context: r.Context, Provider: r.Provider, Region: r.Region,
		UseCases: r.UseCases, Volume: r.VolumeText, ReviewBy: r.ReviewBy, Exclude: r.Exclude}
	if d.Provider == DefaultProvider {
		d.Provider = ""
	}
	for _, it := range r.Must {
		d.Must = append(d.Must, KV{it.Key, it.plain()})
	}
	for _, it := range r.Prefer {
		v := it.plain()
		if it.Weight != 1 {
			v = map[string]any{"value": it.plain(), "weight": it.Weight}
		}
		d.Prefer = append(d.Prefer, KV{it.Key, v})
	}
	return d
}

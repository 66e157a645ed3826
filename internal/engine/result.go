// Package engine ranks the services of a knowledge base against requirements.
// It is pure: values in, values out; no I/O, no clock, no globals. It
// returns structure only: internal/report puts a result into words.
package engine

import "github.com/advisor-dev/advisor/internal/pricing"

// Result is the outcome of a ranking.
type Result struct {
	Title          string
	Recommendation *Pick // nil when no service meets every must
	Ranking        []Ranked
	// Region is the Region whose limits were judged; RegionAssumed says
	// the requirements named none, so the default was used.
	Region        string
	RegionAssumed bool
	// Excluded lists the ids left out by the requirements' exclude or
	// provider, and every combination that uses an excluded service.
	Excluded []string
	// Tied lists the ids whose score equals the pick's, the pick first,
	// when more than one does: the tie was broken by the spec's rule.
	Tied []string
	// Hints are the ranking hints the requirements triggered; a service's
	// affinity is the weighted share of them that suit its paradigm.
	Hints []Hint
	// WhatIf lists the smallest changes that would change the pick (filled
	// by WhatIfs when a report shows them).
	WhatIf []WhatIf
	// Relax lists the fewest musts to drop so that some service meets the
	// rest, when none meets them all (filled by Relaxations when a report
	// shows them).
	Relax []Relaxation
	// Crossover and CostCurves say how cost changes with the volume
	// (filled by Costs when a report shows them).
	Crossover  *Crossover
	CostCurves []CostSeries
}

// Hint is a ranking hint that applies to the requirements.
type Hint struct {
	When    string
	Because string
	Weight  float64
	Suits   []string // the paradigms it favours
}

// Favours reports whether the hint favours a service of paradigm.
func (h Hint) Favours(paradigm string) bool {
	for _, p := range h.Suits {
		if p == paradigm {
			return true
		}
	}
	return false
}

// Pick is the recommended service.
type Pick struct {
	ID      string
	Name    string
	Score   float64
	Variant *VariantRef
}

// VariantRef names the configuration of a service that was judged.
type VariantRef struct {
	ID   string
	Name string
	// Default says it is what the service gives without choosing.
	Default bool
}

// Ranked is one service's standing, in the one variant that stands best.
type Ranked struct {
	ID       string
	Name     string
	Family   string
	Paradigm string
	Parts    []string // a combination's services
	Roles    []string // a combination's parts' roles, in the order of Parts
	// Variant is the configuration judged, when the service has named ones.
	Variant *VariantRef
	// VariantIndex is its place among the service's variants.
	VariantIndex int
	Eligible     bool
	Score        float64
	Met          []Check // musts and prefers met, in the order they were asked
	Violations   []Check // musts missed
	Missed       []Check // prefers missed
	// Unverified are the keys whose limit AWS does not publish: neither
	// met nor missed.
	Unverified []Check
	// Requires lists what the service needs to stand where it does: a
	// variant chosen, opt-ins, client changes, Regions, quota increases.
	Requires []Requirement
	// UseCases say, for each use case the user stated, whether the
	// service is built for it (primary), serves it (secondary) or neither.
	UseCases []UseCaseMatch
	// Caveats are the service's known traps for what the user stated.
	Caveats []Caveat
	// Estimate is the monthly cost at the requirements' volume, line by
	// line; nil without a volume or prices, and EstimateNote says why.
	Estimate     *pricing.Estimate
	EstimateNote string
	Breakdown    Breakdown
}

// UseCaseMatch is one stated use case judged for a service.
type UseCaseMatch struct {
	ID     string
	Role   string  // "primary", "secondary" or "" (neither)
	Share  float64 // 1 primary, secondary_share secondary, 0 neither
	Weight float64 // what it weighs in affinity
}

// Caveat is a known trap of a service for what the user stated.
type Caveat struct {
	Text   string
	Source string
}

// Requirement is one thing a service needs to meet what it meets.
type Requirement struct {
	Kind   string // ruleset.Requires*
	Text   string
	Source string
	Keys   []string // the keys it is needed for; none for a variant
}

// Check is one key judged against one service.
type Check struct {
	Key  string
	Kind string // Must or Prefer
	Want string
	Have string // "unknown" when the knowledge base has no value
	// Condition is the requirement's text when the key is met only under
	// one (Requires says its kind and source).
	Condition string
	Requires  *Requirement
	Missing   []string // list keys, when missed: the wanted values the service lacks
	// Unknown: the knowledge base records nothing on the key for the service.
	Unknown bool
	// NoLimit: a derived check on a measure the service has no limit of
	// (no bytes-a-second cap beyond its rate and message size): met.
	NoLimit bool
	// Unverified: AWS does not publish the limit; Measure says what to measure.
	Unverified bool
	Measure    string
	// Implied says why the wanted value was taken from another key (with
	// strict order, the throughput is one key's).
	Implied string
	// Terms are, for a check derived from several keys (bytes a second),
	// the values it multiplies, by key.
	Terms map[string]string
	// From is, for a check the user did not ask for directly (implied or
	// derived), the key they set that brings it in: dropping that key
	// drops the check.
	From   string
	Note   string  // the service's own note on the fact, for a miss
	Weight float64 // how much the key counts in the fit
	Fit    float64 // 1 met, requirement_fit under a requirement, unverified_fit unverified, 0 missed
}

// Breakdown is how a score is made; the parts' points sum to the score.
type Breakdown struct {
	Fit        Part
	Affinity   Part
	Simplicity Part
}

// Part is one part of a score. Fit is explained by the checks (their weight
// and fit), affinity by the result's hints and the service's paradigm,
// simplicity by the effort and its note.
type Part struct {
	Points float64
	Max    float64
	Effort int
	Note   string
	// CostShare is, for simplicity with a volume, the cheapest estimate
	// of any service over this one's (1 for the cheapest); 0 without one.
	CostShare float64
}

// Must and Prefer are the kinds of a Check.
const (
	Must   = "must"
	Prefer = "prefer"
)

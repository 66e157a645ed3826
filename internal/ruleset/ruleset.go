// Package ruleset is the model of how requirements are judged against the
// knowledge base (rules/judging.yaml) and how services are ranked
// (rules/ranking.yaml), loaded together with the catalog they refer to.
package ruleset

import (
	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
)

// Compare is how a rule judges a fact against a wanted value.
type Compare string

// The comparisons a rule can use.
const (
	AtLeast  Compare = "at-least" // the fact reaches the wanted number or strength
	Includes Compare = "includes" // the fact has every wanted value
	Flag     Compare = "flag"     // wanting true needs true; false asks nothing
)

// Set is everything the engine needs besides the knowledge: keys, rules, ranking.
type Set struct {
	Catalog catalog.Catalog
	Rules   []Rule // one per catalog key, in catalog order
	// Derived are the checks made from several keys together, each
	// against a measure of the catalog.
	Derived []Derived
	Ranking Ranking
	// Digest identifies the rule files the set was read from (SHA-256).
	Digest string
}

// Derived judges a measure (bytes a second) against the product of the
// values of several keys (throughput times message size), when the
// requirements set every one of them.
type Derived struct {
	Measure string   `yaml:"measure"`
	Product []string `yaml:"product"`
	Met     string   `yaml:"met"`
	Unmet   string   `yaml:"unmet"`
	Combine string   `yaml:"combine"`

	Pos diag.Pos `yaml:"-"`
}

// Rule judges one key.
type Rule struct {
	Key string `yaml:"key"`
	// Compare follows from the key's type (see CompareFor); it is not written.
	Compare Compare `yaml:"-"`
	Met     string  `yaml:"met"`   // sentence when met; {want} {have}
	Unmet   string  `yaml:"unmet"` // sentence when missed; {want} {have} {missing}
	// Combine is how a combination of services (SNS into SQS, say) gets
	// the key's fact from its parts' facts; see Combines.
	Combine string `yaml:"combine"`
	// Implied says when another key's wanted value also stands for this
	// key's: with strict order, the whole throughput is one ordering key.
	Implied *Implied `yaml:"implied"`

	Pos diag.Pos `yaml:"-"` // where the rule is written, for messages
}

// Implied is a rule's wanted value taken from another key when a
// condition holds.
type Implied struct {
	When    map[string]string `yaml:"when"`
	ValueOf string            `yaml:"value_of"`
	Because string            `yaml:"because"`
	// Conds is When parsed against the catalog.
	Conds []Cond `yaml:"-"`
}

// The ways a combination's fact follows from its parts.
const (
	CombineWeaker = "weaker" // the weakest value (ordered enums)
	CombineLower  = "lower"  // the lowest number: the tighter limit
	CombineHigher = "higher" // the highest number: what the buffering part adds
	CombineAny    = "any"    // true when any part offers it
	CombineAll    = "all"    // true only when every part does
	CombineUnion  = "union"  // every value any part has
	CombineFirst  = "first"  // the first part's (what producers meet)
	CombineLast   = "last"   // the last part's (what consumers meet)
)

// Combines lists the combine rules that suit each kind of key.
var Combines = map[string][]string{
	"bool":     {CombineAny, CombineAll, CombineFirst, CombineLast},
	"ordered":  {CombineWeaker, CombineFirst, CombineLast},
	"quantity": {CombineLower, CombineHigher, CombineFirst, CombineLast},
	"list":     {CombineUnion, CombineFirst, CombineLast},
}

// Ranking weighs the parts of a score.
type Ranking struct {
	Version    int     `yaml:"version"`
	Weights    Weights `yaml:"weights"`
	MustWeight float64 `yaml:"must_weight"`
	// RequirementFit is the share of a key's weight a service keeps when
	// it meets the key only under a typed requirement (an opt-in, a change
	// to every client...), by kind: the same for every entry.
	RequirementFit map[string]float64 `yaml:"requirement_fit"`
	// UseCaseWeight is what each use case the user states weighs in
	// affinity (a hint weighs as its key); SecondaryShare is the share a
	// service gets for a use case it serves but is not built for.
	UseCaseWeight  float64 `yaml:"use_case_weight"`
	SecondaryShare float64 `yaml:"secondary_share"`
	// CostShare is the share of simplicity that, with a volume, comes from
	// cost: the cheapest estimate over this service's.
	CostShare float64 `yaml:"cost_share"`
	// UnverifiedFit is the share a service keeps on a key whose limit
	// AWS does not publish: neither met nor missed.
	UnverifiedFit float64  `yaml:"unverified_fit"`
	Paradigms     []string `yaml:"paradigms"`
	Asking        Asking   `yaml:"asking"`
	// CombinationEffort is added to the most effort of a combination's parts.
	CombinationEffort int    `yaml:"combination_effort"`
	Hints             []Hint `yaml:"hints"`

	Pos diag.Pos `yaml:"-"` // the file the ranking was read from, for messages
}

// Weights are the points each part of a score can give; they sum to 100.
type Weights struct {
	Fit        float64 `yaml:"fit"`
	Affinity   float64 `yaml:"affinity"`
	Simplicity float64 `yaml:"simplicity"`
}

// Hint is one piece of guidance on which kind of service suits a need.
type Hint struct {
	When    map[string]string `yaml:"when"`
	Suits   []string          `yaml:"suits"`
	Because string            `yaml:"because"`
	// WithoutUseCase marks a hint that stands in for a use the keys only
	// suggest: it applies while the requirements state no use_case, and
	// gives way when they say what the messaging is for.
	WithoutUseCase bool `yaml:"without_use_case"`

	Pos diag.Pos `yaml:"-"` // where the hint is written, for messages
	// Conds is When parsed against the catalog, in catalog order.
	Conds []Cond `yaml:"-"`
}

// Cond is one parsed condition of a hint.
type Cond struct {
	Key   *catalog.Key
	Value catalog.Value
}

// The kinds of requirement a match may need, as the result's `requires`
// names them.
const (
	RequiresVariant       = "variant"
	RequiresOptIn         = "opt-in"
	RequiresClientChange  = "client-change"
	RequiresRegion        = "region"
	RequiresQuotaIncrease = "quota-increase"
)

// RequirementKinds are the kinds an option may name (a variant is chosen,
// not written on an option).
var RequirementKinds = []string{RequiresOptIn, RequiresClientChange, RequiresQuotaIncrease, RequiresRegion}

// Rule returns the rule for key.
func (s *Set) Rule(key string) (*Rule, bool) {
	for i := range s.Rules {
		if s.Rules[i].Key == key {
			return &s.Rules[i], true
		}
	}
	return nil, false
}

// Asking tunes the questionnaire.
type Asking struct {
	// StopBelow ends the questions when no key left is worth this much: the
	// key's prior times the share of its answers that would change the pick.
	StopBelow float64 `yaml:"stop_below"`
}

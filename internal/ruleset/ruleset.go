// Package ruleset is the model of how requirements are judged against the
// knowledge base (rules/judging.yaml) and how services are ranked
// (rules/ranking.yaml), loaded together with the catalog they refer to.
package ruleset

import "github.com/advisor-dev/advisor/internal/catalog"

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
	Ranking Ranking
}

// Rule judges one key.
type Rule struct {
	Key     string  `yaml:"key"`
	Compare Compare `yaml:"compare"`
	Met     string  `yaml:"met"`   // sentence when met; {want} {have}
	Unmet   string  `yaml:"unmet"` // sentence when missed; {want} {have} {missing}
}

// Ranking weighs the parts of a score.
type Ranking struct {
	Version      int      `yaml:"version"`
	Weights      Weights  `yaml:"weights"`
	MustWeight   float64  `yaml:"must_weight"`
	ConditionFit float64  `yaml:"condition_fit"`
	Paradigms    []string `yaml:"paradigms"`
	Asking       Asking   `yaml:"asking"`
	Hints        []Hint   `yaml:"hints"`
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
	// Conds is When parsed against the catalog, in catalog order.
	Conds []Cond `yaml:"-"`
}

// Cond is one parsed condition of a hint.
type Cond struct {
	Key   *catalog.Key
	Value catalog.Value
}

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

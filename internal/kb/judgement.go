package kb

import (
	"slices"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
)

// Suits are the use cases (rules/catalog.yaml use_cases) a service is
// for: primary ones it is built for, secondary ones it serves well enough.
type Suits struct {
	Primary   []string `yaml:"primary"`
	Secondary []string `yaml:"secondary"`
}

// Empty reports whether no use case is listed.
func (s Suits) Empty() bool { return len(s.Primary)+len(s.Secondary) == 0 }

// Caveat is a known trap of a service for some requirements: shown, with
// its source, when the requirements set every value of When (a list key
// including it) and, when UseCase is set, state one of those use cases.
type Caveat struct {
	When    map[string]string `yaml:"when"`
	UseCase []string          `yaml:"use_case"`
	Text    string            `yaml:"text"`
	Source  string            `yaml:"source"`
	Checked string            `yaml:"checked"`

	// Conds is When parsed against the catalog.
	Conds []Condition `yaml:"-"`
}

// Consequence is what choosing the service means for the team, good,
// neutral or bad, from its facts: what decision records list.
type Consequence struct {
	Kind    string `yaml:"kind"`
	Text    string `yaml:"text"`
	Source  string `yaml:"source"`
	Checked string `yaml:"checked"`
}

// ConsequenceKinds are the kinds of a consequence, as MADR says them.
var ConsequenceKinds = []string{"good", "neutral", "bad"}

// judgementRule checks what an entry says about its use: suits, caveats
// and consequences.
type judgementRule struct {
	cat     *catalog.Catalog
	sources sourceRule
	errs    *diag.List
}

func (j judgementRule) suits(pos diag.Pos, what string, s Suits) {
	ids := j.cat.UseCaseIDs()
	for _, list := range [][]string{s.Primary, s.Secondary} {
		for _, id := range list {
			if !slices.Contains(ids, id) {
				j.errs.Add(pos, "%s suits unknown use case %q%s", what, id, diag.Suggest(id, ids))
			}
		}
	}
	for _, id := range s.Primary {
		if slices.Contains(s.Secondary, id) {
			j.errs.Add(pos, "%s lists use case %q as primary and secondary; keep one", what, id)
		}
	}
}

func (j judgementRule) caveats(pos diag.Pos, list []Caveat) []Caveat {
	var out []Caveat // nil when empty, as a decoded copy has it
	for i, c := range list {
		what := "caveat " + itoa(i+1)
		if c.Text == "" {
			j.errs.Add(pos, "%s needs its text", what)
		}
		j.sources.check(j.errs, pos, what, c.Source, c.Checked)
		if len(c.When) == 0 && len(c.UseCase) == 0 {
			j.errs.Add(pos, "%s needs `when` or `use_case`: a caveat is for some requirements", what)
		}
		ids := j.cat.UseCaseIDs()
		for _, id := range c.UseCase {
			if !slices.Contains(ids, id) {
				j.errs.Add(pos, "%s names unknown use case %q%s", what, id, diag.Suggest(id, ids))
			}
		}
		c.Conds = nil
		for _, key := range sortedWhen(c.When) {
			k, ok := j.cat.Lookup(key)
			if !ok {
				j.errs.Add(pos, "%s: when names unknown key %q%s", what, key, diag.Suggest(key, j.cat.Names()))
				continue
			}
			v, err := k.ParseText(c.When[key], catalog.InRequirement)
			if err != nil {
				j.errs.Add(pos, "%s: when: %v", what, err)
				continue
			}
			c.Conds = append(c.Conds, Condition{Key: key, Value: v})
		}
		out = append(out, c)
	}
	return out
}

func (j judgementRule) consequences(pos diag.Pos, list []Consequence) {
	for i, c := range list {
		what := "consequence " + itoa(i+1)
		if !slices.Contains(ConsequenceKinds, c.Kind) {
			j.errs.Add(pos, "%s: kind %q is not one of %s%s", what, c.Kind, diag.OneOf(ConsequenceKinds), diag.Suggest(c.Kind, ConsequenceKinds))
		}
		if c.Text == "" {
			j.errs.Add(pos, "%s needs its text", what)
		}
		j.sources.check(j.errs, pos, what, c.Source, c.Checked)
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

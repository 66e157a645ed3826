package engine

import (
	"slices"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// verdict is one key judged against one fact.
type verdict struct {
	met       bool
	have      catalog.Value
	condition string   // the option's condition when only an option meets
	missing   []string // list keys: wanted values the service lacks
}

// judge compares what is wanted with what a fact offers, first outright and
// then under each of the fact's conditions in order.
func judge(k *catalog.Key, rule *ruleset.Rule, fact *kb.Fact, want catalog.Value) verdict {
	if ok, _ := meets(k, rule.Compare, fact.Value, want); ok {
		return verdict{met: true, have: fact.Value}
	}
	for _, o := range fact.Options {
		if ok, _ := meets(k, rule.Compare, o.Value, want); ok {
			return verdict{met: true, have: o.Value, condition: o.Condition}
		}
	}
	_, missing := meets(k, rule.Compare, fact.Value, want)
	return verdict{have: fact.Value, missing: missing}
}

func meets(k *catalog.Key, cmp ruleset.Compare, have, want catalog.Value) (bool, []string) {
	switch cmp {
	case ruleset.Flag:
		return !want.Bool || have.Bool, nil
	case ruleset.AtLeast:
		if k.IsQuantity() {
			return have.Num >= want.Num, nil
		}
		return k.Rank(have.Text) >= k.Rank(want.Text), nil
	case ruleset.Includes:
		wanted := want.List
		if want.Type == catalog.Enum {
			wanted = []string{want.Text}
		}
		var missing []string
		for _, w := range wanted {
			if !slices.Contains(have.List, w) {
				missing = append(missing, w)
			}
		}
		return len(missing) == 0, missing
	}
	return false, nil
}

// sentence fills a rule's sentence with the values of a verdict.
func sentence(tmpl string, want catalog.Value, v verdict) string {
	return strings.NewReplacer(
		"{want}", want.String(),
		"{have}", v.have.String(),
		"{missing}", strings.Join(v.missing, ", "),
	).Replace(tmpl)
}

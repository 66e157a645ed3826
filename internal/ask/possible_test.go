package ask_test

import (
	"testing"

	"github.com/advisor-dev/advisor/internal/ask"
	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/testfixture"
)

// A count with no service limits to try is tried at the catalog's
// examples, as whole numbers.
func TestPossibleAnswersOfACount(t *testing.T) {
	set, base := testfixture.Base(t)
	k := catalog.Key{Key: "consumers", Type: catalog.Integer, Examples: []string{"3", "200"}}
	set.Catalog.Keys = append(set.Catalog.Keys, k)
	got := ask.PossibleAnswers(&k, base, len(set.Catalog.Keys)-1)
	if len(got) != 2 || got[0].Type != catalog.Integer || got[0].Num != 3 || got[1].Type != catalog.Integer || got[1].Num != 200 {
		t.Errorf("got %+v", got)
	}
}

package adr

import (
	"fmt"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/report"
)

// The services left out are the serious alternatives: single services
// only, the closest (fewest musts missed) first, six at most and a count
// of the rest.
func TestLeftOutListsTheClosestSingleServices(t *testing.T) {
	var a Record
	a.Report.Sentences.Services = map[string]report.Reasons{}
	add := func(id string, misses int, parts ...string) {
		r := engine.Ranked{ID: id, Name: strings.ToUpper(id), Parts: parts}
		for range misses {
			r.Violations = append(r.Violations, engine.Check{})
		}
		a.Result.Ranking = append(a.Result.Ranking, r)
		a.Report.Sentences.Services[id] = report.Reasons{Misses: fmt.Sprintf("%d musts", misses)}
	}
	// As ranked (by score): the far ones first, a combination among them.
	add("far1", 3)
	add("combo", 1, "near1", "far1")
	add("near1", 1)
	add("far2", 2)
	add("near2", 1)
	for i := range 5 {
		add(fmt.Sprintf("far%d", i+3), 2)
	}
	_, excluded := considered(a)
	var b strings.Builder
	leftOut(&b, a, excluded)
	want := `
Left out, each for a must it misses:

* NEAR1 (near1): 1 musts
* NEAR2 (near2): 1 musts
* FAR2 (far2): 2 musts
* FAR3 (far3): 2 musts
* FAR4 (far4): 2 musts
* FAR5 (far5): 2 musts
* and 3 more
`
	if b.String() != want {
		t.Errorf("leftOut wrote\n%s\nwant\n%s", b.String(), want)
	}

	// Only combinations left out: no list at all.
	a.Result.Ranking = []engine.Ranked{{ID: "combo", Parts: []string{"a", "b"}, Violations: []engine.Check{{}}}}
	_, excluded = considered(a)
	b.Reset()
	leftOut(&b, a, excluded)
	if b.Len() != 0 {
		t.Errorf("leftOut with only a combination wrote %q", b.String())
	}
}

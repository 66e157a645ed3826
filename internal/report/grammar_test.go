package report_test

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/report"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/testfixture"
)

var update = flag.Bool("update", false, "rewrite testdata/sentences.golden")

// The sentences a report makes for one and for many — eligible services,
// musts, preferences, use cases, requirements — kept in a golden file that
// a person reads once, and checked for the slips that reached records
// before ("as 1 other service do", "suits a event-bus service").
func TestSentencesReadForOneAndMany(t *testing.T) {
	rules := testfixture.Rules(t)
	ranked := func(id, paradigm string, score float64, eligible bool) engine.Ranked {
		return engine.Ranked{ID: id, Name: "Acme " + id, Family: id, Paradigm: paradigm, Score: score, Eligible: eligible,
			Breakdown: engine.Breakdown{Fit: engine.Part{Points: score - 20, Max: 60}, Affinity: engine.Part{Points: 10, Max: 25},
				Simplicity: engine.Part{Points: 10, Max: 15, Effort: 4}}}
	}
	must := func(key, want string) engine.Check {
		return engine.Check{Key: key, Kind: engine.Must, Want: want, Have: want, Fit: 1, Weight: 2}
	}
	var b strings.Builder
	for _, c := range []struct {
		name     string
		eligible int
		musts    []engine.Check
		uses     []engine.UseCaseMatch
		requires []engine.Requirement
	}{
		{"the only one, one must", 1, []engine.Check{must("fanout", "true")}, nil, nil},
		{"one other, two musts", 2, []engine.Check{must("fanout", "true"), must("ordering", "per-key")}, nil, nil},
		{"two others, three musts", 3, []engine.Check{must("fanout", "true"), must("ordering", "per-key"), must("retention", "7d")}, nil, nil},
		{"use cases, built for one, serves one", 2, []engine.Check{must("fanout", "true")},
			[]engine.UseCaseMatch{{ID: "broadcast", Role: "primary", Share: 1, Weight: 2}, {ID: "work-queue", Role: "secondary", Share: 0.5, Weight: 2}}, nil},
		{"a use case it is not for", 2, []engine.Check{must("fanout", "true")},
			[]engine.UseCaseMatch{{ID: "notifications", Weight: 2}}, nil},
		{"a client change", 2, []engine.Check{{Key: "protocols", Kind: engine.Must, Want: "kafka", Have: "kafka", Fit: 0.25, Weight: 2,
			Condition: "every client switches to IAM access control", Requires: &engine.Requirement{Kind: "client-change", Text: "every client switches to IAM access control"}}}, nil, nil},
	} {
		win := ranked("winner", "event-bus", 90, true)
		win.Met, win.UseCases = c.musts, c.uses
		ranking := []engine.Ranked{win}
		for i := 1; i < c.eligible; i++ {
			r := ranked(fmt.Sprintf("other%d", i), "queue", 80-float64(i), true)
			r.Breakdown.Affinity.Points = 5
			ranking = append(ranking, r)
		}
		ranking = append(ranking, ranked("out", "stream", 40, false))
		res := engine.Result{Recommendation: &engine.Pick{ID: "winner"}, Ranking: ranking}
		req := &requirements.Requirements{}
		for _, m := range c.musts {
			req.Must = append(req.Must, requirements.Item{Key: m.Key})
		}
		rep := report.Build(res, req, rules, 0)
		fmt.Fprintf(&b, "## %s\n%s\n", c.name, rep.Headline)
		for _, w := range rep.Why {
			fmt.Fprintf(&b, "- %s\n", w)
		}
		for _, o := range rep.Others {
			fmt.Fprintf(&b, "  %s: %s\n", o.ID, o.Why)
		}
		for _, e := range report.Explain(res, rep.Sentences) {
			for _, p := range e.Parts {
				for _, l := range p.Lines {
					fmt.Fprintf(&b, "  %s %s: %s\n", e.ID, p.Name, l)
				}
			}
		}
		b.WriteString("\n")
	}
	got := b.String()
	for _, slip := range []*regexp.Regexp{
		regexp.MustCompile(`\b1 other services\b`), regexp.MustCompile(`\b1 other service do\b`),
		regexp.MustCompile(`\b[2-9] other service do(es)?\b`), regexp.MustCompile(`\ba [aeiou]`),
		regexp.MustCompile(`\ban [b-df-hj-np-tv-z]`), regexp.MustCompile(`needs [a-z]+ [a-z]+s\b to`),
		regexp.MustCompile(`\.\.`), regexp.MustCompile(`  +[a-z]`),
	} {
		for _, line := range strings.Split(got, "\n") {
			if strings.HasPrefix(line, "## ") {
				continue // the case's own name
			}
			line = strings.TrimLeft(line, " ")
			if slip.MatchString(line) {
				t.Errorf("%q in: %s", slip, line)
			}
		}
	}
	const golden = "testdata/sentences.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("sentences differ from %s; rerun with -update if the change is intended\n%s", golden, got)
	}
}

package report_test

import (
	"slices"
	"testing"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/report"
	"github.com/advisor-dev/advisor/internal/testfixture"
)

// Each kind of check and what-if in words, from the rules' templates: the
// test fixture's copy of them, so that this tests how templates are filled,
// not what rules/judging.yaml says. The result is made by hand.
func TestWord(t *testing.T) {
	rules := testfixture.Rules(t)
	res := engine.Result{
		Recommendation: &engine.Pick{ID: "sqs-fifo"},
		Ranking: []engine.Ranked{{
			ID: "sqs-fifo",
			Met: []engine.Check{
				{Key: "ordering", Kind: engine.Must, Want: "per-key", Have: "strict", Fit: 1},
				{Key: "throughput", Kind: engine.Must, Want: "5k/s", Have: "70k/s", Condition: "high-throughput mode", Fit: 0.9},
			},
			Violations: []engine.Check{{Key: "protocols", Kind: engine.Must, Want: "amqp, mqtt", Have: "sqs", Missing: []string{"amqp", "mqtt"}}},
			Missed:     []engine.Check{{Key: "replay", Kind: engine.Prefer, Want: "true", Have: "unknown", Unknown: true}},
		}},
		WhatIf: []engine.WhatIf{
			{Kind: engine.Drop, Key: "ordering", Want: "strict", Then: "sns"},
			{Kind: engine.Above, Key: "throughput", Above: "3k/s", Effect: engine.NeedsCondition, Condition: "high-throughput mode", Then: "sqs-fifo"},
			{Kind: engine.Above, Key: "throughput", Above: "70k/s", Effect: engine.Ineligible, Then: ""},
		},
	}
	said := report.Word(res, rules)
	got := said.Services["sqs-fifo"]
	want := report.Reasons{
		Met:        []string{"keeps strict order", "takes up to 70k/s, given this: high-throughput mode"},
		Violations: []string{"does not speak amqp, mqtt (it speaks sqs)"},
		Missed:     []string{"the knowledge base records nothing on replay for this service"},
		Notes:      []string{"throughput 5k/s needs high-throughput mode"},
	}
	for _, l := range []struct {
		name      string
		got, want []string
	}{{"met", got.Met, want.Met}, {"violations", got.Violations, want.Violations}, {"missed", got.Missed, want.Missed}, {"notes", got.Notes, want.Notes}} {
		if !slices.Equal(l.got, l.want) {
			t.Errorf("%s: got %q, want %q", l.name, l.got, l.want)
		}
	}
	changes := []report.Change{
		{Text: "without ordering strict as a must, sns would win"},
		{Effect: "needs this: high-throughput mode", Text: "above 3k/s of throughput, sqs-fifo needs this: high-throughput mode"},
		{Effect: "is out", Text: "above 70k/s of throughput, sqs-fifo is out; no service would meet every must"},
	}
	if !slices.Equal(said.WhatIf, changes) {
		t.Errorf("what-if: got %q, want %q", said.WhatIf, changes)
	}
}

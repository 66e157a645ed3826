package report_test

import (
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/embedded"
	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/report"
	"github.com/advisor-dev/advisor/internal/requirements"
)

// A list must half met is said by what is missing only: SNS delivers to
// email but not to s3, so it misses "targets s3", in every line that says
// so; the requirement itself (the check's Want) stays whole.
func TestMissesNameOnlyWhatIsMissing(t *testing.T) {
	rules, _, err := embedded.Base()
	if err != nil {
		t.Fatal(err)
	}
	targets := engine.Check{Key: "targets", Kind: engine.Must, Want: "email, s3", Have: "http, email", Missing: []string{"s3"}}
	prefer := targets
	prefer.Kind, prefer.Weight = engine.Prefer, 1
	res := engine.Result{Ranking: []engine.Ranked{
		{ID: "sns", Name: "Amazon SNS", Violations: []engine.Check{targets, {Key: "replay", Kind: engine.Must, Want: "true", Have: "false"}}},
		{ID: "sqs", Violations: []engine.Check{{Key: "replay", Kind: engine.Must, Want: "true", Have: "false"}}},
	}}
	said := report.Word(res, rules)
	if got, want := said.Services["sns"].Misses, "targets s3 (has http, email), replay (has false)"; got != want {
		t.Errorf("misses: got %q, want %q", got, want)
	}
	if got, want := said.Services["sns"].Violations[0], "cannot deliver to s3 by itself (it delivers to http, email)"; got != want {
		t.Errorf("reason: got %q, want %q", got, want)
	}

	req := &requirements.Requirements{}
	rep := report.Build(res, req, rules, 0)
	if got, want := rep.Why[0], "Closest: Amazon SNS (sns), which misses targets s3 (has http, email), replay (has false)."; got != want {
		t.Errorf("closest: got %q, want %q", got, want)
	}
	res.Ranking[0], res.Ranking[1] = res.Ranking[1], res.Ranking[0]
	rep = report.Build(res, req, rules, 0)
	if got, want := rep.Others[0].Why, "misses targets s3 (has http, email), replay (has false)"; got != want {
		t.Errorf("others: got %q, want %q", got, want)
	}
	for _, e := range report.Explain(res, said) {
		if e.ID == "sns" && e.Out != "out: misses targets s3 (has http, email), replay (has false)" {
			t.Errorf("explain: got %q", e.Out)
		}
	}

	// A preference half met, behind the winner on fit.
	res = engine.Result{Recommendation: &engine.Pick{ID: "sqs"}, Ranking: []engine.Ranked{
		{ID: "sqs", Eligible: true, Score: 60, Breakdown: engine.Breakdown{Fit: engine.Part{Points: 60}}},
		{ID: "sns", Eligible: true, Missed: []engine.Check{prefer}},
	}}
	rep = report.Build(res, req, rules, 0)
	if got := rep.Others[0].Why; !strings.Contains(got, "does not meet prefer targets s3 (has http, email)") {
		t.Errorf("behind: got %q", got)
	}
}

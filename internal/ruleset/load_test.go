package ruleset_test

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/ruleset"
	"github.com/advisor-dev/advisor/rules"
)

// overlay is a rules directory holding one of the embedded rule files with
// one change.
func overlay(t *testing.T, file, old, new string) ruleset.Reader {
	t.Helper()
	data, err := fs.ReadFile(rules.FS, file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", file, old)
	}
	changed := strings.Replace(string(data), old, new, 1)
	return func(name string) (string, []byte, error) {
		if name != file {
			return "over/" + name, nil, fs.ErrNotExist
		}
		return "over/" + name, []byte(changed), nil
	}
}

// lineOf is the line of file where text first is: a want's "@" stands for
// it, so that editing the catalog above it does not break the test.
func lineOf(t *testing.T, file, text string) int {
	t.Helper()
	data, err := fs.ReadFile(rules.FS, file)
	if err != nil {
		t.Fatal(err)
	}
	return 1 + strings.Count(string(data[:strings.Index(string(data), text)]), "\n")
}

// A number YAML reads as not-a-number or infinity, or one too large to add
// up, is refused where it is written: NaN passes no range check after the
// fact, and a NaN weight or an infinite sum of weights made every score
// NaN ("json: unsupported value: NaN", exit 1).
func TestLoadRefusesNumbersThatAreNoNumbers(t *testing.T) {
	for _, c := range []struct{ file, old, new, want string }{
		{ruleset.RankingFile, "fit: 60", "fit: .nan", "over/ranking.yaml:15:8: weights.fit takes a number, not .nan: YAML reads it as not-a-number"},
		{ruleset.RankingFile, "fit: 60", "fit: 1e308", "over/ranking.yaml:15:3: weights must be zero or more and sum to 100 (they sum to 1e+308)"},
		{ruleset.RankingFile, "must_weight: 2", "must_weight: .inf", "over/ranking.yaml:18:14: must_weight takes a number, not .inf: YAML reads it as infinity"},
		{ruleset.RankingFile, "must_weight: 2", "must_weight: 1e308", "over/ranking.yaml:18:14: must_weight must be more than 0 and at most 100, not 1e+308"},
		{ruleset.RankingFile, "client-change: 0.25", "client-change: -.Inf", "over/ranking.yaml:28:18: requirement_fit.client-change takes a number, not -.Inf: YAML reads it as infinity"},
		{ruleset.RankingFile, "client-change: 0.25", "client-change: 2", "over/ranking.yaml:28:18: requirement_fit.client-change must be more than 0 and at most 1, not 2"},
		{ruleset.RankingFile, "client-change: 0.25", "client-changes: 0.25", "requirement_fit names unknown kind \"client-changes\""},
		{ruleset.RankingFile, "unverified_fit: 0.5", "unverified_fit: 1", "over/ranking.yaml:31:17: unverified_fit must be more than 0 and less than 1, not 1"},
		{ruleset.RankingFile, "stop_below: 0.15", "stop_below: .NaN", "over/ranking.yaml:44:15: asking.stop_below takes a number, not .NaN: YAML reads it as not-a-number"},
		{ruleset.RankingFile, "combination_effort: 2", "combination_effort: .nan", "over/ranking.yaml:20:21: combination_effort takes a whole number, not .nan"},
		{ruleset.RankingFile, "combination_effort: 2", "combination_effort: 2.5", "over/ranking.yaml:20:21: combination_effort takes a whole number, not 2.5"},
		{ruleset.CatalogFile, "prior: 0.1", "prior: .nan", "over/catalog.yaml:@:12: keys.prior takes a number, not .nan: YAML reads it as not-a-number"},
	} {
		t.Run(c.new, func(t *testing.T) {
			_, err := ruleset.Load(ruleset.FromFS(rules.FS, "rules/"), overlay(t, c.file, c.old, c.new))
			want := strings.ReplaceAll(c.want, "@", strconv.Itoa(lineOf(t, c.file, c.old)))
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error:\n%v\nwant one with:\n%s", err, want)
			}
		})
	}
}

// The ranking prices a requirement by its kind alone, and a must met only
// by changing every client loses more of its weight than any weight-1 wish
// can give back: an unchanged Kafka migration stays on MSK even where MSK
// Serverless meets a wish for serverless.
func TestClientChangeOutweighsAWish(t *testing.T) {
	set, err := ruleset.Load(ruleset.FromFS(rules.FS, "rules/"))
	if err != nil {
		t.Fatal(err)
	}
	r := set.Ranking
	if lost := r.MustWeight * (1 - r.RequirementFit[ruleset.RequiresClientChange]); lost <= 1 {
		t.Errorf("a must met by changing every client loses %g of its weight; a weight-1 wish gives 1", lost)
	}
	// Cheaper kinds cost less: an opt-in never weighs like a client change.
	order := []string{ruleset.RequiresOptIn, ruleset.RequiresQuotaIncrease, ruleset.RequiresRegion, ruleset.RequiresClientChange}
	for i := 1; i < len(order); i++ {
		if r.RequirementFit[order[i]] > r.RequirementFit[order[i-1]] {
			t.Errorf("requirement_fit.%s (%g) above %s (%g)", order[i], r.RequirementFit[order[i]], order[i-1], r.RequirementFit[order[i-1]])
		}
	}
}

// The catalog words the questionnaire's questions; the loader refuses one
// the questionnaire does not ask (naming the near miss), a key under the
// wrong question, and a catalog that leaves one of them out.
func TestLoadChecksTheQuestions(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{"  - id: numbers\n", "  - id: number\n", `question "number" is not one the questionnaire asks; the questions are use_case, needs, numbers, review, title, context (did you mean "numbers"?)`},
		{"keys: [throughput, ", "keys: [fanout, throughput, ", `key "fanout" is in questions "needs" and "numbers"; keep it in one`},
		{"keys: [fanout, ", "keys: [throughput, fanout, ", `question "needs" names "throughput" (type rate); quantities go under numbers`},
		{"keys: [throughput, ", "keys: [ordering, throughput, ", `question "numbers" names "ordering" (type enum); yes-or-no, choice and list keys go under needs`},
		{"  - id: review\n", "  - id: review\n    keys: [fanout]\n", `question "review" takes no keys; only needs and numbers list keys`},
	} {
		t.Run(c.new, func(t *testing.T) {
			_, err := ruleset.Load(ruleset.FromFS(rules.FS, "rules/"), overlay(t, ruleset.CatalogFile, c.old, c.new))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant one with:\n%s", err, c.want)
			}
		})
	}
}

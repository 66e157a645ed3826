package kb_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/ruleset"
	"github.com/advisor-dev/advisor/knowledge"
	"github.com/advisor-dev/advisor/rules"
)

func load(t testing.TB) (*ruleset.Set, []*kb.Service) {
	t.Helper()
	set, err := ruleset.Load(ruleset.FromFS(rules.FS, "rules/"))
	if err != nil {
		t.Fatalf("embedded rules: %v", err)
	}
	list, err := kb.LoadFS(knowledge.FS, "knowledge/", set)
	if err != nil {
		t.Fatalf("embedded knowledge: %v", err)
	}
	return set, list
}

// The spec's service ids and families.
var specFamilies = map[string]string{
	"sns": "sns", "sns-fifo": "sns", "sqs": "sqs", "sqs-fifo": "sqs",
	"mq-activemq": "mq", "mq-rabbitmq": "mq", "msk": "msk", "msk-serverless": "msk",
	"kinesis-data-streams": "kinesis-data-streams", "data-firehose": "data-firehose",
	"eventbridge": "eventbridge", "eventbridge-pipes": "eventbridge", "eventbridge-scheduler": "eventbridge",
}

func TestEmbeddedHasTheSpecServices(t *testing.T) {
	_, list := load(t)
	got := map[string]string{}
	for _, s := range list {
		got[s.ID] = s.Family
	}
	for id, family := range specFamilies {
		if got[id] != family {
			t.Errorf("service %s: family %q, want %q", id, got[id], family)
		}
	}
	if len(got) != len(specFamilies) {
		t.Errorf("%d entries, want the spec's %d", len(got), len(specFamilies))
	}
}

// Every embedded entry has a fact for every catalog key, and every fact,
// option, limit, effort and pricing line cites an AWS page with a check date.
func TestEmbeddedFactsAreCompleteAndSourced(t *testing.T) {
	set, list := load(t)
	for _, s := range list {
		if missing := s.Missing(set); len(missing) > 0 {
			t.Errorf("%s: no fact for %v", s.File, missing)
		}
		check := func(what, source, checked string) {
			t.Helper()
			u, err := url.Parse(source)
			if err != nil || u.Scheme != "https" || !(u.Host == "docs.aws.amazon.com" || u.Host == "aws.amazon.com") {
				t.Errorf("%s: %s cites %q; cite docs.aws.amazon.com or aws.amazon.com", s.File, what, source)
			}
			d, err := time.Parse(time.DateOnly, checked)
			if err != nil || d.After(time.Now().Add(24*time.Hour)) || d.Before(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("%s: %s checked %q: want a real date since 2025", s.File, what, checked)
			}
		}
		check("effort", s.Effort.Source, s.Effort.Checked)
		check("pricing", s.Pricing.Source, s.Pricing.Checked)
		for idx, f := range s.ByIndex {
			if f == nil {
				continue
			}
			key := set.Catalog.Keys[idx].Key
			check("fact "+key, f.Source, f.Checked)
			for _, o := range f.Options {
				src, day := o.SourceOf(f)
				check("option of "+key, src, day)
			}
		}
		for _, l := range s.Limits {
			check("limit "+l.Name, l.Source, l.Checked)
		}
		if len(s.Limits) < 3 {
			t.Errorf("%s: %d limits; give at least message size, throughput and retention", s.File, len(s.Limits))
		}
		if !strings.HasPrefix(s.Docs, "https://") {
			t.Errorf("%s: docs link %q", s.File, s.Docs)
		}
	}
}

// Every judging rule must name a catalog key, and every key needs a rule:
// the loader refuses rule files that break either, naming the key.
func TestRulesNameKnownKeys(t *testing.T) {
	set, _ := load(t)
	if len(set.Rules) != len(set.Catalog.Keys) {
		t.Fatalf("%d rules for %d keys", len(set.Rules), len(set.Catalog.Keys))
	}
	for _, c := range []struct{ judging, want string }{
		{"version: 1\nrules:\n  - {key: orderin, compare: at-least, combine: weaker, met: m, unmet: u}\n",
			`rule for unknown key "orderin" (did you mean "ordering"?)`},
		{"version: 1\nrules: []\n", `key "ordering" has no rule`},
	} {
		withJudging := func(f string) (string, []byte, error) {
			if f == ruleset.JudgingFile {
				return "test/judging.yaml", []byte(c.judging), nil
			}
			return ruleset.FromFS(rules.FS, "rules/")(f)
		}
		if _, err := ruleset.Load(withJudging); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("judging %q: error %v, want one saying %s", c.judging, err, c.want)
		}
	}
}

// A combination may not take a service's id, or it would silently replace it.
func TestCombinationIDsDoNotClash(t *testing.T) {
	set, list := load(t)
	_, err := kb.Combine(list, []*kb.Combination{{ID: "sqs", Parts: []string{"sns", "sqs"}, File: "x.yaml"}}, set)
	if err == nil || !strings.Contains(err.Error(), `combination id "sqs" is a service's id too`) {
		t.Errorf("err = %v", err)
	}
}

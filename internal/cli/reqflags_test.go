package cli

import (
	"slices"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/docsgen"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/ruleset"
	"github.com/advisor-dev/advisor/internal/schema"
	"github.com/advisor-dev/advisor/internal/testfixture"
	"github.com/advisor-dev/advisor/rules"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

// countLoaded is the fixture's rules and knowledge with rules/catalog.yaml's
// integer key, consumers: setting it needs no facts.
func countLoaded(t *testing.T) *Loaded {
	t.Helper()
	set, base := testfixture.Base(t)
	set.Catalog.Keys = append(set.Catalog.Keys, catalog.Key{Key: "consumers", Type: catalog.Integer, Title: "Consumers", Examples: []string{"3", "200"}})
	return &Loaded{Rules: set, Base: base}
}

// The flags put a count and a Region over the file's: the count written
// back as a whole number, the Region after the provider.
func TestApplyCountAndRegion(t *testing.T) {
	l := countLoaded(t)
	req, err := l.Loader().Load("req.yaml", []byte("version: 1\nprovider: acme\nregion: us-west-2\nmust: {consumers: 2}\n"))
	if err != nil {
		t.Fatal(err)
	}
	flags := requirementFlags{Region: "eu-west-1", Musts: []mustFlag{{Flag: "--consumers", Key: "consumers", Value: "150"}}, Prefers: []string{"fanout=true:2"}}
	if err := flags.apply(req, l); err != nil {
		t.Fatal(err)
	}
	out, err := yaml.Marshal(req.Plain())
	if err != nil {
		t.Fatal(err)
	}
	if want := "version: 1\nprovider: acme\nregion: eu-west-1\nmust:\n    consumers: 150\nprefer:\n    fanout: {value: true, weight: 2}\n"; string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}

	// No --region keeps the file's.
	req, _ = l.Loader().Load("req.yaml", []byte("version: 1\nregion: us-west-2\n"))
	if err := (requirementFlags{}).apply(req, l); err != nil || req.Region != "us-west-2" {
		t.Errorf("region %q, %v", req.Region, err)
	}
}

func TestApplyRefusesBadCounts(t *testing.T) {
	l := countLoaded(t)
	for value, want := range map[string]string{
		"0":         `--consumers: consumers: "0" must be more than zero`,
		"-2":        `--consumers: consumers: "-2" is negative`,
		"1.5":       `--consumers: consumers: "1.5" is not a whole number`,
		"unlimited": `--consumers: consumers: "unlimited" is not allowed here`,
		"":          `--consumers: consumers: "" is not a count`,
	} {
		err := requirementFlags{Musts: []mustFlag{{Flag: "--consumers", Key: "consumers", Value: value}}}.apply(requirements.New(), l)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("--consumers %q: got %v, want %s", value, err, want)
		}
	}
}

// Measures (bandwidth) are judged, never asked: no flag, no question, no
// schema property, no row of the reference is made of one. The real rules,
// read from their YAML (the knowledge need not load).
func TestMeasuresAreNotRequirementKeys(t *testing.T) {
	set, err := ruleset.Load(ruleset.FromFS(rules.FS, "rules/"))
	if err != nil {
		t.Fatal(err)
	}
	cat := &set.Catalog
	if len(cat.Measures) == 0 {
		t.Skip("the catalog has no measures")
	}
	cmd := &cobra.Command{Use: "x"}
	addReqFlags(cmd, cat, nil)
	sch, err := schema.Requirements(cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc := docsgen.Requirements(cat, &kb.Base{})
	for _, m := range cat.Measures {
		if cmd.Flags().Lookup(flagName(m.Key)) != nil {
			t.Errorf("measure %s has a flag", m.Key)
		}
		if _, ok := cat.Lookup(m.Key); ok {
			t.Errorf("measure %s is a requirement key", m.Key)
		}
		for _, k := range cat.AskOrder() {
			if k.Key == m.Key {
				t.Errorf("measure %s is asked", m.Key)
			}
		}
		if strings.Contains(string(sch), `"`+m.Key+`"`) {
			t.Errorf("measure %s is in the schema", m.Key)
		}
		if strings.Contains(doc, "`"+m.Key+"`") {
			t.Errorf("measure %s is in the reference", m.Key)
		}
	}
	for _, key := range []string{"consumers", "key_throughput"} {
		if cmd.Flags().Lookup(flagName(key)) == nil || !strings.Contains(string(sch), `"`+key+`"`) || !strings.Contains(doc, "| `"+key+"` |") {
			t.Errorf("key %s lacks a flag, a schema property or a row", key)
		}
	}
	if f := cmd.Flags().Lookup("consumers"); f == nil || f.Value.Type() != "3" {
		t.Errorf("--consumers shows no example in --help")
	}
}

// --use-case replaces the file's use_case with its ids, checked against
// the catalog and kept in its order; not given, the file's stay; given
// empty, there are none.
func TestApplyUseCases(t *testing.T) {
	set, base := testfixture.Base(t)
	l := &Loaded{Rules: set, Base: base}
	load := func() *requirements.Requirements {
		req, err := l.Loader().Load("req.yaml", []byte("version: 1\nregion: eu-west-1\nuse_case: [notifications]\n"))
		if err != nil {
			t.Fatal(err)
		}
		return req
	}
	req := load()
	if err := (requirementFlags{UseCases: []string{"work-queue", "broadcast", "work-queue"}}).apply(req, l); err != nil {
		t.Fatal(err)
	}
	out, err := yaml.Marshal(req.Plain())
	if err != nil {
		t.Fatal(err)
	}
	if want := "version: 1\nregion: eu-west-1\nuse_case: [broadcast, work-queue]\n"; string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}

	req = load()
	if err := (requirementFlags{}).apply(req, l); err != nil || !slices.Equal(req.UseCases, []string{"notifications"}) {
		t.Errorf("no --use-case: %q, %v", req.UseCases, err)
	}
	req = load()
	if err := (requirementFlags{UseCases: []string{}}).apply(req, l); err != nil || req.UseCases != nil {
		t.Errorf("--use-case '': %q, %v", req.UseCases, err)
	}

	err = requirementFlags{UseCases: []string{"broadcast", "brodcast"}}.apply(load(), l)
	const want = `--use-case does not take "brodcast" (did you mean "broadcast"?); use cases are notifications, broadcast, work-queue, event-sourcing`
	if err == nil || err.Error() != want || codeOf(err) != ExitInput {
		t.Errorf("got %v (exit %d), want %s (exit %d)", err, codeOf(err), want, ExitInput)
	}
}

// --use-case completes the catalog's use case ids, each with its meaning,
// after any comma, leaving out those already listed.
func TestCompleteUseCases(t *testing.T) {
	set, base := testfixture.Base(t)
	complete := completeUseCases(func() (*Loaded, error) { return &Loaded{Rules: set, Base: base}, nil })
	tests := []struct{ typed, want string }{
		{"", "notifications\talert people or systems: push, SMS, email, alarms | broadcast\tfan business events out to many independent subscribers | " +
			"work-queue\tdecouple producers from workers: asynchronous jobs, load levelling, retries | event-sourcing\ta durable, replayable event log as the system of record"},
		{"b", "broadcast\tfan business events out to many independent subscribers"},
		{"broadcast,", "broadcast,notifications\talert people or systems: push, SMS, email, alarms | " +
			"broadcast,work-queue\tdecouple producers from workers: asynchronous jobs, load levelling, retries | broadcast,event-sourcing\ta durable, replayable event log as the system of record"},
		{"broadcast,w", "broadcast,work-queue\tdecouple producers from workers: asynchronous jobs, load levelling, retries"},
		{"x", ""},
	}
	for _, tt := range tests {
		got, directive := complete(nil, nil, tt.typed)
		if strings.Join(got, " | ") != tt.want || directive != listDirective {
			t.Errorf("--use-case %q: got %q (%d), want %q", tt.typed, strings.Join(got, " | "), directive, tt.want)
		}
	}
}

// The real catalog's workload keys (consumption, processing_time,
// high_availability, region_failover, enrichment) and the AMQP versions of
// protocols get a flag, a question, a schema property and a row of the
// reference from the catalog alone, and use_case a flag, a schema property
// and a table of the use cases. Read from the rules' YAML: the knowledge
// need not load.
func TestCatalogKeysReachFlagsQuestionsSchemaAndDocs(t *testing.T) {
	set, err := ruleset.Load(ruleset.FromFS(rules.FS, "rules/"))
	if err != nil {
		t.Fatal(err)
	}
	cat := &set.Catalog
	cmd := &cobra.Command{Use: "x"}
	addReqFlags(cmd, cat, nil)
	sch, err := schema.Requirements(cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc := docsgen.Requirements(cat, &kb.Base{})
	asked := map[string]bool{}
	for _, k := range cat.AskOrder() {
		asked[k.Key] = true
	}
	for _, key := range []string{"consumption", "processing_time", "high_availability", "region_failover", "enrichment"} {
		k, ok := cat.Lookup(key)
		switch {
		case !ok:
			t.Errorf("%s is not a key of the catalog", key)
			continue
		case cmd.Flags().Lookup(flagName(key)) == nil:
			t.Errorf("%s has no flag", key)
		case !asked[key]:
			t.Errorf("%s is asked on no screen", key)
		case !strings.Contains(string(sch), `"`+key+`"`):
			t.Errorf("%s is not in the schema", key)
		case !strings.Contains(doc, "| `"+key+"` | `--"+flagName(key)+"` |"):
			t.Errorf("%s has no row in the reference", key)
		case k.Question == "" || k.Help == "":
			t.Errorf("%s has no question or help", key)
		}
	}
	protocols, _ := cat.Lookup("protocols")
	v, err := protocols.ParseText("amqp-1.0,amqp-0-9-1,amqp", catalog.InRequirement)
	if err != nil || strings.Join(v.List, ",") != "amqp,amqp-0-9-1,amqp-1.0" {
		t.Errorf("--protocols amqp-1.0,amqp-0-9-1,amqp: %v, %v", v.List, err)
	}
	for _, want := range []string{`"amqp-0-9-1"`, `"amqp-1.0"`} {
		if !strings.Contains(string(sch), want) {
			t.Errorf("the schema's protocols lack %s", want)
		}
	}
	if !strings.Contains(doc, "`amqp-1.0` AMQP 1.0") || !strings.Contains(doc, "A wanted `amqp` is met by `amqp-0-9-1` or `amqp-1.0`") {
		t.Errorf("the reference does not say what the AMQP values mean, or what plain amqp is met by")
	}
	if f := cmd.Flags().Lookup("use-case"); f == nil || f.Value.Type() != "stringSlice" {
		t.Errorf("no --use-case comma list")
	}
	if !strings.Contains(string(sch), `"use_case"`) {
		t.Errorf("use_case is not in the schema")
	}
	for _, u := range cat.UseCases {
		if !strings.Contains(doc, "| `"+u.ID+"` | "+u.Meaning+" |") {
			t.Errorf("use case %s has no row in the reference", u.ID)
		}
	}
}

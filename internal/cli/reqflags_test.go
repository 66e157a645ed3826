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
		for _, q := range cat.Asked() {
			if slices.Contains(q.Keys, m.Key) {
				t.Errorf("measure %s is asked in %s", m.Key, q.ID)
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

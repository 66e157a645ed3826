package cli

import (
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/testfixture"
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

package engine_test

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// The knowledge-model tests (model_test.go) rank small knowledge bases of
// their own, written in each test, against the fixture's rules with an
// overlay that adds what the fixture's rules lack: key_throughput, implied
// from throughput under strict order, and the bandwidth measure with its
// derived check.

// modelRules is the overlay on the fixture's rules.
var modelRules = fstest.MapFS{
	ruleset.CatalogFile: {Data: []byte(`version: 1
keys:
  - key: key_throughput
    type: rate
    prior: 0.1
    title: Key rate
    question: What peak rate must one ordering key take?
    help: The busiest key alone; with strict order, the whole rate.
measures:
  - key: bandwidth
    type: bandwidth
    title: Bytes/s in
    help: the most bytes a second one queue takes in
`)},
	ruleset.JudgingFile: {Data: []byte(`version: 1
rules:
  - key: key_throughput
    combine: lower
    met: takes up to {have} within one ordering key
    unmet: takes at most {have} within one ordering key, short of {want}
    implied:
      when: {ordering: strict}
      value_of: throughput
      because: with one total order, the whole throughput is one ordering key
derived:
  - measure: bandwidth
    product: [throughput, message_size]
    combine: lower
    met: takes in {want}; up to {have}
    unmet: takes in at most {have}, short of {want}
`)},
}

// impliedBecause is the overlay's reason for the implied key_throughput.
const impliedBecause = "with one total order, the whole throughput is one ordering key"

// model is a knowledge base written by a test, with the rules it is judged by.
type model struct {
	set  *ruleset.Set
	base *kb.Base
}

// file is one knowledge file: its path in the directory and its text.
type file struct{ path, text string }

// svc is a version-2 entry of the acme provider; body holds its facts (and
// variants), where $S stands for a source on the provider's pages and a
// check date.
func svc(id, paradigm string, effort int, body string) file {
	head := "version: 2\nid: " + id + "\nname: Acme " + id + "\nfamily: queue\nprovider: acme\nparadigm: " + paradigm +
		"\nsummary: s\ndocs: https://docs.acme.example/" + id + "/\n" +
		"effort: {value: " + strconv.Itoa(effort) + ", note: n, source: https://docs.acme.example/" + id + "/effort, checked: 2026-11-01}\n" +
		"pricing: {summary: per request, source: https://docs.acme.example/" + id + "/pricing, checked: 2026-11-01}\n" +
		"use_cases: [u]\n"
	return file{"services/" + id + ".yaml", head + strings.ReplaceAll(body, "$S", "source: https://docs.acme.example/"+id+"/limits, checked: 2026-11-02")}
}

// combo is a version-2 combination; parts is the YAML list of its parts.
func combo(id, paradigm, parts string) file {
	return file{"combinations/" + id + ".yaml", "version: 2\nid: " + id + "\nname: Acme " + id + "\nparts: " + parts +
		"\nparadigm: " + paradigm + "\nsummary: s\ndocs: https://docs.acme.example/" + id + "/\nchecked: 2026-11-01\nuse_cases: [u]\n"}
}

// kdir is a knowledge directory of files, with the acme provider.
func kdir(files ...file) fstest.MapFS {
	fsys := fstest.MapFS{"providers/acme.yaml": {Data: []byte(
		"version: 1\nid: acme\nname: Acme\nsources: [docs.acme.example]\nfamilies: [{id: queue, name: Acme Queue}]\n")}}
	for _, f := range files {
		fsys[f.path] = &fstest.MapFile{Data: []byte(f.text)}
	}
	return fsys
}

// newModel loads the rules and layers dirs into a knowledge base.
func newModel(t *testing.T, dirs ...fstest.MapFS) *model {
	t.Helper()
	set, err := ruleset.Load(ruleset.FromFS(os.DirFS("../testfixture/testdata/rules"), "fixture/"), ruleset.FromFS(modelRules, "model/"))
	if err != nil {
		t.Fatalf("rules: %v", err)
	}
	ctx := kb.Context{Rules: set}
	var loaded []*kb.Dir
	for i, d := range dirs {
		dir, err := kb.LoadDir(d, "k"+strconv.Itoa(i)+"/", ctx)
		if err != nil {
			t.Fatalf("knowledge: %v", err)
		}
		ctx.Providers = append(ctx.Providers, dir.Providers...)
		loaded = append(loaded, dir)
	}
	base, err := kb.Assemble(ctx, loaded...)
	if err != nil {
		t.Fatalf("knowledge: %v", err)
	}
	return &model{set: set, base: base}
}

// req reads body (a requirements file without its version and provider).
func (m *model) req(t *testing.T, body string) *requirements.Requirements {
	t.Helper()
	return parseText(t, m.set, m.base, "version: 1\nprovider: acme\n"+body)
}

func (m *model) rank(t *testing.T, body string) engine.Result {
	t.Helper()
	return engine.Rank(m.req(t, body), m.base, m.set)
}

// checkIn returns r's check of key and the list it is in: met, violations,
// missed or unverified; "" when r has none.
func checkIn(r engine.Ranked, key string) (engine.Check, string) {
	for _, l := range []struct {
		name   string
		checks []engine.Check
	}{{"met", r.Met}, {"violations", r.Violations}, {"missed", r.Missed}, {"unverified", r.Unverified}} {
		if i := slices.IndexFunc(l.checks, func(c engine.Check) bool { return c.Key == key }); i >= 0 {
			return l.checks[i], l.name
		}
	}
	return engine.Check{}, ""
}

// kinds lists the kinds of r's requirements, in order.
func kinds(r engine.Ranked) []string {
	var out []string
	for _, q := range r.Requires {
		out = append(out, q.Kind)
	}
	return out
}

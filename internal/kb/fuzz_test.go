package kb_test

import (
	"testing"

	"github.com/advisor-dev/advisor/internal/kb"
)

// maxFuzzEntry caps the inputs the fuzzer tries. Every branch of the entry
// parser is reached by a few hundred bytes; longer inputs only make each
// run, and above all each minimisation, slower (a run seeded with whole
// service files managed a few execs a second and stalled minimising).
const maxFuzzEntry = 2 << 10

// FuzzParseKnowledge feeds arbitrary bytes to the entry parser: it must
// return an entry or an error, never panic or hang.
//
// The seeds are small on purpose (see maxFuzzEntry): a minimal valid entry
// (testdata/fuzz/FuzzParseKnowledge/seed-entry), one fact of each kind of
// value, and the shapes that broke parsers before — a null option (it
// crashed the loader once; testdata/fuzz/FuzzParseKnowledge/null-option),
// null facts and values, aliases, several documents.
func FuzzParseKnowledge(f *testing.F) {
	set, _ := load(f)
	ctx := &kb.Context{Rules: set, Providers: providers(f)}
	for _, s := range []string{
		"version: 1\nid: x\nfacts: {fanout: {value: true, options: [null]}}\n",
		"version: 1\nid: x\nfacts: {fanout: null, ordering: {value: null}}\n",
		"version: 1\nid: x\nfacts: {ordering: {value: [per-key, strict], options: [{value: strict, condition: c}]}}\n",
		"version: 1\nid: x\nfacts: {retention: {value: 14d, options: [{value: unlimited, condition: c, source: \"https://example.com\", checked: 2026-11-27}]}}\n",
		"version: 1\nid: x\nfacts: {throughput: {value: 3k/s}, message_size: {value: 256KiB}, protocols: {value: [amqp, mqtt]}}\n",
		"version: 1\nid: x\nfacts: {fanout: {value: *a}}\n",
		"version: 1\nid: x\nprovider: nope\nfamily: [x]\neffort: {value: -1}\n",
		"version: 2\nid: x\nfacts: {throughput: {value: unknown, measure: m}, bandwidth: {value: 1MiB/s, regions: [{in: [eu-west-1], value: 5MiB/s}, null]}}\n",
		"version: 2\nid: x\nfacts: {ordering: {value: none, options: [{value: per-key, kind: client-change, condition: c, in: [x]}, {value: strict, kind: nope}]}}\n",
		"version: 2\nid: x\nvariants: [null, {id: a, name: A, facts: {fanout: {value: true}}}, {id: a}, {facts: null}]\n",
		"a: &a [x, *a]\n",
		"---\n---\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzEntry {
			return
		}
		s, err := kb.ParseService("fuzz.yaml", data, ctx)
		if err == nil && s.ID == "" {
			t.Fatalf("parsed an entry without an id")
		}
	})
}

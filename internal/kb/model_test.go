package kb_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/ruleset"
	"github.com/advisor-dev/advisor/internal/testfixture"
)

// The knowledge model's rules: each broken in an entry or combination of
// the made-up provider acme, against the fixture's rules.

const acmeProvider = "version: 1\nid: acme\nname: Acme\nsources: [docs.acme.example]\nfamilies: [{id: queue, name: Acme Queue}]\n"

// acmeEntry is an entry of acme whose fields take lines 1 to 11, so that
// body starts on line 12. $S in body stands for a source and a date.
func acmeEntry(version int, id, body string) string {
	return fmt.Sprintf("version: %d\nid: %s\nname: Acme %s\nfamily: queue\nprovider: acme\nparadigm: queue\nsummary: s\n"+
		"docs: https://docs.acme.example/%s/\n"+
		"effort: {value: 3, note: n, source: https://docs.acme.example/%s/effort, checked: 2026-11-01}\n"+
		"pricing: {summary: p, source: https://docs.acme.example/%s/pricing, checked: 2026-11-01}\n"+
		"use_cases: [u]\n", version, id, id, id, id, id) +
		strings.ReplaceAll(body, "$S", "source: https://docs.acme.example/"+id+"/limits, checked: 2026-11-02")
}

func acmeContext(t *testing.T) *kb.Context {
	p, err := kb.ParseProvider("acme.yaml", []byte(acmeProvider))
	if err != nil {
		t.Fatal(err)
	}
	return &kb.Context{Rules: testfixture.Rules(t), Providers: []kb.Provider{*p}}
}

// assemble loads files (path: text) with the acme provider and builds the base.
func assemble(t *testing.T, files map[string]string) (*kb.Base, error) {
	t.Helper()
	fsys := fstest.MapFS{"providers/acme.yaml": {Data: []byte(acmeProvider)}}
	for path, text := range files {
		fsys[path] = &fstest.MapFile{Data: []byte(text)}
	}
	set := testfixture.Rules(t)
	d, err := kb.LoadDir(fsys, "k/", kb.Context{Rules: set})
	if err != nil {
		return nil, err
	}
	return kb.Assemble(kb.Context{Rules: set, Providers: d.Providers}, d)
}

// Each rule of the model's new fields is refused at the place it is broken.
func TestModelEntryErrors(t *testing.T) {
	ctx := acmeContext(t)
	for _, c := range []struct {
		name, body, want string
	}{
		{"option without kind", "facts:\n  throughput: {value: 1k/s, $S, options: [{value: 10k/s, condition: c}]}\n",
			`e.yaml:13:112: option of fact "throughput": kind "" is not one of "opt-in", "client-change", "quota-increase" or "region"`},
		{"unknown kind", "facts:\n  throughput: {value: 1k/s, $S, options: [{value: 10k/s, kind: opt_in, condition: c}]}\n",
			`e.yaml:13:112: option of fact "throughput": kind "opt_in" is not one of "opt-in", "client-change", "quota-increase" or "region" (did you mean "opt-in"?)`},
		{"region option without in", "facts:\n  throughput: {value: 1k/s, $S, options: [{value: 10k/s, kind: region, condition: c}]}\n",
			`e.yaml:13:112: option of fact "throughput" is of kind region; list the Regions it is offered in (` + "`in`)"},
		{"unknown without measure", "facts:\n  ordering: {value: none, $S}\n  throughput: {value: unknown, $S}\n",
			`e.yaml:14:15: fact "throughput" is unknown; say in ` + "`measure`"},
		{"measure of a known value", "facts:\n  throughput: {value: 1k/s, measure: a load test, $S}\n",
			`e.yaml:13:15: fact "throughput" has a value; ` + "`measure` is only for an unknown one"},
		{"variant id twice", "variants:\n  - {id: one, name: One}\n  - {id: two, name: Two}\n  - {id: one, name: Again}\n",
			`e.yaml:15:5: variant id "one" is used twice in e`},
		{"when on the default", "variants:\n  - {id: one, name: One, when: {protocols: kafka}}\n  - {id: two, name: Two}\n",
			`e.yaml:13:5: variant "one" is the default (the first), which is judged for everyone; it cannot have ` + "`when`"},
		{"Region tier without in", "facts:\n  throughput: {value: 1k/s, $S, regions: [{value: 2k/s}]}\n",
			`e.yaml:13:15: fact throughput: a Region tier needs ` + "`in` (Regions) and a `value`"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := kb.ParseService("e.yaml", []byte(acmeEntry(2, "e", c.body)), ctx)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant one containing:\n%s", err, c.want)
			}
		})
	}
}

// Version 1 knew no kinds: an option without one is an opt-in there.
func TestVersion1OptionIsAnOptIn(t *testing.T) {
	s, err := kb.ParseService("e.yaml", []byte(acmeEntry(1, "e", "facts:\n  throughput: {value: 1k/s, $S, options: [{value: 10k/s, condition: c}]}\n")), acmeContext(t))
	if err != nil {
		t.Fatal(err)
	}
	if f := s.FactFor(&testfixture.Rules(t).Catalog, "throughput"); f == nil || len(f.Options) != 1 || f.Options[0].Kind != ruleset.RequiresOptIn {
		t.Errorf("the version-1 option: %+v, want an opt-in", f)
	}
}

// completeEntry records every catalog key of set, every line dated day.
func completeEntry(set *ruleset.Set, id, day, note string) string {
	var b strings.Builder
	b.WriteString("note: " + note + "\nsuits: {primary: [work-queue]}\n")
	fmt.Fprintf(&b, "consequences: [{kind: bad, text: t, source: https://docs.acme.example/%s/c, checked: %s}]\nfacts:\n", id, day)
	for _, k := range set.Catalog.Keys {
		if k.Estimate {
			continue // judged against the cost estimate, not a fact
		}
		v := map[catalog.Type]string{catalog.Bool: "false", catalog.List: "[]", catalog.Duration: "1d",
			catalog.Rate: "1k/s", catalog.Size: "1KiB", catalog.Integer: "1"}[k.Type]
		if k.Type == catalog.Enum {
			v = k.Values[0]
			if len(k.Strength) == 0 {
				v = "[" + v + "]"
			}
		}
		fmt.Fprintf(&b, "  %s: {value: %s, source: https://docs.acme.example/%s/f, checked: %s}\n", k.Key, v, id, day)
	}
	return strings.ReplaceAll(acmeEntry(2, id, b.String()), "2026-11-01", day)
}

// An entry whose dated lines all share one day is believed only when its
// note says it was re-read whole that day; mixed dates need no note.
func TestOneDayEntryMustSayItWasReadWhole(t *testing.T) {
	set := testfixture.Rules(t)
	const day = "2026-11-05"
	for _, c := range []struct {
		name, text, oneDay, want string // want "": Incomplete reports nothing
	}{
		{"one day, no note", completeEntry(set, "one", day, "n"), day,
			"k/services/one.yaml:2:5: every fact of one is dated 2026-11-05; date each fact the day its page was read, or say in the entry's note that the whole entry was re-read on 2026-11-05"},
		{"one day, said", completeEntry(set, "one", day, "every fact re-read on "+day), day, ""},
		{"mixed days", strings.Replace(completeEntry(set, "one", day, "n"), "checked: "+day+"}", "checked: 2026-11-06}", 1), "", ""},
		{"a Region tier read another day", strings.Replace(completeEntry(set, "one", day, "n"), "value: 1k/s, source: https://docs.acme.example/one/f, checked: "+day+"}",
			"value: 1k/s, source: https://docs.acme.example/one/f, checked: "+day+", regions: [{in: [eu-west-1], value: 2k/s, source: https://docs.acme.example/one/eu, checked: 2026-11-06}]}", 1), "", ""},
		{"a variant's effort read another day", completeEntry(set, "one", day, "n") +
			"variants:\n  - {id: a, name: A}\n  - {id: b, name: B, effort: {value: 4, note: n, source: https://docs.acme.example/one/b, checked: 2026-11-06}}\n", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := kb.LoadDir(fstest.MapFS{"providers/acme.yaml": {Data: []byte(acmeProvider)}, "services/one.yaml": {Data: []byte(c.text)}},
				"k/", kb.Context{Rules: set})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Services[0].OneDay(); got != c.oneDay {
				t.Errorf("OneDay %q, want %q", got, c.oneDay)
			}
			err = d.Incomplete(kb.Context{Rules: set}).Err()
			if c.want == "" && err != nil || c.want != "" && (err == nil || err.Error() != c.want) {
				t.Errorf("Incomplete:\n%v\nwant:\n%s", err, c.want)
			}
		})
	}
}

// The parts of the combination tests: a with two variants (y judged only
// for kafka users), b with one configuration, each with an option beyond
// its throughput.
var parts = map[string]string{
	"services/a.yaml": acmeEntry(2, "a", "facts:\n  throughput: {value: 3k/s, $S, options: [{value: 30k/s, kind: opt-in, condition: a-mode}]}\n"+
		"variants:\n  - {id: x, name: X}\n  - {id: y, name: Y, when: {protocols: kafka}}\n"),
	"services/b.yaml": acmeEntry(2, "b", "facts:\n  throughput: {value: 1k/s, $S, options: [{value: 10k/s, kind: quota-increase, condition: b-quota}]}\n"),
}

// combination is a version-2 combination of a and b whose parts and
// answers are written on lines 4 and 5.
func combination(partsYAML, answers string) string {
	return "version: 2\nid: ab\nname: A into B\nparts: " + partsYAML + "\nanswers: " + answers +
		"\nparadigm: pubsub\nsummary: s\ndocs: https://docs.acme.example/ab/\nchecked: 2026-11-01\nuse_cases: [u]\n"
}

func withCombination(text string) map[string]string {
	files := map[string]string{"combinations/ab.yaml": text}
	for k, v := range parts {
		files[k] = v
	}
	return files
}

func TestCombinationErrors(t *testing.T) {
	const ab = "[{id: a, role: entry}, {id: b, role: buffer}]"
	for _, c := range []struct{ name, text, want string }{
		{"answers from a non-part", combination(ab, "[{from: c, for: producers, keys: [protocols]}]"),
			`k/combinations/ab.yaml:5:11: answers: "c" is not a part of ab ("a" or "b")`},
		{"a key answered twice", combination(ab, "[{from: a, keys: [protocols]}, {from: b, keys: [targets, protocols]}]"),
			`k/combinations/ab.yaml:5:41: key "protocols" is answered by two parts; one part answers a key`},
		{"a pinned variant that does not exist", combination("[{id: a, variant: z}, b]", "[]"),
			`k/combinations/ab.yaml:4:9: combination ab pins variant "z" of a, which has "x" or "y"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := assemble(t, withCombination(c.text))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant one containing:\n%s", err, c.want)
			}
		})
	}
}

// A combined fact cites the part that decides it, whichever comes first,
// and each combined option carries only the condition of the part whose
// option produces it: b's quota lifts the whole to a's 3k/s; a's mode
// alone lifts nothing.
func TestCombinedFactCitesTheDecidingPart(t *testing.T) {
	for _, order := range []string{"[a, b]", "[b, a]"} {
		base, err := assemble(t, withCombination(combination(order, "[]")))
		if err != nil {
			t.Fatal(err)
		}
		ab, _ := base.Lookup("ab")
		f := ab.FactFor(&testfixture.Rules(t).Catalog, "throughput")
		if f == nil || f.Text != "1k/s" || f.Source != "https://docs.acme.example/b/limits" {
			t.Fatalf("parts %s: throughput %+v, want b's 1k/s, citing b", order, f)
		}
		want := []kb.Option{{Text: "3k/s", Kind: ruleset.RequiresQuotaIncrease, Condition: "b: b-quota",
			Source: "https://docs.acme.example/b/limits", Checked: "2026-11-02"}}
		got := f.Options
		for i := range got {
			got[i].Value = catalog.Value{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("parts %s: options %+v, want %+v", order, got, want)
		}
	}
}

// A combination has a variant per coherent choice of its parts' variants,
// the defaults first; a pinned part contributes its one variant, and its
// `when` is the combination's design, not a condition.
func TestCombinationVariantsFollowTheParts(t *testing.T) {
	for _, c := range []struct {
		parts string
		ids   []string
		when  [][]string
	}{
		{"[a, b]", []string{"x", "y"}, [][]string{nil, {"protocols: kafka"}}},
		{"[{id: a, variant: y}, b]", []string{"y"}, [][]string{nil}},
	} {
		base, err := assemble(t, withCombination(combination(c.parts, "[]")))
		if err != nil {
			t.Fatal(err)
		}
		ab, _ := base.Lookup("ab")
		var ids []string
		var when [][]string
		for _, v := range ab.Variants {
			ids = append(ids, v.ID)
			var w []string
			for _, cond := range v.When {
				w = append(w, cond.Key+": "+cond.Value.String())
			}
			when = append(when, w)
		}
		if !reflect.DeepEqual(ids, c.ids) || !reflect.DeepEqual(when, c.when) {
			t.Errorf("parts %s: variants %v with when %v, want %v with %v", c.parts, ids, when, c.ids, c.when)
		}
	}
}

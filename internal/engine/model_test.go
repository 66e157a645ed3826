package engine_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// These tests pin down the knowledge model as the engine judges it; each
// ranks a knowledge base of its own (model_helpers_test.go).

// A variant is judged whole: a service meets two musts only when one of its
// variants meets both. The Ranked names the variant judged; a non-default
// one is a requirement of kind variant; the default wins a tie.
func TestVariantsAreJudgedWhole(t *testing.T) {
	m := newModel(t, kdir(svc("dual", "queue", 3, `facts:
  ordering: {value: none, $S}
variants:
  - id: fast
    name: Fast
    facts:
      throughput: {value: 30k/s, $S}
      message_size: {value: 256KiB, $S}
  - id: large
    name: Large messages
    facts:
      throughput: {value: 3k/s, $S}
      message_size: {value: 2MiB, $S}
  - id: large-too
    name: Large messages again
    facts:
      throughput: {value: 3k/s, $S}
      message_size: {value: 2MiB, $S}
`)))
	// Where variants tie, the earlier stands: the default, then large
	// before its copy.
	for _, c := range []struct {
		must     string
		eligible bool
		variant  string
		requires []string
	}{
		{"{throughput: 20k/s}", true, "fast", nil},
		{"{message_size: 1MiB}", true, "large", []string{ruleset.RequiresVariant}},
		{"{throughput: 20k/s, message_size: 1MiB}", false, "fast", nil},
		{"{ordering: none}", true, "fast", nil}, // both variants meet it: the default
	} {
		r := find(t, m.rank(t, "must: "+c.must+"\n"), "dual")
		if r.Eligible != c.eligible {
			t.Errorf("must %s: eligible %v, want %v (violations %+v)", c.must, r.Eligible, c.eligible, r.Violations)
		}
		if r.Variant == nil || r.Variant.ID != c.variant || r.Variant.Default != (c.variant == "fast") {
			t.Errorf("must %s: variant %+v, want %s", c.must, r.Variant, c.variant)
			continue
		}
		if want := map[string]int{"fast": 0, "large": 1}[c.variant]; r.VariantIndex != want {
			t.Errorf("must %s: variant index %d, want %d", c.must, r.VariantIndex, want)
		}
		if !slices.Equal(kinds(r), c.requires) {
			t.Errorf("must %s: requires %+v, want kinds %v", c.must, r.Requires, c.requires)
		}
		if len(c.requires) > 0 && r.Requires[0].Text != "Large messages" {
			t.Errorf("must %s: the variant requirement names %q, want the variant's name", c.must, r.Requires[0].Text)
		}
	}
}

// A key met only under an option keeps requirement_fit of the option's
// kind; of several options that meet, the cheapest kind is used: opt-in,
// then quota-increase, then region, then client-change.
func TestRequirementFitByKind(t *testing.T) {
	option := func(kind, value string) string {
		o := "{value: " + value + ", kind: " + kind + ", condition: c-" + kind
		if kind == ruleset.RequiresRegion {
			o += ", in: [us-east-1]"
		}
		return o + "}"
	}
	judged := func(t *testing.T, options []string) (engine.Ranked, engine.Check, *ruleset.Set) {
		t.Helper()
		m := newModel(t, kdir(svc("opt", "queue", 3, "facts:\n  throughput: {value: 1k/s, $S, options: ["+strings.Join(options, ", ")+"]}\n")))
		r := find(t, m.rank(t, "must: {throughput: 5k/s}\n"), "opt")
		c, list := checkIn(r, "throughput")
		if list != "met" || !r.Eligible {
			t.Fatalf("options %v: throughput is %s, want met", options, list)
		}
		return r, c, m.set
	}
	for _, kind := range ruleset.RequirementKinds {
		r, c, set := judged(t, []string{option(kind, "10k/s")})
		if c.Fit != set.Ranking.RequirementFit[kind] || c.Requires == nil || c.Requires.Kind != kind {
			t.Errorf("%s: fit %v, requires %+v; want fit %v", kind, c.Fit, c.Requires, set.Ranking.RequirementFit[kind])
		}
		if !slices.Equal(kinds(r), []string{kind}) || !slices.Equal(r.Requires[0].Keys, []string{"throughput"}) {
			t.Errorf("%s: the service requires %+v", kind, r.Requires)
		}
	}
	cheapest := []string{ruleset.RequiresOptIn, ruleset.RequiresQuotaIncrease, ruleset.RequiresRegion, ruleset.RequiresClientChange}
	for i, want := range cheapest {
		// The meeting options dearest first, behind an opt-in that falls short.
		options := []string{"{value: 2k/s, kind: opt-in, condition: too little}"}
		for _, kind := range slices.Backward(cheapest[i:]) {
			options = append(options, option(kind, "10k/s"))
		}
		_, c, _ := judged(t, options)
		if c.Requires == nil || c.Requires.Kind != want || !strings.HasPrefix(c.Condition, "c-"+want) {
			t.Errorf("options %v: used %+v, want the %s", options, c.Requires, want)
		}
	}
}

// A limit AWS does not publish leaves the key unverified: the service stays
// eligible, the check is neither met nor missed, keeps unverified_fit and
// says what to measure. A fact the entry does not record (an overlay's
// entry that leaves it out) is a miss, not unverified.
func TestUnknownIsUnverified(t *testing.T) {
	base := kdir(
		svc("unmeasured", "queue", 3, "facts:\n  throughput: {value: unknown, measure: a load test at the peak rate, $S}\n"),
		svc("silent", "queue", 3, "facts:\n  throughput: {value: 50k/s, $S}\n"))
	over := kdir(svc("silent", "queue", 3, "facts:\n  ordering: {value: none, $S}\n"))
	m := newModel(t, base, over)
	for _, sec := range []string{"must", "prefer"} {
		res := m.rank(t, sec+": {throughput: 5k/s}\n")
		r := find(t, res, "unmeasured")
		c, list := checkIn(r, "throughput")
		if !r.Eligible || list != "unverified" || len(r.Met)+len(r.Violations)+len(r.Missed) != 0 {
			t.Errorf("%s: unmeasured eligible %v, throughput %s; want eligible and unverified only", sec, r.Eligible, list)
		}
		if !c.Unverified || c.Unknown || c.Fit != m.set.Ranking.UnverifiedFit || c.Measure != "a load test at the peak rate" || c.Have != "unknown" {
			t.Errorf("%s: unverified check %+v", sec, c)
		}
		if want := m.set.Ranking.Weights.Fit * m.set.Ranking.UnverifiedFit; r.Breakdown.Fit.Points != want {
			t.Errorf("%s: fit %v, want %v", sec, r.Breakdown.Fit.Points, want)
		}
		s := find(t, res, "silent")
		c, list = checkIn(s, "throughput")
		if want := map[string]string{"must": "violations", "prefer": "missed"}[sec]; list != want || !c.Unknown || c.Unverified || c.Fit != 0 || len(s.Unverified) != 0 {
			t.Errorf("%s: the overlay's silent entry: throughput %s %+v, want a miss (%s)", sec, list, c, want)
		}
	}
}

// A fact's Region tiers replace its value in their Regions. A region-kind
// option offered in some Regions is met outright in the user's named Region,
// is a region requirement when the Region was only assumed, and is not
// offered elsewhere; an option of another kind with `in` is offered only there.
func TestRegionTiersAndOptions(t *testing.T) {
	m := newModel(t, kdir(
		svc("tiered", "queue", 3, "facts:\n  throughput: {value: 3k/s, $S, regions: [{in: [eu-west-1, eu-central-1], value: 30k/s}]}\n"),
		svc("optioned", "queue", 3, "facts:\n  throughput: {value: 3k/s, $S, options: [{value: 30k/s, kind: region, condition: in the large Regions, in: [us-east-1, eu-west-1]}]}\n"),
		svc("turbo", "queue", 3, "facts:\n  throughput: {value: 3k/s, $S, options: [{value: 30k/s, kind: opt-in, condition: turbo mode, in: [eu-west-1]}]}\n")))
	for _, c := range []struct {
		region string
		want   map[string]string // service: met, met+kind or miss
	}{
		{"", map[string]string{"tiered": "miss", "optioned": "met+region", "turbo": "miss"}},
		{"us-east-1", map[string]string{"tiered": "miss", "optioned": "met", "turbo": "miss"}},
		{"eu-west-1", map[string]string{"tiered": "met", "optioned": "met", "turbo": "met+opt-in"}},
		{"ap-south-1", map[string]string{"tiered": "miss", "optioned": "miss", "turbo": "miss"}},
	} {
		body := "must: {throughput: 10k/s}\n"
		if c.region != "" {
			body = "region: " + c.region + "\n" + body
		}
		res := m.rank(t, body)
		if wantRegion := cmp(c.region, "us-east-1"); res.Region != wantRegion || res.RegionAssumed != (c.region == "") {
			t.Errorf("region %q: result in %s, assumed %v", c.region, res.Region, res.RegionAssumed)
		}
		for id, want := range c.want {
			ch, list := checkIn(find(t, res, id), "throughput")
			got := map[string]string{"met": "met", "violations": "miss"}[list]
			if ch.Requires != nil {
				got += "+" + ch.Requires.Kind
			}
			fit := map[bool]float64{true: 1}[got == "met"]
			if ch.Requires != nil {
				fit = m.set.Ranking.RequirementFit[ch.Requires.Kind]
			}
			if got != want || ch.Fit != fit {
				t.Errorf("region %q, %s: %s (fit %v, have %s), want %s", c.region, id, got, ch.Fit, ch.Have, want)
			}
			if got == "met" && ch.Have != "30k/s" || want == "miss" && ch.Have != "3k/s" {
				t.Errorf("region %q, %s: have %s", c.region, id, ch.Have)
			}
		}
		if c.region == "" {
			ch, _ := checkIn(find(t, res, "optioned"), "throughput")
			if ch.Condition != "in the large Regions (only in us-east-1, eu-west-1)" {
				t.Errorf("assumed Region: condition %q should name the Regions", ch.Condition)
			}
		}
	}
}

func cmp(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

// With strict order the whole throughput is one ordering key's: a
// key_throughput check wanting the throughput, a must when both are musts,
// saying why. Not when key_throughput is set, nor under per-key order.
func TestImpliedKeyThroughput(t *testing.T) {
	m := newModel(t, kdir(svc("ordered", "queue", 3, `facts:
  ordering: {value: strict, $S}
  throughput: {value: 10k/s, $S}
  key_throughput: {value: 300/s, $S}
`)))
	for _, c := range []struct {
		body, want, kind, implied string // want "": no key_throughput check
	}{
		{"must: {ordering: strict, throughput: 5k/s}", "5k/s", engine.Must, impliedBecause},
		{"must: {ordering: strict}\nprefer: {throughput: {value: 5k/s, weight: 3}}", "5k/s", engine.Prefer, impliedBecause},
		{"must: {throughput: 5k/s}\nprefer: {ordering: strict}", "5k/s", engine.Prefer, impliedBecause},
		{"must: {ordering: strict, throughput: 5k/s, key_throughput: 200/s}", "200/s", engine.Must, ""},
		{"must: {ordering: per-key, throughput: 5k/s}", "", "", ""},
		{"must: {ordering: strict}", "", "", ""},
	} {
		r := find(t, m.rank(t, c.body+"\n"), "ordered")
		ch, list := checkIn(r, "key_throughput")
		if c.want == "" {
			if list != "" {
				t.Errorf("%s: a key_throughput check %+v, want none", c.body, ch)
			}
			continue
		}
		if ch.Want != c.want || ch.Kind != c.kind || ch.Implied != c.implied || list == "" {
			t.Errorf("%s: key_throughput %s %+v, want %s %s, implied %q", c.body, list, ch, c.kind, c.want, c.implied)
		}
		if from := map[bool]string{true: "throughput"}[c.implied != ""]; ch.From != from {
			t.Errorf("%s: from %q, want %q", c.body, ch.From, from)
		}
		if c.kind == engine.Prefer && strings.Contains(c.body, "weight: 3") && ch.Weight != 3 {
			t.Errorf("%s: weight %v, want the throughput's, 3", c.body, ch.Weight)
		}
	}
}

// Throughput times message size is judged against the bandwidth measure; a
// service that records no bandwidth has no such limit: met in full.
func TestDerivedBandwidth(t *testing.T) {
	m := newModel(t, kdir(
		svc("capped", "queue", 3, "facts:\n  throughput: {value: 10k/s, $S}\n  message_size: {value: 1MiB, $S}\n  bandwidth: {value: 5MiB/s, $S}\n"),
		svc("uncapped", "queue", 3, "facts:\n  throughput: {value: 10k/s, $S}\n  message_size: {value: 1MiB, $S}\n")))
	res := m.rank(t, "must: {throughput: 10/s, message_size: 1MiB}\n")
	c, list := checkIn(find(t, res, "capped"), "bandwidth")
	wantTerms := map[string]string{"throughput": "10/s", "message_size": "1MiB"}
	if list != "violations" || c.Want != "10MiB/s" || c.Have != "5MiB/s" || c.Kind != engine.Must || c.From != "throughput" || !reflect.DeepEqual(c.Terms, wantTerms) {
		t.Errorf("capped: bandwidth %s %+v, want a violation of 10MiB/s against 5MiB/s", list, c)
	}
	u := find(t, res, "uncapped")
	c, list = checkIn(u, "bandwidth")
	if list != "met" || !c.NoLimit || c.Have != "no limit" || c.Fit != 1 || u.Breakdown.Fit.Points != m.set.Ranking.Weights.Fit {
		t.Errorf("uncapped: bandwidth %s %+v, fit %v; want met in full, no limit", list, c, u.Breakdown.Fit.Points)
	}
	if c, list := checkIn(find(t, m.rank(t, "must: {throughput: 4/s, message_size: 1MiB}\n"), "capped"), "bandwidth"); list != "met" || c.Want != "4MiB/s" {
		t.Errorf("4MiB/s within 5MiB/s: %s %+v", list, c)
	}
	if _, list := checkIn(find(t, m.rank(t, "must: {throughput: 10/s}\n"), "capped"), "bandwidth"); list != "" {
		t.Errorf("without a message size there is no bandwidth to judge, yet it is %s", list)
	}
	r := find(t, m.rank(t, "must: {message_size: 1MiB}\nprefer: {throughput: {value: 10/s, weight: 3}}\n"), "capped")
	if c, list := checkIn(r, "bandwidth"); list != "missed" || c.Kind != engine.Prefer || c.Weight != 2 || !r.Eligible {
		t.Errorf("a prefer factor: bandwidth %s %+v, want a prefer missed, weighing the lesser factor (the must's 2)", list, c)
	}
}

// A variant with `when` is judged only when the requirements set its
// values: a list key including it, any other key equal to it.
func TestVariantWhen(t *testing.T) {
	m := newModel(t, kdir(svc("reader", "stream", 3, `facts:
  protocols: {value: [kafka], $S}
  latency: {value: realtime, $S}
variants:
  - id: own
    name: Its own stream
    facts:
      throughput: {value: 1k/s, $S}
  - id: from-kafka
    name: Reading a Kafka topic
    when: {protocols: kafka}
    facts:
      throughput: {value: 50k/s, $S}
  - id: realtime-only
    name: Push mode
    when: {latency: realtime}
    facts:
      throughput: {value: 80k/s, $S}
`)))
	for _, c := range []struct {
		body, variant string // variant "": not eligible
	}{
		{"must: {throughput: 10k/s}", ""},
		{"must: {throughput: 10k/s}\nprefer: {protocols: [amqp, kafka]}", "from-kafka"},
		{"must: {throughput: 10k/s, protocols: [amqp]}", ""},
		{"must: {throughput: 60k/s, latency: realtime}", "realtime-only"},
		{"must: {throughput: 10k/s, latency: near-realtime}", ""}, // realtime would meet it, but is not what was asked
	} {
		r := find(t, m.rank(t, c.body+"\n"), "reader")
		got := ""
		if r.Eligible && r.Variant != nil {
			got = r.Variant.ID
		}
		if got != c.variant {
			t.Errorf("%s: eligible in %q, want %q (judged in %+v)", c.body, got, c.variant, r.Variant)
		}
	}
}

// Combinations rank by score like any service, above a single service they
// outscore; excluding a part excludes the combination.
func TestCombinationRanksByItsScore(t *testing.T) {
	m := newModel(t, kdir(
		svc("fan", "pubsub", 1, "facts:\n  fanout: {value: true, $S}\n  retention: {value: 1d, $S}\n"),
		svc("keep", "queue", 1, "facts:\n  fanout: {value: false, $S}\n  retention: {value: 14d, $S}\n"),
		combo("fan-keep", "pubsub", "[{id: fan, role: fan-out}, {id: keep, role: buffer}]")))
	const body = "must: {fanout: true}\nprefer: {retention: {value: 7d, weight: 3}}\n"
	res := m.rank(t, body)
	if got := ids(res.Ranking); !slices.Equal(got, []string{"fan-keep", "fan", "keep"}) {
		t.Errorf("ranking %v, want the combination first, by its score", got)
	}
	if r := res.Ranking[0]; !r.Eligible || r.Score <= res.Ranking[1].Score || !slices.Equal(r.Parts, []string{"fan", "keep"}) || res.Tied != nil {
		t.Errorf("the combination: %+v, tied %v", r, res.Tied)
	}
	res = m.rank(t, "exclude: [keep]\n"+body)
	if !slices.Equal(res.Excluded, []string{"fan-keep", "keep"}) || res.Recommendation == nil || res.Recommendation.ID != "fan" {
		t.Errorf("excluding keep: excluded %v, pick %+v", res.Excluded, res.Recommendation)
	}
}

// Services of one score are ordered by fewer requirements, then less
// effort, then id; Result.Tied lists them, the pick first.
func TestTiesGoByRequiresThenEffortThenID(t *testing.T) {
	both := "facts:\n  throughput: {value: 10k/s, $S}\n  message_size: {value: 2MiB, $S}\n"
	m := newModel(t, kdir(
		// Its variant meets both prefers (95): one requirement.
		svc("a-variant", "queue", 4, "facts:\n  throughput: {value: 10k/s, $S}\nvariants:\n"+
			"  - {id: small, name: Small, facts: {message_size: {value: 256KiB, $S}}}\n"+
			"  - {id: big, name: Big, facts: {message_size: {value: 2MiB, $S}}}\n"),
		svc("b-full", "queue", 4, both), // 60 fit, 10 simplicity: 95
		svc("c-simple", "queue", 1, "facts:\n  throughput: {value: 10k/s, $S}\n  message_size: {value: 256KiB, $S}\n"), // 55 fit, 15 simplicity: 95
		svc("d-full", "queue", 4, both),
		svc("e-slow", "queue", 4, "facts:\n  throughput: {value: 1k/s, $S}\n  message_size: {value: 2MiB, $S}\n")))
	// Weights 10 and 1, and 1 for the bandwidth they imply: c-simple misses
	// a twelfth of the fit, 5 points, and gains 5 in simplicity.
	res := m.rank(t, "prefer: {throughput: {value: 5k/s, weight: 10}, message_size: 1MiB}\n")
	tied := []string{"c-simple", "b-full", "d-full", "a-variant"}
	if got := ids(res.Ranking); !slices.Equal(got, append(slices.Clone(tied), "e-slow")) {
		t.Errorf("ranking %v, want %v then e-slow", got, tied)
	}
	for _, r := range res.Ranking[:4] {
		if r.Score != 95 {
			t.Fatalf("%s scores %v; the fixture no longer ties at 95", r.ID, r.Score)
		}
	}
	if !slices.Equal(res.Tied, tied) || res.Recommendation.ID != "c-simple" {
		t.Errorf("tied %v, pick %s; want %v", res.Tied, res.Recommendation.ID, tied)
	}
	if v := find(t, res, "a-variant").Variant; v == nil || v.ID != "big" {
		t.Errorf("a-variant judged in %+v, want big", v)
	}
}

// An implied check that rules a service out is relaxed by dropping the key
// it comes from: key_throughput is no must of the user's, throughput is.
func TestRelaxationDropsTheKeyAnImpliedCheckCameFrom(t *testing.T) {
	m := newModel(t, kdir(svc("strict", "queue", 3, `facts:
  ordering: {value: strict, $S}
  throughput: {value: 10k/s, $S}
  key_throughput: {value: 300/s, $S}
`)))
	req := m.req(t, "must: {ordering: strict, throughput: 5k/s}\n")
	res := engine.Rank(req, m.base, m.set)
	if c, list := checkIn(res.Ranking[0], "key_throughput"); list != "violations" || c.From != "throughput" || res.Recommendation != nil {
		t.Fatalf("the implied key_throughput should rule strict out: %s %+v", list, c)
	}
	got := engine.Relaxations(req, m.base, m.set, res)
	if len(got) != 1 || len(got[0].Drop) != 1 || got[0].Drop[0].Key != "throughput" || got[0].Then != "strict" {
		t.Errorf("relaxations %+v, want: drop throughput, then strict", got)
	}
}

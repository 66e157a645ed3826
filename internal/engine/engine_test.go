package engine_test

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/ruleset"
	"github.com/advisor-dev/advisor/internal/testfixture"
)

// These tests rank the test fixture (internal/testfixture; each service's
// file there says what it is for), so that they check how the engine
// ranks, not what the real services offer.

// fixture loads the fixture and reads body (a requirements file without
// its version and provider lines) against it.
func fixture(t *testing.T, body string) (*ruleset.Set, *kb.Base, *requirements.Requirements) {
	t.Helper()
	set, base := testfixture.Base(t)
	return set, base, parseText(t, set, base, "version: 1\nprovider: acme\n"+body)
}

// rank ranks body (see fixture) against the fixture.
func rank(t *testing.T, body string) engine.Result {
	t.Helper()
	set, base, req := fixture(t, body)
	return engine.Rank(req, base, set)
}

func find(t *testing.T, res engine.Result, id string) engine.Ranked {
	t.Helper()
	for _, r := range res.Ranking {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("%s is not ranked", id)
	return engine.Ranked{}
}

// check returns r's check of key, met, violated or missed.
func check(t *testing.T, r engine.Ranked, key string) engine.Check {
	t.Helper()
	for _, list := range [][]engine.Check{r.Met, r.Violations, r.Missed} {
		if i := slices.IndexFunc(list, func(c engine.Check) bool { return c.Key == key }); i >= 0 {
			return list[i]
		}
	}
	t.Fatalf("%s has no check of %s", r.ID, key)
	return engine.Check{}
}

func ids(rs []engine.Ranked) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	const req = "must: {fanout: true, ordering: per-key}\nprefer: {serverless: true, latency: {value: realtime, weight: 3}}\n"
	a, _ := json.Marshal(rank(t, req))
	for i := 0; i < 20; i++ {
		b, _ := json.Marshal(rank(t, req))
		if string(a) != string(b) {
			t.Fatalf("run %d differs", i)
		}
	}
}

// With nothing asked, every service is eligible with full fit and affinity:
// leaving a key out never penalises a service; simplicity alone orders them.
func TestNothingAskedPenalisesNobody(t *testing.T) {
	set, base, req := fixture(t, "")
	res := engine.Rank(req, base, set)
	for _, r := range res.Ranking {
		if !r.Eligible || r.Breakdown.Fit.Points != r.Breakdown.Fit.Max || r.Breakdown.Affinity.Points != r.Breakdown.Affinity.Max {
			t.Errorf("%s: eligible %v, fit %v, affinity %v", r.ID, r.Eligible, r.Breakdown.Fit.Points, r.Breakdown.Affinity.Points)
		}
	}
	var singles []engine.Ranked
	for _, r := range res.Ranking {
		if len(r.Parts) == 0 {
			singles = append(singles, r)
		}
	}
	if !slices.IsSortedFunc(singles, func(a, b engine.Ranked) int { return a.Breakdown.Simplicity.Effort - b.Breakdown.Simplicity.Effort }) {
		t.Errorf("single services not in order of effort: %v", ids(singles))
	}
	least := slices.MinFunc(base.Services, func(a, b *kb.Service) int { return a.Effort.Value - b.Effort.Value })
	if res.Recommendation.ID != least.ID {
		t.Errorf("the simplest service, %s, should lead; got %s", least.ID, res.Recommendation.ID)
	}
}

// A key one service meets and another misses changes only what it touches:
// adding a prefer never lowers a service that meets it below one that misses it.
func TestPreferRaisesThoseWhoMeetIt(t *testing.T) {
	without := rank(t, "must: {fanout: true}\n")
	with := rank(t, "must: {fanout: true}\nprefer: {replay: true}\n")
	s0, s1 := find(t, without, "stream"), find(t, with, "stream")
	t0, t1 := find(t, without, "topic"), find(t, with, "topic")
	if s1.Score-t1.Score <= s0.Score-t0.Score {
		t.Errorf("prefer replay should widen the stream's lead over the topic: %v-%v vs %v-%v", s1.Score, t1.Score, s0.Score, t0.Score)
	}
	if len(t1.Missed) != 1 || t1.Missed[0].Key != "replay" || !t1.Eligible {
		t.Errorf("the topic should stay eligible and list replay as missed: %+v", t1)
	}
}

// A number wanted is a minimum: a service meets it with that much or more,
// outright or under the condition of an option.
func TestNumericMustsMeanAtLeast(t *testing.T) {
	// queue-fifo takes 3k/s outright and 30k/s in high-throughput mode.
	for _, c := range []struct {
		want, condition string
		eligible        bool
	}{
		{"2k/s", "", true},
		{"3k/s", "", true},
		{"5k/s", "high-throughput mode", true},
		{"30k/s", "high-throughput mode", true},
		{"50k/s", "", false},
	} {
		fifo := find(t, rank(t, "must: {throughput: "+c.want+", ordering: strict}\n"), "queue-fifo")
		if fifo.Eligible != c.eligible {
			t.Errorf("throughput %s: queue-fifo eligible %v, want %v (%+v)", c.want, fifo.Eligible, c.eligible, fifo.Violations)
		}
		if got := check(t, fifo, "throughput"); c.eligible && got.Condition != c.condition {
			t.Errorf("throughput %s: queue-fifo meets it under %q, want %q", c.want, got.Condition, c.condition)
		}
	}
	res := rank(t, "must: {message_size: 512KiB}\n")
	if v := check(t, find(t, res, "queue"), "message_size"); v.Have != "256KiB" || v.Fit != 0 {
		t.Errorf("the queue's message_size violation: %+v, want its own limit, 256KiB", v)
	}
	if r := find(t, res, "broker"); !r.Eligible || check(t, r, "message_size").Have != "100MiB" {
		t.Errorf("the broker takes more than asked and should meet it: %+v", r)
	}
}

func TestOrderingStrengthMeetsWeaker(t *testing.T) {
	res := rank(t, "must: {ordering: per-key}\n")
	for _, id := range []string{"queue-fifo", "broker", "stream"} {
		if r := find(t, res, id); !r.Eligible {
			t.Errorf("%s keeps at least per-key order but is out: %+v", id, r.Violations)
		}
	}
	if c := check(t, find(t, res, "topic"), "ordering"); c.Condition == "" || c.Have != "per-key" {
		t.Errorf("the topic keeps per-key order only with message groups: %+v", c)
	}
	if r := find(t, res, "queue"); r.Eligible {
		t.Errorf("the queue keeps no order but is eligible")
	}
	if r := find(t, rank(t, "must: {ordering: strict}\n"), "stream"); r.Eligible {
		t.Errorf("per-key order does not meet strict, yet the stream is eligible")
	}
}

// A list must needs every value; a miss names the ones lacking.
func TestListsNeedEveryValue(t *testing.T) {
	res := rank(t, "must: {protocols: [mqtt, amqp]}\n")
	if r := find(t, res, "broker"); !r.Eligible || res.Recommendation.ID != "broker" {
		t.Errorf("the broker speaks amqp and mqtt and should win: %+v", r)
	}
	if c := check(t, find(t, res, "stream"), "protocols"); !slices.Equal(c.Missing, []string{"amqp", "mqtt"}) {
		t.Errorf("the stream lacks amqp and mqtt: %+v", c)
	}
	res = rank(t, "must: {protocols: [amqp, kafka]}\n")
	if c := check(t, find(t, res, "broker"), "protocols"); !slices.Equal(c.Missing, []string{"kafka"}) {
		t.Errorf("the broker lacks kafka only: %+v", c)
	}
	// The queue delivers to functions only through a trigger: its list
	// option holds its value and the option's together.
	res = rank(t, "must: {targets: [function]}\n")
	if c := check(t, find(t, res, "queue"), "targets"); c.Condition == "" || c.Fit == 1 {
		t.Errorf("the queue delivers to functions only under a condition: %+v", c)
	}
	if c := check(t, find(t, res, "topic"), "targets"); c.Condition != "" || c.Fit != 1 {
		t.Errorf("the topic delivers to functions outright: %+v", c)
	}
}

// A key the knowledge base records nothing on for a service is a miss,
// said to be unknown: a must rules the service out, a prefer counts nothing.
func TestUnknownFactIsAMiss(t *testing.T) {
	res := rank(t, "must: {retention: 1d}\n")
	r := find(t, res, "broker")
	if r.Eligible || len(r.Violations) != 1 || !r.Violations[0].Unknown || r.Violations[0].Have != "unknown" {
		t.Errorf("the broker records no retention and should be out for it: %+v", r)
	}
	r = find(t, rank(t, "must: {fanout: true}\nprefer: {retention: 1d}\n"), "broker")
	if !r.Eligible || len(r.Missed) != 1 || !r.Missed[0].Unknown || r.Missed[0].Fit != 0 {
		t.Errorf("an unknown prefer should be missed, not disqualify: %+v", r)
	}
}

// A key met only under a typed requirement keeps requirement_fit of its
// weight for that kind (the fixture's options are version 1: opt-ins).
func TestRequirementCountsItsKindsFit(t *testing.T) {
	set, base, req := fixture(t, "must: {fanout: true}\nprefer: {serverless: true}\n")
	res := engine.Rank(req, base, set)
	stream, topic := find(t, res, "stream"), find(t, res, "topic")
	if c := check(t, stream, "serverless"); c.Fit != set.Ranking.RequirementFit["opt-in"] || c.Condition != "on-demand capacity mode" {
		t.Errorf("the stream is serverless in on-demand mode only: %+v", c)
	}
	// fanout (a must) and serverless (a prefer of weight 1)
	total := set.Ranking.MustWeight + 1
	want := math.Round(set.Ranking.Weights.Fit*(set.Ranking.MustWeight+set.Ranking.RequirementFit["opt-in"])/total*10) / 10
	if stream.Breakdown.Fit.Points != want || topic.Breakdown.Fit.Points != set.Ranking.Weights.Fit {
		t.Errorf("fit: stream %v (want %v), topic %v (want %v)", stream.Breakdown.Fit.Points, want, topic.Breakdown.Fit.Points, set.Ranking.Weights.Fit)
	}
}

// A hint weighs as much as the heaviest key it rests on; a service's
// affinity is the weighted share of the hints that suit its paradigm.
func TestHintsWeighAsTheirKeys(t *testing.T) {
	set, base, req := fixture(t, "must: {dead_letter: true}\nprefer: {replay: {value: true, weight: 3}}\n")
	res := engine.Rank(req, base, set)
	must := set.Ranking.MustWeight
	for id, share := range map[string]float64{"stream": 3 / (3 + must), "queue": must / (3 + must), "broker": 0} {
		want := math.Round(set.Ranking.Weights.Affinity*share*10) / 10
		if got := find(t, res, id).Breakdown.Affinity.Points; got != want {
			t.Errorf("%s: affinity %v, want %v", id, got, want)
		}
	}
	if len(res.Hints) != 2 {
		t.Errorf("hints: %+v, want the replay and the dead-letter ones", res.Hints)
	}
}

func TestBreakdownSumsToScore(t *testing.T) {
	res := rank(t, "must: {fanout: true}\nprefer: {latency: realtime, replay: true, serverless: {value: true, weight: 2}}\n")
	for _, r := range res.Ranking {
		b := r.Breakdown
		if sum := math.Round((b.Fit.Points+b.Affinity.Points+b.Simplicity.Points)*10) / 10; sum != r.Score {
			t.Errorf("%s: parts sum to %v, score %v", r.ID, sum, r.Score)
		}
		if r.Score < 0 || r.Score > 100 {
			t.Errorf("%s: score %v out of 0-100", r.ID, r.Score)
		}
	}
}

// Eligible services come first, then the rest; each group strictly by
// score, combinations included. Excluding a service excludes every
// combination that uses it.
func TestOrderAndExclusion(t *testing.T) {
	res := rank(t, "exclude: [topic]\nmust: {fanout: true}\n")
	if strings.Join(res.Excluded, ",") != "topic,topic-queue" {
		t.Errorf("excluded = %v", res.Excluded)
	}
	for _, id := range ids(res.Ranking) {
		if id == "topic" || id == "topic-queue" {
			t.Errorf("excluded %s is ranked", id)
		}
	}
	res = rank(t, "must: {fanout: true}\n")
	// The combination outscores the stream and ranks above it: a
	// combination is never forced below a single service.
	combo, stream := find(t, res, "topic-queue"), find(t, res, "stream")
	if !combo.Eligible || combo.Score <= stream.Score {
		t.Fatalf("the fixture no longer has an eligible combination outscoring a single service: %v vs %v", combo.Score, stream.Score)
	}
	seenOut := false
	for i, r := range res.Ranking {
		if !r.Eligible {
			seenOut = true
			continue
		}
		if seenOut {
			t.Errorf("eligible %s after an ineligible service", r.ID)
		}
		if i == 0 {
			continue
		}
		if p := res.Ranking[i-1]; p.Score < r.Score {
			t.Errorf("%s (%v) before %s (%v)", p.ID, p.Score, r.ID, r.Score)
		}
	}
}

// Services that score the same are ordered by id.
func TestTiesGoByID(t *testing.T) {
	set, base, req := fixture(t, "must: {dead_letter: true}\n")
	fifo, _ := base.Lookup("queue-fifo")
	queue, _ := base.Lookup("queue")
	fifo.Effort, fifo.Variants[0].Effort = queue.Effort, queue.Effort
	res := engine.Rank(req, base, set)
	if got := ids(res.Ranking); !slices.Equal(got[:2], []string{"queue", "queue-fifo"}) || res.Ranking[0].Score != res.Ranking[1].Score {
		t.Errorf("two queues of the same effort: %v, scores %v and %v", got, res.Ranking[0].Score, res.Ranking[1].Score)
	}
	queue.ID, fifo.ID = "z-queue", "a-queue-fifo"
	if got := ids(engine.Rank(req, base, set).Ranking); !slices.Equal(got[:2], []string{"a-queue-fifo", "z-queue"}) {
		t.Errorf("renamed, the tie should follow the ids: %v", got)
	}
}

func TestNoEligibleService(t *testing.T) {
	res := rank(t, "must: {ordering: strict, throughput: 1M/s, message_size: 200MiB}\n")
	if res.Recommendation != nil {
		t.Fatalf("recommended %s", res.Recommendation.ID)
	}
	for _, r := range res.Ranking {
		if len(r.Violations) == 0 {
			t.Errorf("%s has no violation", r.ID)
		}
		for _, v := range r.Violations {
			if v.Want == "" || v.Have == "" {
				t.Errorf("%s: incomplete violation %+v", r.ID, v)
			}
		}
	}
}

// A combination is offered where no single service meets every must, and
// never ranked above a single service that does. Its facts follow from its
// parts': fan-out from the topic, the delay and dead-letter queue from the queue.
func TestCombinations(t *testing.T) {
	res := rank(t, "must: {fanout: true, delay: 5m, dead_letter: true, serverless: true}\n")
	if res.Recommendation == nil || res.Recommendation.ID != "topic-queue" {
		t.Fatalf("fan-out with a delay and a dead-letter queue: got %+v, want topic-queue", res.Recommendation)
	}
	combo := res.Ranking[0]
	if !slices.Equal(combo.Parts, []string{"topic", "queue"}) {
		t.Errorf("parts %v", combo.Parts)
	}
	if c := check(t, combo, "delay"); c.Have != "15m" {
		t.Errorf("the combination defers as long as its queue: %+v", c)
	}
	res = rank(t, "must: {fanout: true}\n")
	if len(res.Ranking[0].Parts) > 0 {
		t.Errorf("fan-out alone: a combination %s leads, though single services meet it", res.Ranking[0].ID)
	}
}

// What-ifs name each must whose drop changes the pick, and each limit of
// the winner's past the number asked: where it needs a condition, then
// where it is out, with the pick after.
func TestWhatIfs(t *testing.T) {
	const prefer = "prefer: {serverless: true, latency: {value: realtime, weight: 2}, replay: true}\n"
	set, base, req := fixture(t, "must: {fanout: true, ordering: per-key, throughput: 2k/s}\n"+prefer)
	res := engine.Rank(req, base, set)
	if res.Recommendation.ID != "stream" {
		t.Fatalf("the fixture's stream should win, not %s", res.Recommendation.ID)
	}
	want := []engine.WhatIf{
		{Kind: engine.Above, Key: "throughput", Above: "10k/s", Effect: engine.NeedsCondition, Condition: "on-demand capacity mode", Requires: "opt-in", Then: "stream"},
		{Kind: engine.Above, Key: "throughput", Above: "1M/s", Effect: engine.Ineligible, Then: "topic"},
	}
	if got := engine.WhatIfs(req, base, set, res); !reflect.DeepEqual(got, want) {
		t.Errorf("what-ifs:\n%+v\nwant\n%+v", got, want)
	}

	// Past the stream's outright limit already: only its last limit is left.
	_, _, req = fixture(t, "must: {fanout: true, ordering: per-key, throughput: 20k/s}\n"+prefer)
	res = engine.Rank(req, base, set)
	if res.Recommendation.ID != "stream" {
		t.Fatalf("asking 20k/s, the fixture's stream should still win, not %s", res.Recommendation.ID)
	}
	got := engine.WhatIfs(req, base, set, res)
	if len(got) == 0 || got[len(got)-1].Above != "1M/s" || slices.ContainsFunc(got, func(w engine.WhatIf) bool { return w.Above == "10k/s" }) {
		t.Errorf("asking 20k/s, the what-ifs should start past it: %+v", got)
	}

	_, _, req = fixture(t, "must: {ordering: strict, throughput: 1M/s}\n")
	if got := engine.WhatIfs(req, base, set, engine.Rank(req, base, set)); got != nil {
		t.Errorf("no pick, no what-ifs: %+v", got)
	}
}

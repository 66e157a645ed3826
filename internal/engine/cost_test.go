package engine_test

import (
	"math"
	"testing"

	"github.com/advisor-dev/advisor/internal/engine"
)

// At a volume every priced service gets an estimate: the fixture queue at
// 1,000 messages a second of 2 KiB is 2,628,000,000 messages a month, each
// 3 requests of one 64 KB chunk, at $0.40 a million: $3,153.60; the stream
// needs 2 shards (1,000 records a second each... 1,000/s fits one shard by
// count, 2 MB/s needs 2 by bytes): 2 × 730 × $0.015 = $21.90, plus one
// 25 KB PUT unit a message: 2,628 × $0.014 = $36.79.
func TestEstimateByHand(t *testing.T) {
	res := rank(t, "volume: 1k/s\nmust: {message_size: 2KiB}\n")
	queue, stream := find(t, res, "queue"), find(t, res, "stream")
	if queue.Estimate == nil || stream.Estimate == nil {
		t.Fatalf("no estimate: queue %q, stream %q", queue.EstimateNote, stream.EstimateNote)
	}
	for _, c := range []struct {
		id        string
		got, want float64
	}{
		{"queue", queue.Estimate.MonthlyUSD, 2_628_000_000.0 * 3 * 0.40 / 1e6},
		{"stream", stream.Estimate.MonthlyUSD, 2*730*0.015 + 2_628_000_000.0*0.014/1e6},
	} {
		if math.Abs(c.got-c.want) > 0.005 {
			t.Errorf("%s: $%.2f, want $%.2f", c.id, c.got, c.want)
		}
	}
	if stream.Estimate.Baseline != 2*730*0.015 {
		t.Errorf("stream baseline %v, want the shard hours", stream.Estimate.Baseline)
	}
	if topic := find(t, res, "topic"); topic.Estimate != nil || topic.EstimateNote != "no prices for topic in us-east-1" {
		t.Errorf("topic has no prices: %+v %q", topic.Estimate, topic.EstimateNote)
	}
}

// A budget as a must rules out what costs more; as a prefer, dearer keeps
// the share budget/estimate; without a volume it is unverified.
func TestBudget(t *testing.T) {
	res := rank(t, "volume: 1k/s\nmust: {message_size: 2KiB, budget: 100/month}\n")
	if q := find(t, res, "queue"); q.Eligible {
		t.Errorf("the queue at $3,153 a month meets a $100 budget: %+v", q.Violations)
	}
	if s := find(t, res, "stream"); !s.Eligible {
		t.Errorf("the stream at $58.69 misses a $100 budget: %+v", s.Violations)
	}
	res = rank(t, "volume: 1k/s\nmust: {message_size: 2KiB}\nprefer: {budget: 1k/month}\n")
	c := check(t, find(t, res, "queue"), "budget")
	if want := 1000 / (2_628_000_000.0 * 3 * 0.40 / 1e6); math.Abs(c.Fit-want) > 1e-9 {
		t.Errorf("prefer budget fit %v, want %v", c.Fit, want)
	}
	res = rank(t, "must: {budget: 100/month}\n")
	q := find(t, res, "queue")
	if !q.Eligible || len(q.Unverified) != 1 || q.Unverified[0].Key != "budget" {
		t.Errorf("without a volume the budget is unverified: %+v", q)
	}
}

// With a volume, cost takes cost_share of simplicity: the cheapest service
// ranked gets it in full, one ten times dearer a tenth.
func TestCostInformsSimplicity(t *testing.T) {
	res := rank(t, "volume: 1k/s\nmust: {message_size: 2KiB}\n")
	queue, stream := find(t, res, "queue"), find(t, res, "stream")
	if stream.Breakdown.Simplicity.CostShare != 1 {
		t.Errorf("the cheapest has cost share %v", stream.Breakdown.Simplicity.CostShare)
	}
	if want := stream.Estimate.MonthlyUSD / queue.Estimate.MonthlyUSD; math.Abs(queue.Breakdown.Simplicity.CostShare-want) > 1e-9 {
		t.Errorf("queue cost share %v, want %v", queue.Breakdown.Simplicity.CostShare, want)
	}
	_ = engine.Must
}

package engine_test

import (
	"math"
	"testing"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/kb"
)

// Three estimates of the embedded prices recomputed by hand — 1,000
// messages a second of 2 KiB to 3 consumers in us-east-1 — and matched to
// the cent: SQS, Kinesis provisioned and MSK Serverless. The prices are
// read from the price files by dimension id, so a re-priced dimension
// changes both sides; a changed billing model fails here.
func TestEstimatesByHandMatchToTheCent(t *testing.T) {
	set, base := embeddedBase(t)
	req := parseText(t, set, base, "version: 1\nvolume: 1k/s\nmust: {message_size: 2KiB, consumers: 3}\n")
	res := engine.Rank(req, base, set)
	const (
		messages = 1000.0 * 730 * 3600         // a month at 1,000/s
		gb       = messages * 2048 / (1 << 30) // GB of 2^30
		hours    = 730.0
	)
	price := func(service, variant, id string) float64 {
		t.Helper()
		f, ok := base.PricesFor(service, "us-east-1")
		if !ok {
			t.Fatalf("no prices for %s", service)
		}
		m, ok := f.ModelFor(variant)
		if !ok {
			t.Fatalf("no %s model for %s", variant, service)
		}
		for _, d := range m.Dimensions {
			if d.ID == id {
				return d.Price / d.Per
			}
		}
		t.Fatalf("%s has no dimension %s", service, id)
		return 0
	}
	// SQS: each message sent, received and deleted, one 64 KB chunk; one queue.
	sqs := messages * 3 * price("sqs", "", "requests")
	// Kinesis provisioned: 2 shards (2 MB/s at 1 MiB a shard), one 25 KB PUT
	// unit a message, and with 3 consumers enhanced fan-out for each.
	shards := 2.0
	kds := shards*hours*price("kinesis-data-streams", "provisioned", "shard-hours") +
		messages*price("kinesis-data-streams", "provisioned", "put-payload-units") +
		3*shards*hours*price("kinesis-data-streams", "provisioned", "efo-consumer-shard-hours") +
		3*gb*price("kinesis-data-streams", "provisioned", "efo-retrievals")
	// MSK Serverless: the cluster, 6 partitions, data in, out to 3, and a
	// week of storage.
	msks := hours*price("msk-serverless", "", "cluster-hours") +
		6*hours*price("msk-serverless", "", "partition-hours") +
		gb*price("msk-serverless", "", "data-in") +
		3*gb*price("msk-serverless", "", "data-out") +
		gb/730*168*price("msk-serverless", "", "storage")

	for _, c := range []struct {
		id, variant string
		want        float64
	}{{"sqs", "", sqs}, {"kinesis-data-streams", "provisioned", kds}, {"msk-serverless", "", msks}} {
		s, _ := base.Lookup(c.id)
		got := estimateIn(t, res, s, c.variant)
		if cents(got) != cents(c.want) {
			t.Errorf("%s: $%.2f, by hand $%.2f", c.id, got, c.want)
		}
	}
}

// estimateIn is the estimate of a service in one of its variants, ranked
// on its own so that the variant is the one judged.
func estimateIn(t *testing.T, res engine.Result, s *kb.Service, variant string) float64 {
	t.Helper()
	for _, r := range res.Ranking {
		if r.ID != s.ID {
			continue
		}
		if variant != "" && (r.Variant == nil || r.Variant.ID != variant) {
			t.Fatalf("%s was judged as %+v, not %s", s.ID, r.Variant, variant)
		}
		if r.Estimate == nil {
			t.Fatalf("%s has no estimate: %s", s.ID, r.EstimateNote)
		}
		return r.Estimate.MonthlyUSD
	}
	t.Fatalf("%s not ranked", s.ID)
	return 0
}

func cents(x float64) float64 { return math.Round(x * 100) }

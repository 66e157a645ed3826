package engine

import (
	"math"
	"slices"

	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// Crossover is where, as the volume grows, the cheapest queue or topic
// option and the cheapest stream option trade places.
type Crossover struct {
	Queue, Stream string  // the two options compared
	At            float64 // messages a second where they cost the same; 0 when they never do
	// CheaperBelow is the option that costs less below At (at every volume
	// from 1/s to 1M/s when At is 0).
	CheaperBelow string
}

// CostSeries is one option's monthly estimate at each of CurveVolumes.
type CostSeries struct {
	ID  string
	USD []float64 // NaN where it has no estimate
}

// CurveVolumes are the volumes the cost curves are drawn at.
var CurveVolumes = []float64{10, 100, 1_000, 10_000, 100_000}

// curveParadigms are what counts as a queue or topic option, and as a
// stream option, for the crossover.
var (
	queueParadigms  = []string{"queue", "pubsub", "event-bus"}
	streamParadigms = []string{"stream"}
)

// Costs fills res with the crossover between the cheapest eligible queue
// or topic option and the cheapest eligible stream option, and the cost
// curves of the leading options; only with a volume. Each option is
// priced in the configuration it was judged in.
func Costs(req *requirements.Requirements, base *kb.Base, rules *ruleset.Set, res *Result) {
	if req.Volume <= 0 {
		return
	}
	cheapest := func(paradigms []string) (Ranked, bool) {
		var best Ranked
		found := false
		for _, r := range res.Ranking {
			if r.Eligible && r.Estimate != nil && len(r.Estimate.Partial) == 0 && slices.Contains(paradigms, r.Paradigm) && (!found || r.Estimate.MonthlyUSD < best.Estimate.MonthlyUSD) {
				best, found = r, true
			}
		}
		return best, found
	}
	q, okQ := cheapest(queueParadigms)
	st, okS := cheapest(streamParadigms)
	costAt := func(r Ranked, volume float64) float64 {
		s, ok := base.Lookup(r.ID)
		if !ok {
			return math.NaN()
		}
		trial := clone(req)
		trial.Volume = volume
		p := prepare(trial, rules)
		p.base = base
		e, _ := p.estimateOf(s, s.Configurations(), r.VariantIndex)
		if e == nil {
			return math.NaN()
		}
		return e.MonthlyUSD
	}
	if okQ && okS {
		res.Crossover = crossover(q.ID, st.ID, func(v float64) float64 { return costAt(q, v) - costAt(st, v) })
	}
	var shown []Ranked
	for _, r := range res.Ranking {
		if r.Eligible && r.Estimate != nil && len(shown) < 3 {
			shown = append(shown, r)
		}
	}
	for _, extra := range []struct {
		r  Ranked
		ok bool
	}{{q, okQ}, {st, okS}} {
		if extra.ok && !slices.ContainsFunc(shown, func(r Ranked) bool { return r.ID == extra.r.ID }) {
			shown = append(shown, extra.r)
		}
	}
	for _, r := range shown {
		cs := CostSeries{ID: r.ID}
		for _, v := range CurveVolumes {
			cs.USD = append(cs.USD, costAt(r, v))
		}
		res.CostCurves = append(res.CostCurves, cs)
	}
}

// crossover finds where diff (queue cost minus stream cost) changes sign
// between 1/s and 1M/s, to two significant digits.
func crossover(queue, stream string, diff func(float64) float64) *Crossover {
	c := &Crossover{Queue: queue, Stream: stream}
	lo, dlo := 1.0, diff(1)
	if math.IsNaN(dlo) {
		return nil
	}
	for e := 0.1; e <= 6.0001; e += 0.1 {
		hi := math.Pow(10, e)
		dhi := diff(hi)
		if math.IsNaN(dhi) {
			return nil
		}
		if (dlo < 0) != (dhi < 0) {
			for range 40 {
				mid := math.Sqrt(lo * hi)
				if (diff(mid) < 0) == (dlo < 0) {
					lo = mid
				} else {
					hi = mid
				}
			}
			c.At = twoDigits(math.Sqrt(lo * hi))
			c.CheaperBelow = stream
			if dlo < 0 {
				c.CheaperBelow = queue
			}
			return c
		}
		lo, dlo = hi, dhi
	}
	c.CheaperBelow = stream
	if dlo < 0 {
		c.CheaperBelow = queue
	}
	return c
}

func twoDigits(x float64) float64 {
	if x <= 0 {
		return x
	}
	scale := math.Pow(10, math.Floor(math.Log10(x))-1)
	return math.Round(x/scale) * scale
}

package engine

import (
	"fmt"
	"math"
	"slices"

	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/pricing"
	"github.com/advisor-dev/advisor/internal/requirements"
)

// Assumed values when the requirements do not give them.
const (
	assumedSize           = 1024 // bytes a message
	unlimitedRetentionHrs = 8760 // a year of storage stands for "unlimited"
)

// workload is what the requirements say about the traffic to price.
func workload(req *requirements.Requirements) (pricing.Workload, []string) {
	w := pricing.Workload{Rate: req.Volume, Peak: req.Volume, Size: assumedSize, Consumers: 1, Copies: 1}
	var assumed []string
	if it, _, ok := req.Find("throughput"); ok && !math.IsInf(it.Value.Num, 1) {
		w.Peak = math.Max(it.Value.Num, req.Volume)
	}
	if it, _, ok := req.Find("message_size"); ok {
		w.Size = it.Value.Num
	} else {
		assumed = append(assumed, "messages of 1 KiB (message_size not given)")
	}
	if it, _, ok := req.Find("consumers"); ok {
		w.Consumers = it.Value.Num
	} else if it, _, ok := req.Find("fanout"); ok && it.Value.Bool {
		w.Consumers = 2
		assumed = append(assumed, "2 consumers (fanout without consumers)")
	}
	if it, _, ok := req.Find("retention"); ok {
		w.RetentionHours = it.Value.Num / 3600
		if math.IsInf(it.Value.Num, 1) {
			w.RetentionHours = unlimitedRetentionHrs
			assumed = append(assumed, "a year of data kept for unlimited retention")
		}
	}
	return w, assumed
}

// estimateOf prices variant vi of s at the requirements' volume in their
// Region; "" reason when it did, else why not.
func (p *prepared) estimateOf(s *kb.Service, variants []kb.Variant, vi int) (*pricing.Estimate, string) {
	if p.req.Volume <= 0 {
		return nil, "no volume given"
	}
	parts := []string{s.ID}
	partVariants := []string{variants[vi].ID}
	if len(s.Parts) > 0 {
		parts, partVariants = s.Parts, variants[vi].PartVariants
	}
	var total pricing.Estimate
	total.Assumptions = slices.Clone(p.assumed)
	for i, id := range parts {
		f, ok := p.base.PricesFor(id, p.at.region)
		if !ok {
			return nil, fmt.Sprintf("no prices for %s in %s", id, p.at.region)
		}
		vid := ""
		if i < len(partVariants) {
			vid = partVariants[i]
		}
		m, ok := f.ModelFor(vid)
		if !ok {
			return nil, fmt.Sprintf("no prices for %s in its %s configuration", id, vid)
		}
		w := p.work
		if i < len(s.Roles) && s.Roles[i] == "buffer" && i > 0 {
			w.Copies = w.Consumers // one queue per consumer behind the fan-out
		}
		e, err := m.Estimate(id, w)
		if err != nil {
			return nil, err.Error()
		}
		total = total.Add(e)
	}
	return &total, ""
}

// costRef is the cheapest estimate of any variant of the services ranked:
// the reference a service's cost is measured against in simplicity.
func (p *prepared) costRef(services []*kb.Service) float64 {
	ref := math.Inf(1)
	for _, s := range services {
		variants := s.Configurations()
		for i := range variants {
			if !p.applies(variants[i].When) {
				continue
			}
			if e, _ := p.estimateOf(s, variants, i); e != nil && e.MonthlyUSD > 0 && len(e.Partial) == 0 {
				ref = math.Min(ref, e.MonthlyUSD)
			}
		}
	}
	return ref
}

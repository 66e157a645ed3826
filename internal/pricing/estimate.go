package pricing

import (
	"fmt"
	"math"
)

// Hours and Seconds are AWS's month: 730 hours.
const (
	Hours   = 730
	Seconds = Hours * 3600
)

// Workload is what an estimate is for.
type Workload struct {
	Rate           float64 // average messages a second (volume)
	Peak           float64 // peak messages a second (throughput, else Rate)
	Size           float64 // bytes a message
	Consumers      float64 // independent consumers
	Copies         float64 // copies of each message this service holds
	RetentionHours float64 // hours messages are kept, 0 when not asked
}

// Vars are the variables an expression reads for w.
func (w Workload) Vars() map[string]float64 {
	messages := w.Rate * Seconds
	return map[string]float64{
		"rate": w.Rate, "peak": w.Peak, "size": w.Size, "messages": messages,
		"bytes": messages * w.Size, "gb": messages * w.Size / (1 << 30),
		"hours": Hours, "seconds": Seconds, "consumers": w.Consumers, "copies": w.Copies,
		"retention_hours": w.RetentionHours,
	}
}

// Estimate is a monthly cost, line by line.
type Estimate struct {
	// Partial lists what is billed but not priced: MonthlyUSD is a floor.
	Partial     []string
	MonthlyUSD  float64
	Baseline    float64 // what is billed with no traffic at all
	Lines       []Line
	Capacity    []Sized // the capacity sized for the workload
	Assumptions []string
}

// Line is one dimension of an estimate: quantity × price / per.
type Line struct {
	Service    string
	ID         string
	What       string
	Unit       string
	Quantity   float64
	Price      float64
	Per        float64
	USD        float64
	Baseline   bool
	Source     string
	Checked    string
	Confidence string
}

// Sized is a capacity and the number it came to.
type Sized struct {
	Service string
	Name    string
	Value   float64
}

// Estimate prices a workload under the model: capacities first, then
// each dimension. An expression that fails (a division by zero) is an
// error naming the dimension.
func (m *Model) Estimate(service string, w Workload) (Estimate, error) {
	vars := w.Vars()
	var e Estimate
	for _, c := range m.Capacities {
		v, err := c.Expr.Eval(vars)
		if err != nil {
			return Estimate{}, fmt.Errorf("%s capacity %s: %w", service, c.Name, err)
		}
		vars[c.Name] = v
		e.Capacity = append(e.Capacity, Sized{service, c.Name, v})
	}
	for i := range m.Dimensions {
		d := &m.Dimensions[i]
		q, err := d.Expr.Eval(vars)
		if err != nil {
			return Estimate{}, fmt.Errorf("%s %s: %w", service, d.ID, err)
		}
		if math.IsNaN(q) || math.IsInf(q, 0) || q < 0 {
			return Estimate{}, fmt.Errorf("%s %s: the quantity comes to %v", service, d.ID, q)
		}
		usd := q * d.Price / d.Per
		e.Lines = append(e.Lines, Line{Service: service, ID: d.ID, What: d.What, Unit: d.Unit, Quantity: q, Price: d.Price,
			Per: d.Per, USD: usd, Baseline: d.Baseline, Source: d.Source, Checked: d.Checked, Confidence: d.Confidence})
		e.MonthlyUSD += usd
		if d.Baseline {
			e.Baseline += usd
		}
	}
	e.Assumptions = append(e.Assumptions, m.Assumptions...)
	if m.Partial != "" {
		applies := true
		if m.PartialIf != "" {
			cond, err := ParseExpr(m.PartialIf) // checked when the file was read
			if err != nil {
				return Estimate{}, fmt.Errorf("%s partial_if: %w", service, err)
			}
			v, err := cond.Eval(vars)
			if err != nil {
				return Estimate{}, fmt.Errorf("%s partial_if: %w", service, err)
			}
			applies = v != 0
		}
		if applies {
			e.Partial = append(e.Partial, service+": "+m.Partial)
		}
	}
	return e, nil
}

// Add sums estimates of the parts of a combination.
func (e Estimate) Add(o Estimate) Estimate {
	e.MonthlyUSD += o.MonthlyUSD
	e.Baseline += o.Baseline
	e.Lines = append(e.Lines, o.Lines...)
	e.Capacity = append(e.Capacity, o.Capacity...)
	e.Partial = append(e.Partial, o.Partial...)
	for _, a := range o.Assumptions {
		e.Assumptions = appendNew(e.Assumptions, a)
	}
	return e
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

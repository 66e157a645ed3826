package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/advisor-dev/advisor/internal/engine"
)

// Explained is one service's score taken apart, rule by rule.
type Explained struct {
	ID    string
	Score float64
	Out   string // the musts it misses, when it is not eligible
	Parts []ExplainedPart
	// Cost is the estimate's arithmetic, a line each, with the page of
	// each price; CostHead sums it up. Both empty without a volume.
	CostHead string
	Cost     []string
}

// ExplainedPart is one part of a score with the lines that make it.
type ExplainedPart struct {
	Name   string
	Points float64
	Max    float64
	Lines  []string // "+17.1 must ordering per-key: keeps per-key order (counts 2 of 7)"
}

// Explain takes every score of res apart, with the reasons said gives:
// what added, what gave nothing, what excluded the service. The lines of a
// part add up to its points (to rounding).
func Explain(res engine.Result, said Sentences) []Explained {
	var out []Explained
	for _, r := range res.Ranking {
		e := Explained{ID: r.ID, Score: r.Score}
		if !r.Eligible {
			e.Out = "out: misses " + said.Services[r.ID].Misses
		}
		e.Parts = append(e.Parts, fitPart(r, said.Services[r.ID]), affinityPart(r, res.Hints), simplicityPart(r))
		e.CostHead, e.Cost = costLines(r)
		out = append(out, e)
	}
	return out
}

func fitPart(r engine.Ranked, rs Reasons) ExplainedPart {
	p := ExplainedPart{Name: "fit", Points: r.Breakdown.Fit.Points, Max: r.Breakdown.Fit.Max}
	var checks []engine.Check
	checks = append(checks, r.Met...)
	checks = append(checks, r.Violations...)
	checks = append(checks, r.Missed...)
	checks = append(checks, r.Unverified...)
	var reasons []string
	reasons = append(reasons, rs.Met...)
	reasons = append(reasons, rs.Violations...)
	reasons = append(reasons, rs.Missed...)
	reasons = append(reasons, rs.Unverified...)
	total := 0.0
	for _, c := range checks {
		total += c.Weight
	}
	if total == 0 {
		p.Lines = append(p.Lines, fmt.Sprintf("%+.1f no keys set: full marks for every service", p.Max))
		return p
	}
	for i, c := range checks {
		points := p.Max * c.Weight * c.Fit / total
		line := fmt.Sprintf("%+.1f %s %s: %s (counts %g of %g", points, c.Kind, Phrase(c.Key, c.Want), reasons[i], c.Weight*c.Fit, total)
		switch {
		case c.Requires != nil:
			line += fmt.Sprintf("; needing %s, it counts %g of its weight", KindWords(c.Requires.Kind), c.Fit)
		case c.Condition != "":
			line += "; under a condition it counts " + fmt.Sprint(c.Fit) + " of its weight"
		case c.Unverified:
			line += fmt.Sprintf("; unverified, it counts %g of its weight", c.Fit)
		}
		p.Lines = append(p.Lines, line+")")
	}
	return p
}

func affinityPart(r engine.Ranked, hints []engine.Hint) ExplainedPart {
	p := ExplainedPart{Name: "affinity", Points: r.Breakdown.Affinity.Points, Max: r.Breakdown.Affinity.Max}
	total := 0.0
	for _, h := range hints {
		total += h.Weight
	}
	for _, u := range r.UseCases {
		total += u.Weight
	}
	if total == 0 {
		p.Lines = append(p.Lines, fmt.Sprintf("%+.1f no hint or use case applies: full marks for every service", p.Max))
		return p
	}
	for _, u := range r.UseCases {
		p.Lines = append(p.Lines, fmt.Sprintf("%+.1f use_case %s: %s", p.Max*u.Weight*u.Share/total, u.ID, UseCaseWords(u)))
	}
	for _, h := range hints {
		points, verb := 0.0, "does not suit"
		if h.Favours(r.Paradigm) {
			points, verb = p.Max*h.Weight/total, "suits"
		}
		p.Lines = append(p.Lines, fmt.Sprintf("%+.1f %s %s: %s (favours %s)", points, h.When, verb+" "+article(r.Paradigm)+" "+r.Paradigm+" service", h.Because, strings.Join(h.Suits, ", ")))
	}
	return p
}

// UseCaseWords says how a service stands to a use case the user stated.
func UseCaseWords(u engine.UseCaseMatch) string {
	switch u.Role {
	case "primary":
		return "you said the messaging is for " + u.ID + ", which the service is built for"
	case "secondary":
		return "you said the messaging is for " + u.ID + ", which the service serves, though it is not built for it"
	}
	return "you said the messaging is for " + u.ID + ", which the service is not for"
}

func simplicityPart(r engine.Ranked) ExplainedPart {
	s := r.Breakdown.Simplicity
	p := ExplainedPart{Name: "simplicity", Points: s.Points, Max: s.Max,
		Lines: []string{fmt.Sprintf("effort %d of 10: %s", s.Effort, s.Note)}}
	if s.CostShare > 0 {
		p.Lines = append(p.Lines, fmt.Sprintf("cost: the cheapest service ranked costs %.2f of this one's estimate; with a volume, cost takes its share of simplicity (cost_share in rules/ranking.yaml)", s.CostShare))
	} else {
		p.Lines[0] = fmt.Sprintf("%+.1f %s", s.Points, p.Lines[0])
	}
	return p
}

// costLines are an estimate's arithmetic: what is billed, how much of it,
// at what price and where the price was read.
func costLines(r engine.Ranked) (string, []string) {
	e := r.Estimate
	if e == nil {
		if r.EstimateNote != "" && r.EstimateNote != "no volume given" {
			return "cost: not estimated (" + r.EstimateNote + ")", nil
		}
		return "", nil
	}
	head := "cost " + CostWords(e) + " a month"
	var lines []string
	for _, c := range e.Capacity {
		lines = append(lines, fmt.Sprintf("%s: %s %s", c.Service, number(c.Value), c.Name))
	}
	for _, l := range e.Lines {
		per := ""
		if l.Per != 1 {
			per = " per " + number(l.Per)
		}
		base := ""
		if l.Baseline {
			base = ", billed with no traffic"
		}
		lines = append(lines, fmt.Sprintf("%s %s: %s %s × $%g%s = %s%s (%s, checked %s%s)", l.Service, l.What, number(l.Quantity), l.Unit,
			l.Price, per, cents(l.USD), base, l.Source, l.Checked, confidenceNote(l.Confidence)))
	}
	for _, a := range e.Assumptions {
		lines = append(lines, "assumes "+a)
	}
	for _, p := range e.Partial {
		lines = append(lines, "not priced, so the estimate is a floor: "+p)
	}
	return head, lines
}

func confidenceNote(c string) string {
	if c == "secondary" {
		return "; not read on the pricing page itself"
	}
	return ""
}

func cents(x float64) string { return fmt.Sprintf("$%.2f", x) }

// number writes a quantity whole, with thousands separated, or with two
// decimals below 100 when it has a fraction.
func number(x float64) string {
	if x != math.Trunc(x) && x < 100 {
		return fmt.Sprintf("%.2f", x)
	}
	return thousands(fmt.Sprintf("%.0f", x))
}

package report

import (
	"fmt"
	"strings"

	"github.com/advisor-dev/advisor/internal/engine"
)

// Explained is one service's score taken apart, rule by rule.
type Explained struct {
	ID    string
	Score float64
	Out   string // the musts it misses, when it is not eligible
	Parts []ExplainedPart
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
	return ExplainedPart{Name: "simplicity", Points: s.Points, Max: s.Max,
		Lines: []string{fmt.Sprintf("%+.1f effort %d of 10: %s", s.Points, s.Effort, s.Note)}}
}

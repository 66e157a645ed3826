// Package report turns a ranking into what a person reads: the pick, why it
// wins, why each other service lost, and the comparison rows. Every human
// format (table, Markdown) renders the same Report, and every sentence about
// a ranking, in those formats, decision records and the JSON result, is made
// here (see Word).
package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/pricing"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// Report is a ranking explained.
type Report struct {
	Title    string
	Headline string   // "Recommended: ..." or "No service meets every must"
	Why      []string // two to four lines on why the pick wins
	Others   []Other  // runners-up and ineligible services, in ranking order
	Columns  []Column // the keys the user set
	Rows     []Row
	// Costs says the rows carry a monthly estimate (the requirements give
	// a volume), shown as a column of its own.
	Costs bool
	// Chart is a Mermaid xychart of monthly cost against volume for the
	// leading options, for Markdown and decision records; "" without one.
	Chart    string
	Excluded []string
	WhatIf   []string    // the smallest changes that would change the pick
	Relax    []string    // with no pick: the fewest musts to drop for one
	Explain  []Explained // every score taken apart (with --explain)
	// Sentences are every service's reasons and notes, for the outputs
	// that show more than the lines above (decision records, --explain).
	Sentences Sentences
}

// Other is a service that did not win, with why.
type Other struct {
	Rank     int
	ID       string
	Score    float64
	Eligible bool
	Why      string
}

// Column is one requirement key shown in the comparison table.
type Column struct {
	Key   string
	Title string
	Want  string
	Must  bool
}

// Row is one service in the comparison table.
type Row struct {
	Rank     int
	ID       string
	Score    float64
	Eligible bool
	Cost     string // the monthly estimate ("$58.69"), with a volume
	Cells    []Cell // one per column
}

// Cell is one key judged for one service.
type Cell struct {
	Met        bool
	Have       string
	Condition  bool
	Unverified bool // AWS does not publish the limit
}

// Build explains res; top limits the rows and others shown (0: all).
func Build(res engine.Result, req *requirements.Requirements, rules *ruleset.Set, top int) Report {
	rep := Report{Title: res.Title, Excluded: res.Excluded, Sentences: Word(res, rules)}
	for _, w := range rep.Sentences.WhatIf {
		rep.WhatIf = append(rep.WhatIf, w.Text)
	}
	if c := rep.Sentences.Crossover; c != "" {
		rep.WhatIf = append(rep.WhatIf, c)
	}
	rep.Chart = costChart(res)
	rep.Relax = rep.Sentences.Relax
	for _, it := range req.Must {
		k, _ := rules.Catalog.Lookup(it.Key)
		rep.Columns = append(rep.Columns, Column{Key: it.Key, Title: k.Title, Want: it.Value.String(), Must: true})
	}
	for _, it := range req.Prefer {
		k, _ := rules.Catalog.Lookup(it.Key)
		rep.Columns = append(rep.Columns, Column{Key: it.Key, Title: k.Title, Want: it.Value.String()})
	}
	shown := res.Ranking
	if top > 0 && top < len(shown) {
		shown = shown[:top]
	}
	for i, r := range shown {
		row := Row{Rank: i + 1, ID: r.ID, Score: r.Score, Eligible: r.Eligible}
		if req.Volume > 0 {
			rep.Costs = true
			row.Cost = "n/a"
			if r.Estimate != nil {
				row.Cost = Cost(r.Estimate)
			}
		}
		for _, c := range rep.Columns {
			row.Cells = append(row.Cells, cellFor(r, c.Key))
		}
		rep.Rows = append(rep.Rows, row)
	}
	if len(res.Ranking) == 0 {
		rep.Headline = "No service is left to consider (all excluded)"
		return rep
	}
	win := res.Ranking[0]
	if res.Recommendation != nil {
		rep.Headline = fmt.Sprintf("Recommended: %s, score %.1f of 100", nameOf(win), win.Score)
		rep.Why = whyWinner(res.Hints, win, rep.Sentences.Services[win.ID].Notes, res.Ranking, req)
		if e := win.Estimate; e != nil {
			line := fmt.Sprintf("At %s it costs %s a month", req.VolumeText, CostWords(e))
			if e.Baseline > 0 {
				line += fmt.Sprintf(", %s of it billed with no traffic at all", USD(e.Baseline))
			}
			rep.Why = append(rep.Why, line+" (--explain shows the arithmetic).")
		}
		for _, c := range rep.Sentences.Services[win.ID].Caveats {
			rep.Why = append(rep.Why, "Caveat: "+c+".")
		}
		if len(res.Tied) > 1 {
			rep.Why = append(rep.Why, fmt.Sprintf("Tied at %.1f with %s; the tie goes by fewer requirements, then less effort, then id.",
				win.Score, strings.Join(res.Tied[1:], ", ")))
		}
	} else {
		rep.Headline = "No service meets every must"
		rep.Why = []string{fmt.Sprintf("Closest: %s, which misses %s.", nameOf(win), rep.Sentences.Services[win.ID].Misses)}
	}
	for i, r := range shown {
		if i == 0 {
			continue
		}
		o := Other{Rank: i + 1, ID: r.ID, Score: r.Score, Eligible: r.Eligible}
		if r.Eligible {
			o.Why = whyBehind(res.Hints, r, win)
		} else {
			o.Why = "misses " + rep.Sentences.Services[r.ID].Misses
		}
		rep.Others = append(rep.Others, o)
	}
	return rep
}

// Cost writes an estimate for a table: "$58.69", or "≥ $788" when some
// of what the service bills is not priced.
func Cost(e *pricing.Estimate) string {
	if len(e.Partial) > 0 {
		return "≥ " + USD(e.MonthlyUSD)
	}
	return USD(e.MonthlyUSD)
}

// CostWords writes an estimate for a sentence: "about $58.69", or "at
// least $788" when some of what the service bills is not priced.
func CostWords(e *pricing.Estimate) string {
	if len(e.Partial) > 0 {
		return "at least " + USD(e.MonthlyUSD)
	}
	return "about " + USD(e.MonthlyUSD)
}

// USD writes dollars as people read them: cents below $100, whole dollars
// with thousands separated above ("$58.69", "$3,154").
func USD(x float64) string {
	if x < 100 {
		return fmt.Sprintf("$%.2f", x)
	}
	return "$" + thousands(fmt.Sprintf("%.0f", x))
}

// thousands separates a whole number's digits in threes: 2,628,000.
func thousands(digits string) string {
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// nameOf names a service, its id and the configuration judged, when it
// has several: "Amazon SQS FIFO queues (sqs-fifo) as high-throughput mode".
func nameOf(r engine.Ranked) string {
	name := r.Name + " (" + r.ID + ")"
	// A combination in its parts' defaults is named by its parts already.
	if r.Variant != nil && r.Variant.Name != "" && !(len(r.Parts) > 0 && r.Variant.Default) {
		name += " as " + r.Variant.Name
	}
	return name
}

func cellFor(r engine.Ranked, key string) Cell {
	for _, c := range r.Unverified {
		if c.Key == key {
			return Cell{Have: c.Have, Unverified: true}
		}
	}
	for _, c := range r.Met {
		if c.Key == key {
			return Cell{Met: true, Have: c.Have, Condition: c.Condition != ""}
		}
	}
	for _, list := range [][]engine.Check{r.Violations, r.Missed} {
		for _, c := range list {
			if c.Key == key {
				return Cell{Have: c.Have}
			}
		}
	}
	return Cell{}
}

// whyWinner says in two to four lines why the pick wins.
func whyWinner(hints []engine.Hint, win engine.Ranked, notes []string, ranking []engine.Ranked, req *requirements.Requirements) []string {
	var why []string
	var musts []string
	for _, c := range win.Met {
		if c.Kind == engine.Must {
			musts = append(musts, Phrase(c.Key, c.Want))
		}
	}
	eligible := 0
	for _, r := range ranking {
		if r.Eligible {
			eligible++
		}
	}
	single := -1
	for i, r := range ranking {
		if r.Eligible && len(r.Parts) == 0 {
			single = i
			break
		}
	}
	switch {
	case len(win.Parts) > 0 && single < 0:
		why = append(why, fmt.Sprintf("No single service meets every must (%s); used together, %s do.", strings.Join(musts, ", "), strings.Join(win.Parts, " then ")))
	case len(win.Parts) > 0:
		s := ranking[single]
		why = append(why, fmt.Sprintf("Used together, %s meet every must (%s) and score highest, though more to run; a single service would do too: %s (%.1f).",
			strings.Join(win.Parts, " then "), strings.Join(musts, ", "), s.ID, s.Score))
	case len(req.Must) == 0:
		why = append(why, "No must-haves were set, so every service is eligible; preferences, fit and simplicity decide.")
	case eligible == 1:
		why = append(why, fmt.Sprintf("It is the only service that meets every must (%s).", strings.Join(musts, ", ")))
	default:
		others := fmt.Sprintf("%d other services do", eligible-1)
		if eligible == 2 {
			others = "1 other service does"
		}
		why = append(why, fmt.Sprintf("It meets every must (%s), as %s.", strings.Join(musts, ", "), others))
	}
	if len(req.Prefer) > 0 {
		met := 0
		for _, c := range win.Met {
			if c.Kind == engine.Prefer {
				met++
			}
		}
		why = append(why, fmt.Sprintf("It meets %d of %d preferences.", met, len(req.Prefer)))
	}
	if line := useCaseLine(win); line != "" {
		why = append(why, line)
	}
	if len(notes) > 0 {
		why = append(why, "Mind: "+strings.Join(notes, "; ")+".")
	}
	if alt, ok := alternative(win, ranking); ok && alt.Score != win.Score && len(why) < 5 {
		why = append(why, "Ahead of "+alt.ID+" on "+edgeName(win, alt)+": "+edge(hints, win, alt)+".")
	}
	return why
}

// useCaseLine says how the pick stands to the use cases the user stated.
func useCaseLine(win engine.Ranked) string {
	var built, serves, not []string
	for _, u := range win.UseCases {
		switch u.Role {
		case "primary":
			built = append(built, u.ID)
		case "secondary":
			serves = append(serves, u.ID)
		default:
			not = append(not, u.ID)
		}
	}
	var parts []string
	if len(built) > 0 {
		parts = append(parts, "it is built for "+andList(built))
	}
	if len(serves) > 0 {
		parts = append(parts, "it serves "+andList(serves))
	}
	if len(not) > 0 {
		parts = append(parts, "it is not for "+andList(not))
	}
	if len(parts) == 0 {
		return ""
	}
	return "You said the messaging is for " + andList(append(append(slices.Clone(built), serves...), not...)) + ": " + strings.Join(parts, "; ") + "."
}

// alternative is the strongest real alternative to the pick: the best
// eligible service of another family that is not the pick used with
// something else (nor a part of the pick), else the runner-up.
func alternative(win engine.Ranked, ranking []engine.Ranked) (engine.Ranked, bool) {
	for _, r := range ranking[1:] {
		if !r.Eligible {
			break
		}
		if r.Family != win.Family && !slices.Contains(r.Parts, win.ID) && !slices.Contains(win.Parts, r.ID) {
			return r, true
		}
	}
	if len(ranking) > 1 && ranking[1].Eligible {
		return ranking[1], true
	}
	return engine.Ranked{}, false
}

// whyBehind says why an eligible service ranks below the winner.
func whyBehind(hints []engine.Hint, r, win engine.Ranked) string {
	if r.Score == win.Score {
		return "tied on score; behind by the tie rule: " + tieReason(r, win)
	}
	return "behind on " + edgeName(win, r) + ": " + lossReason(hints, r, win)
}

// tieReason says which step of the tie rule put win ahead of r.
func tieReason(r, win engine.Ranked) string {
	switch {
	case len(r.Requires) != len(win.Requires):
		return fmt.Sprintf("more requirements (%d vs %d)", len(r.Requires), len(win.Requires))
	case r.Breakdown.Simplicity.Effort != win.Breakdown.Simplicity.Effort:
		return fmt.Sprintf("more effort (%d vs %d)", r.Breakdown.Simplicity.Effort, win.Breakdown.Simplicity.Effort)
	}
	return "its id sorts after " + win.ID
}

// edge says what separates the winner from a runner-up, in the winner's favour.
func edge(hints []engine.Hint, win, other engine.Ranked) string {
	switch part(win, other) {
	case "fit":
		return other.ID + " " + lossReason(hints, other, win)
	case "affinity":
		if u, ok := useCaseEdge(win, other); ok {
			return u
		}
		if h, ok := favouring(hints, win, other); ok {
			return h.Because + " (" + h.When + ")"
		}
	}
	return "less to run and pay for (" + effortCost(win, other) + ")"
}

func edgeName(win, other engine.Ranked) string {
	switch part(win, other) {
	case "fit":
		return "fit"
	case "affinity":
		return "kind of service"
	}
	return "simplicity"
}

// part is the part of the score where other loses most against win.
func part(win, other engine.Ranked) string {
	df := win.Breakdown.Fit.Points - other.Breakdown.Fit.Points
	da := win.Breakdown.Affinity.Points - other.Breakdown.Affinity.Points
	ds := win.Breakdown.Simplicity.Points - other.Breakdown.Simplicity.Points
	switch {
	case df >= da && df >= ds && df > 0:
		return "fit"
	case da >= ds && da > 0:
		return "affinity"
	}
	return "simplicity"
}

// useCaseEdge says which stated use case separates win from other most.
func useCaseEdge(win, other engine.Ranked) (string, bool) {
	best, diff := "", 0.0
	for _, w := range win.UseCases {
		for _, o := range other.UseCases {
			if o.ID == w.ID && w.Share-o.Share > diff {
				diff = w.Share - o.Share
				best = fmt.Sprintf("you said the messaging is for %s: %s %s, %s %s", w.ID, win.ID, roleWords(w.Role), other.ID, roleWords(o.Role))
			}
		}
	}
	return best, diff > 0
}

func roleWords(role string) string {
	switch role {
	case "primary":
		return "is built for it"
	case "secondary":
		return "serves it"
	}
	return "is not for it"
}

// favouring is the heaviest hint that suits the winner but not the other.
func favouring(hints []engine.Hint, win, other engine.Ranked) (engine.Hint, bool) {
	var best engine.Hint
	found := false
	for _, h := range hints {
		if !h.Favours(win.Paradigm) || h.Favours(other.Paradigm) {
			continue
		}
		if !found || h.Weight > best.Weight {
			best, found = h, true
		}
	}
	return best, found
}

// lossReason explains, in the loser's terms, the part it loses most on.
func lossReason(hints []engine.Hint, other, win engine.Ranked) string {
	switch part(win, other) {
	case "fit":
		for _, c := range other.Missed {
			return "does not meet prefer " + unmet(c) + " (has " + c.Have + ")"
		}
		for _, c := range other.Met {
			if c.Requires != nil {
				return "meets " + Phrase(c.Key, c.Want) + " only with " + KindWords(c.Requires.Kind) + ": " + c.Condition
			}
		}
		for _, c := range other.Unverified {
			return "cannot be verified on " + Phrase(c.Key, c.Want) + " (AWS does not publish the limit)"
		}
		return "meets the keys less well"
	case "affinity":
		if u, ok := useCaseEdge(win, other); ok {
			return u
		}
		if h, ok := favouring(hints, win, other); ok {
			return article(other.Paradigm) + " " + other.Paradigm + " service, while " + h.Because
		}
		return "its kind of service suits the requirements less"
	}
	return "more to run and pay for (" + effortCost(other, win) + ")"
}

// effortCost compares a's effort, and estimate when both have one, with b's.
func effortCost(a, b engine.Ranked) string {
	text := fmt.Sprintf("effort %d vs %d", a.Breakdown.Simplicity.Effort, b.Breakdown.Simplicity.Effort)
	if a.Estimate != nil && b.Estimate != nil {
		text += fmt.Sprintf("; %s vs %s a month", CostWords(a.Estimate), CostWords(b.Estimate))
	}
	return text
}

func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// NameOf names a ranked service as reports do: its name and id, and the
// variant judged when it has named ones ("Amazon SQS FIFO queues
// (sqs-fifo) as high-throughput mode").
func NameOf(r engine.Ranked) string { return nameOf(r) }

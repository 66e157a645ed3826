package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/advisor-dev/advisor/internal/adr"
	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/report"
)

// judgeRecord re-runs a record's requirements and compares what it chose
// and relied on with today's knowledge and rules.
func judgeRecord(loaded *Loaded, name string, rec adr.Embedded, today string) ([]checkLine, error) {
	// Pad the block so that positions in messages are the record's own.
	req, err := loaded.Loader().Load(name, []byte(strings.Repeat("\n", rec.Line-1)+rec.Requirements))
	if err != nil {
		return nil, inputError(err)
	}
	res := engine.Rank(req, loaded.Base, loaded.Rules)
	rep := report.Build(res, req, loaded.Rules, 0)
	var out []checkLine
	add := func(kind int, format string, args ...any) {
		out = append(out, checkLine{kind, fmt.Sprintf(format, args...)})
	}
	chosen, prov := rec.Chosen, rec.Provenance
	cause := causeOf(loaded, prov)

	switch {
	case chosen == "" && res.Recommendation == nil:
		add(fine, "ok: %s: still no service meets every must", name)
	case chosen == "":
		add(softDrift, "changed: %s: no service met every must, but %s now does (score %.1f)%s",
			name, res.Recommendation.ID, res.Recommendation.Score, cause)
	default:
		r, found := rankedOf(res, chosen)
		changes := factChanges(loaded, prov, r, found)
		switch {
		case !found:
			add(hardDrift, "changed: %s: chose %s, which the knowledge base no longer has%s", name, chosen, cause)
		case !r.Eligible:
			add(hardDrift, "changed: %s: chose %s, but %s; %s: misses %s%s", name, chosen, nowText(res), chosen,
				rep.Sentences.Services[chosen].Misses, cause)
		case len(changes) > 0:
			add(hardDrift, "changed: %s: chose %s, which still meets every must, but facts it relied on changed%s", name, chosen, cause)
		case res.Recommendation.ID == chosen:
			add(fine, "ok: %s: %s is still the recommendation (score %.1f)", name, chosen, res.Recommendation.Score)
		case prov.Deliberate(chosen):
			add(fine, "ok: %s: %s still meets every must (chosen on purpose over %s: %s)", name, chosen, prov.Top, prov.Reason)
		default:
			add(softDrift, "ranked: %s: chose %s, which still meets every must, but %s now ranks higher (%.1f vs %.1f)%s; --strict fails on this",
				name, chosen, res.Recommendation.ID, res.Recommendation.Score, r.Score, cause)
		}
		for _, c := range changes {
			add(hardDrift, "  %s", c)
		}
	}
	if req.ReviewBy != "" && today > req.ReviewBy {
		add(softDrift, "review: %s: its review_by date, %s, has passed; --strict fails on this", name, req.ReviewBy)
	}
	if stale := staleFacts(prov, today); len(stale) > 0 {
		add(fine, "stale: %s: facts it relied on were last checked over a year ago: %s", name, strings.Join(stale, ", "))
	}
	return out, nil
}

func rankedOf(res engine.Result, id string) (engine.Ranked, bool) {
	for _, r := range res.Ranking {
		if r.ID == id {
			return r, true
		}
	}
	return engine.Ranked{}, false
}

func nowText(res engine.Result) string {
	if res.Recommendation == nil {
		return "no service meets every must now"
	}
	return fmt.Sprintf("the advisor now recommends %s (score %.1f)", res.Recommendation.ID, res.Recommendation.Score)
}

// factChanges compares the facts a decision relied on with what the chosen
// service offers now: each change old -> new, with the page that says so.
// A fact re-checked with the same value is no change.
func factChanges(loaded *Loaded, prov *adr.Provenance, r engine.Ranked, found bool) []string {
	if prov == nil || !found {
		return nil
	}
	var out []string
	if r.Variant != nil && prov.Variant != "" && r.Variant.ID != prov.Variant {
		out = append(out, fmt.Sprintf("configuration: %s -> %s", prov.Variant, r.Variant.ID))
	}
	now := map[string]engine.Check{}
	for _, list := range [][]engine.Check{r.Met, r.Unverified, r.Violations, r.Missed} {
		for _, c := range list {
			now[c.Key] = c
		}
	}
	for _, old := range prov.ReliedOn {
		c, ok := now[old.Key]
		if !ok {
			continue // no longer asked: the requirements changed, not the facts
		}
		value := c.Have
		if c.Requires != nil {
			value += " (" + c.Requires.Kind + ": " + c.Requires.Text + ")"
		}
		if value != old.Value {
			src, day := sourceNow(loaded, r, c)
			out = append(out, fmt.Sprintf("%s: %s -> %s (now %s, checked %s; was %s, checked %s)", old.Key, old.Value, value,
				orDash(src), orDash(day), orDash(old.Source), orDash(old.Checked)))
		}
	}
	return out
}

// causeOf says where a change comes from: the knowledge (AWS's facts) or
// the advisor's rules (a new release), as the record's provenance and
// today's digests tell.
func causeOf(loaded *Loaded, prov *adr.Provenance) string {
	if prov == nil {
		return " (the record keeps no provenance: written by an older advisor)"
	}
	knowledge := prov.Knowledge != "" && prov.Knowledge != loaded.Base.Digest
	rules := prov.Rules != "" && prov.Rules != loaded.Rules.Digest
	switch {
	case knowledge && rules:
		return " (both the knowledge and the advisor's rules changed since the record; advisor " + prov.Advisor + " wrote it)"
	case knowledge:
		return " (the knowledge changed: AWS facts, not the advisor's rules)"
	case rules:
		return " (the advisor's rules changed, not the knowledge: advisor " + prov.Advisor + " wrote it; a new release ranks differently)"
	}
	return " (same knowledge and rules as when written: the requirements changed)"
}

// staleFacts are the facts a decision relied on that were last checked
// more than a year before today.
func staleFacts(prov *adr.Provenance, today string) []string {
	if prov == nil {
		return nil
	}
	t, err := time.Parse(time.DateOnly, today)
	if err != nil {
		return nil
	}
	yearAgo := t.AddDate(-1, 0, 0).Format(time.DateOnly)
	var out []string
	for _, f := range prov.ReliedOn {
		if f.Checked != "" && f.Checked < yearAgo {
			out = append(out, f.Key+" ("+f.Checked+")")
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// sourceNow is the page and date behind what the chosen configuration
// offers today for a check's key.
func sourceNow(loaded *Loaded, r engine.Ranked, c engine.Check) (string, string) {
	if c.Requires != nil {
		return c.Requires.Source, ""
	}
	s, ok := loaded.Base.Lookup(r.ID)
	if !ok {
		return "", ""
	}
	vs := s.Configurations()
	if r.VariantIndex >= len(vs) {
		return "", ""
	}
	v := &vs[r.VariantIndex]
	f := v.Fact(loaded.Rules.Catalog.Index(c.Key))
	if f == nil {
		f = v.Measure(loaded.Rules.Catalog.MeasureIndex(c.Key))
	}
	if f == nil {
		return "", ""
	}
	return f.Source, f.Checked
}

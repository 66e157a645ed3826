package report

import (
	"fmt"
	"strings"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// Sentences are a ranking in words: every reason, note and what-if that the
// table, Markdown, decision records and the JSON result show. They are made
// here only, so that every output says the same.
type Sentences struct {
	Services map[string]Reasons // by service id
	WhatIf   []Change           // one per what-if of the result, in order
	Relax    []string           // one per relaxation of the result, in order
	// Crossover says where the cheapest queue or topic option and the
	// cheapest stream option trade places; "" without one.
	Crossover string
}

// Reasons are one service's checks and notes in words.
type Reasons struct {
	// One reason per check of the service's Met, Violations, Missed and
	// Unverified, in the same order.
	Met, Violations, Missed, Unverified []string
	// Notes name the conditions the service needs for what it meets only
	// under one: "throughput 5k/s needs high-throughput mode".
	Notes []string
	// Caveats are the service's known traps for what the user stated,
	// each with its source: "... (https://...)".
	Caveats []string
	// Misses names the musts the service misses, each with only the wanted
	// values it lacks and what it has instead: "targets s3 (has http, email)".
	Misses string
}

// Change is a what-if in words.
type Change struct {
	Effect string // for a number past the winner's limit: "needs CONDITION" or "is out"
	Text   string // the whole change: "above 3k/s of throughput, sqs-fifo needs ..."
}

// Word puts res into words, with the sentences of rules' judging rules.
func Word(res engine.Result, rules *ruleset.Set) Sentences {
	s := Sentences{Services: make(map[string]Reasons, len(res.Ranking))}
	for _, r := range res.Ranking {
		rs := Reasons{Notes: []string{}}
		if v := r.Variant; v != nil && !v.Default {
			rs.Notes = append(rs.Notes, variantNote(*v))
		}
		for _, c := range r.Met {
			rs.Met = append(rs.Met, reason(c, true, rules))
			switch {
			case c.Requires != nil:
				rs.Notes = append(rs.Notes, Phrase(c.Key, c.Want)+" needs "+KindWords(c.Requires.Kind)+": "+c.Condition)
			case c.Condition != "":
				rs.Notes = append(rs.Notes, Phrase(c.Key, c.Want)+" needs "+c.Condition)
			}
		}
		for _, c := range r.Caveats {
			rs.Caveats = append(rs.Caveats, c.Text+" ("+c.Source+")")
		}
		for _, c := range r.Unverified {
			rs.Unverified = append(rs.Unverified, unverified(c))
			rs.Notes = append(rs.Notes, Phrase(c.Key, c.Want)+" is unverified: AWS does not publish the limit; "+c.Measure)
		}
		for _, c := range r.Violations {
			rs.Violations = append(rs.Violations, reason(c, false, rules))
		}
		rs.Misses = missList(r.Violations)
		for _, c := range r.Missed {
			rs.Missed = append(rs.Missed, reason(c, false, rules))
		}
		s.Services[r.ID] = rs
	}
	win := ""
	if res.Recommendation != nil {
		win = res.Recommendation.ID
	}
	for _, w := range res.WhatIf {
		s.WhatIf = append(s.WhatIf, change(w, win))
	}
	for _, r := range res.Relax {
		s.Relax = append(s.Relax, relax(r))
	}
	if c := res.Crossover; c != nil {
		other := c.Stream
		if c.CheaperBelow == c.Stream {
			other = c.Queue
		}
		if c.At > 0 {
			s.Crossover = fmt.Sprintf("below ~%s messages a second %s costs less than %s; above it, %s", rateWords(c.At), c.CheaperBelow, other, other)
		} else {
			s.Crossover = fmt.Sprintf("%s costs less than %s at every volume from 1 to 1M messages a second", c.CheaperBelow, other)
		}
	}
	return s
}

// reason says why a service meets or misses a key: the rule's sentence
// (or the derived check's) with {want}, {have}, {missing} and the derived
// check's factors filled in, the requirement it needs, and why the wanted
// value was implied.
func reason(c engine.Check, met bool, rules *ruleset.Set) string {
	if c.Unknown {
		return "the knowledge base records nothing on " + c.Key + " for this service"
	}
	if c.NoLimit {
		return "has no limit on " + c.Key + " beyond the keys it follows from"
	}
	tmpl := ""
	if rule, ok := rules.Rule(c.Key); ok {
		tmpl = rule.Unmet
		if met {
			tmpl = rule.Met
		}
	} else if d, ok := rules.DerivedFor(c.Key); ok {
		tmpl = d.Unmet
		if met {
			tmpl = d.Met
		}
	}
	text := strings.ReplaceAll(tmpl, "{want}", c.Want)
	text = strings.ReplaceAll(text, "{have}", c.Have)
	text = strings.ReplaceAll(text, "{missing}", strings.Join(c.Missing, ", "))
	for key, v := range c.Terms {
		text = strings.ReplaceAll(text, "{"+key+"}", v)
	}
	if c.Condition != "" {
		text += ", given this: " + c.Condition
	}
	if c.Implied != "" {
		text += " (" + c.Implied + ")"
	}
	return text
}

// unverified says that a key cannot be judged: AWS does not publish the
// limit, and what to measure instead.
func unverified(c engine.Check) string {
	text := "cannot be verified for " + Phrase(c.Key, c.Want) + ": AWS does not publish the limit"
	if c.Measure != "" {
		text += "; " + c.Measure
	}
	return text
}

// variantNote names a configuration judged that is not the default.
func variantNote(v engine.VariantRef) string {
	return "judged as " + v.Name + ", a configuration to choose (not the default)"
}

// KindWords names what a kind of requirement asks of a team, as the
// object of "needs": "needs a change to every client".
func KindWords(kind string) string {
	switch kind {
	case ruleset.RequiresOptIn:
		return "an opt-in (turned on or paid for)"
	case ruleset.RequiresClientChange:
		return "a change to every client"
	case ruleset.RequiresQuotaIncrease:
		return "a quota increase"
	case ruleset.RequiresRegion:
		return "a Region that offers it"
	case ruleset.RequiresVariant:
		return "a configuration to choose"
	}
	return kind
}

// change says a what-if for the pick win.
func change(w engine.WhatIf, win string) Change {
	if w.Kind == engine.Drop {
		return Change{Text: fmt.Sprintf("without %s as a must, %s", Phrase(w.Key, w.Want), thenText(w.Then))}
	}
	ch := Change{Effect: "is out"}
	if w.Effect == engine.NeedsCondition {
		ch.Effect = "needs this: " + w.Condition
		if w.Requires != "" {
			ch.Effect = "needs " + KindWords(w.Requires) + ": " + w.Condition
		}
	}
	ch.Text = fmt.Sprintf("above %s of %s, %s %s", w.Above, w.Key, win, ch.Effect)
	if w.Then != win {
		ch.Text += "; " + thenText(w.Then)
	}
	return ch
}

// relax says what to drop for a service to meet the rest: "drop ordering
// strict and throughput 1M/s, and kinesis-data-streams would win".
func relax(r engine.Relaxation) string {
	musts := make([]string, len(r.Drop))
	for i, it := range r.Drop {
		musts[i] = Phrase(it.Key, it.Value.String())
	}
	text := "drop " + andList(musts) + ", and " + thenText(r.Then)
	if len(r.Parts) > 0 {
		text += ": " + strings.Join(r.Parts, " then ") + ", used together"
	}
	return text
}

// andList writes "a", "a and b", "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

func thenText(id string) string {
	if id == "" {
		return "no service would meet every must"
	}
	return id + " would win"
}

// missList names the musts missed, with what the service has instead.
func missList(violations []engine.Check) string {
	parts := make([]string, len(violations))
	for i, c := range violations {
		parts[i] = fmt.Sprintf("%s (has %s)", unmet(c), c.Have)
		if c.Implied != "" {
			parts[i] = fmt.Sprintf("%s (has %s; %s)", unmet(c), c.Have, c.Implied)
		}
	}
	return strings.Join(parts, ", ")
}

// unmet names what a missed check lacks: of a list, only the wanted values
// the service does not have ("targets s3" for targets email, s3 where it
// has email), so that nobody hunts for the one that is missing.
func unmet(c engine.Check) string {
	if len(c.Missing) > 0 {
		return Phrase(c.Key, strings.Join(c.Missing, ", "))
	}
	return Phrase(c.Key, c.Want)
}

// Phrase names a requirement in a sentence: "ordering per-key", or just
// "fanout" for a bool asked to be true.
func Phrase(key, want string) string {
	if want == "true" {
		return key
	}
	return key + " " + want
}

// rateWords writes a rate without its unit, as people say it: 1,200 or 45k.
func rateWords(x float64) string {
	switch {
	case x >= 1e6:
		return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", x/1e6), "0"), ".") + "M"
	case x >= 10_000:
		return fmt.Sprintf("%.0fk", x/1e3)
	case x >= 1000:
		return strings.TrimPrefix(USD(x), "$")
	}
	return fmt.Sprintf("%g", x)
}

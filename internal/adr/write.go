package adr

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/report"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// Record layouts.
const (
	Madr   = "madr"   // MADR 4.0, with YAML front matter
	Nygard = "nygard" // Michael Nygard's, as adr-tools writes them
)

// Formats are the values of --adr-format.
var Formats = []string{Madr, Nygard}

// Record is what a decision record is written from.
type Record struct {
	Format       string // madr or nygard
	Number       int    // the record's number (Nygard heading); 0 when unknown
	Date         string // YYYY-MM-DD
	Title        string
	Context      string
	Makers       []string
	Consulted    []string
	Informed     []string
	Result       engine.Result
	Report       report.Report
	Catalog      *catalog.Catalog
	Base         *kb.Base
	Requirements string // the requirements as a version-1 YAML document
	Top          int    // eligible options to consider (0: 4)
	// UseCases are the use case ids the requirements state (catalog
	// ids): a record without a context says what the messaging is for.
	UseCases []string
	// Path is where the record is written, as CI names it (relative to
	// the repository, with slashes), for the command that confirms it;
	// "" when it is printed rather than written.
	Path string
	// Supersedes is the record this one replaces, linked from it as MADR
	// (under the title) and adr-tools (in the Status section) link them.
	Supersedes *Link
	// Advisor and RulesDigest say which advisor and rules made the record
	// (the knowledge's digest is Base's), for its provenance.
	Advisor     string
	RulesDigest string
	// Choose is an eligible option the team chose over the advisor's pick,
	// and Reason why; "" for the pick.
	Choose string
	Reason string
}

// chosenOf is the option the record chooses: the team's, when it chose one
// on purpose, else the advisor's pick.
func chosenOf(a Record, options []engine.Ranked) engine.Ranked {
	for _, o := range options {
		if a.Choose != "" && o.ID == a.Choose {
			return o
		}
	}
	for _, r := range a.Result.Ranking {
		if a.Choose != "" && r.ID == a.Choose && r.Eligible {
			return r
		}
	}
	return options[0]
}

// ChosenMarker precedes the chosen id (or NoChoice) on the line before the
// requirements block, so that `advisor check` finds both whatever the prose
// around them says (see Read).
const ChosenMarker = "<!-- advisor: chosen="

// Write writes the record.
func Write(w io.Writer, a Record) error {
	if a.Title == "" {
		a.Title = DefaultTitle
	}
	var b strings.Builder
	if a.Format == Nygard {
		nygard(&b, a)
	} else {
		madr(&b, a)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// considered are the eligible options weighed (the winner first) and the
// services left out for a must they miss.
func considered(a Record) (options, excluded []engine.Ranked) {
	top := a.Top
	if top <= 0 {
		top = 4
	}
	for _, r := range a.Result.Ranking {
		if r.Eligible && len(options) < top {
			options = append(options, r)
		} else if !r.Eligible {
			excluded = append(excluded, r)
		}
	}
	return options, excluded
}

func optionName(r engine.Ranked) string { return r.Name + " (" + r.ID + ")" }

func madr(b *strings.Builder, a Record) {
	fmt.Fprintf(b, "---\nstatus: proposed\ndate: %s\ndecision-makers: %s\nconsulted: %s\ninformed: %s\n---\n\n",
		a.Date, yamlList(a.Makers), yamlList(a.Consulted), yamlList(a.Informed))
	fmt.Fprintf(b, "# %s\n\n", oneLine(a.Title))
	if a.Supersedes != nil {
		fmt.Fprintf(b, "Supersedes %s.\n\n", a.Supersedes.MadrRef())
	}
	fmt.Fprintf(b, "## Context and Problem Statement\n\n%s\n\n", contextText(a))
	drivers(b, a)
	options, excluded := considered(a)
	b.WriteString("## Considered Options\n\n")
	for _, o := range options {
		fmt.Fprintf(b, "* %s\n", optionName(o))
	}
	leftOut(b, a, excluded)
	b.WriteString("\n## Decision Outcome\n\n")
	outcome(b, a, options, "Chosen option: \"%s\", because %s\n\n### Consequences\n\n")
	fmt.Fprintf(b, "### Confirmation\n\n%s\n\n", confirmation(a, options))
	if a.Report.Chart != "" {
		b.WriteString("### Cost by volume\n\n" + a.Report.Chart + "\n")
	}
	b.WriteString("## Pros and Cons of the Options\n\n")
	for _, o := range options {
		fmt.Fprintf(b, "### %s\n\n%s\n\n", optionName(o), summaryOf(a, o.ID))
		for _, line := range prosCons(o, a.Report.Sentences.Services[o.ID]) {
			fmt.Fprintf(b, "* %s\n", line)
		}
		b.WriteString("\n")
	}
	moreInformation(b, a, options)
}

func nygard(b *strings.Builder, a Record) {
	n := a.Number
	if n == 0 {
		n = 1
	}
	fmt.Fprintf(b, "# %d. %s\n\nDate: %s\n\n## Status\n\nProposed\n\n", n, oneLine(a.Title), a.Date)
	if a.Supersedes != nil {
		fmt.Fprintf(b, "Supersedes %s\n\n", a.Supersedes.NygardRef())
	}
	fmt.Fprintf(b, "## Context\n\n%s\n\n", contextText(a))
	b.WriteString("The decision is driven by:\n\n")
	for _, line := range driverLines(a) {
		fmt.Fprintf(b, "* %s\n", line)
	}
	options, excluded := considered(a)
	b.WriteString("\nOptions weighed: ")
	var names []string
	for _, o := range options {
		names = append(names, optionName(o))
	}
	b.WriteString(strings.Join(names, ", ") + ".\n")
	leftOut(b, a, excluded)
	b.WriteString("\n## Decision\n\n")
	outcome(b, a, options, "We will use %s, because %s\n\n## Consequences\n\n")
	fmt.Fprintf(b, "%s\n\n", confirmation(a, options))
	moreInformation(b, a, options)
}

// maxLeftOut bounds the services leftOut names: the serious alternatives,
// not the whole knowledge base.
const maxLeftOut = 6

// leftOut lists the single services no option could be, closest first
// (fewest musts missed, then as ranked), each with the musts it misses.
// Combinations are left out of the list: each is made of services named
// on their own, and they would crowd out the alternatives a reader weighs.
func leftOut(b *strings.Builder, a Record, excluded []engine.Ranked) {
	var singles []engine.Ranked
	for _, r := range excluded {
		if len(r.Parts) == 0 {
			singles = append(singles, r)
		}
	}
	if len(singles) == 0 {
		return
	}
	slices.SortStableFunc(singles, func(x, y engine.Ranked) int { return len(x.Violations) - len(y.Violations) })
	b.WriteString("\nLeft out, each for a must it misses:\n\n")
	for _, r := range singles[:min(len(singles), maxLeftOut)] {
		fmt.Fprintf(b, "* %s: %s\n", optionName(r), a.Report.Sentences.Services[r.ID].Misses)
	}
	if more := len(singles) - maxLeftOut; more > 0 {
		fmt.Fprintf(b, "* and %d more\n", more)
	}
}

// outcome writes the choice (in the layout's words, a format taking the
// option and the reasons) and its consequences, or that nothing qualifies.
func outcome(b *strings.Builder, a Record, options []engine.Ranked, chosen string) {
	if len(options) == 0 {
		b.WriteString("No option meets every must; the requirements or the constraints need another look.\n\n")
		if len(a.Report.Relax) > 0 {
			b.WriteString("The fewest musts to drop for one that does:\n\n")
			for _, r := range a.Report.Relax {
				fmt.Fprintf(b, "* %s\n", r)
			}
			b.WriteString("\n")
		}
		return
	}
	win := chosenOf(a, options)
	why := because(a)
	if win.ID != options[0].ID {
		why = strings.TrimSuffix(a.Reason, ".") + ". The advisor ranked " + optionName(options[0]) + " first: " + why
	}
	fmt.Fprintf(b, chosen, optionName(win), why)
	for _, line := range consequences(win, a) {
		fmt.Fprintf(b, "* %s\n", line)
	}
	b.WriteString("\n")
}

// confirmation says how the decision is checked (MADR's Confirmation):
// `advisor check` on the record, in CI, which fails once the requirements
// at its end lead elsewhere.
func confirmation(a Record, options []engine.Ranked) string {
	run := "Run `advisor check` on this record's file in CI"
	if a.Path != "" {
		run = "Run " + codeSpan("advisor check "+a.Path) + " in CI"
	}
	if len(options) == 0 {
		return run + ": it exits 4, naming the service, once one meets every must — because " + providerName(a) + " changed a service or the requirements at the end of this record were relaxed."
	}
	return run + ": it exits 4, saying what changed, once the requirements at the end of this record no longer lead to " + options[0].ID + " — because " + providerName(a) + " changed a service or the requirements were edited."
}

// codeSpan is s as inline code, its delimiter longer than any run of
// backticks in it (a path may hold one).
func codeSpan(s string) string {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// contextText is the requirements' context, else a problem statement made
// of what they do say: the title and what the messaging is for.
func contextText(a Record) string {
	if c := strings.TrimSpace(a.Context); c != "" {
		return c
	}
	question := "Which " + providerName(a) + " messaging service should carry it?"
	uses := useCaseWords(a)
	title := strings.TrimRight(oneLine(a.Title), ".:; ")
	switch {
	case title == "" || title == DefaultTitle:
		if uses == "" {
			return "Which " + providerName(a) + " messaging service should carry these messages? The drivers below decide it."
		}
		return "The messaging is for " + uses + ". " + question
	case uses == "":
		return title + ": " + lowerFirst(question[:len(question)-1]) + ", given the drivers below?"
	}
	return title + ": the messaging is for " + uses + ". " + question
}

// useCaseWords names the stated use cases, each with its meaning from the
// catalog: "broadcast (fan business events out to many independent
// subscribers) and work-queue (...)".
func useCaseWords(a Record) string {
	var words []string
	for _, id := range a.UseCases {
		w := id
		if a.Catalog != nil {
			if i := slices.IndexFunc(a.Catalog.UseCases, func(u catalog.UseCase) bool { return u.ID == id }); i >= 0 && a.Catalog.UseCases[i].Meaning != "" {
				w += " (" + strings.TrimSpace(a.Catalog.UseCases[i].Meaning) + ")"
			}
		}
		words = append(words, w)
	}
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// providerName is the name, as its knowledge says it, of the provider of
// the services weighed ("AWS").
func providerName(a Record) string {
	if len(a.Result.Ranking) > 0 {
		if s, ok := a.Base.Lookup(a.Result.Ranking[0].ID); ok {
			if p, ok := a.Base.Provider(s.Provider); ok {
				return p.Name
			}
		}
	}
	return "cloud"
}

func drivers(b *strings.Builder, a Record) {
	lines := driverLines(a)
	if len(lines) == 0 {
		return
	}
	b.WriteString("## Decision Drivers\n\n")
	for _, line := range lines {
		fmt.Fprintf(b, "* %s\n", line)
	}
	b.WriteString("\n")
}

// driverLines says each must and prefer in words.
func driverLines(a Record) []string {
	var out []string
	for _, c := range a.Report.Columns {
		k, _ := a.Catalog.Lookup(c.Key)
		kind := "Must"
		if !c.Must {
			kind = "Prefer"
		}
		words := report.Phrase(c.Key, c.Want)
		if k != nil {
			if d := k.Describe[c.Want]; d != "" {
				words += ": " + d
			} else if k.IsQuantity() {
				words += " (at least)"
			}
		}
		out = append(out, kind+": "+words)
	}
	return out
}

func because(a Record) string {
	why := strings.Join(a.Report.Why, " ")
	if why == "" {
		return "it ranks first."
	}
	return lowerFirst(why)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// consequences are what choosing the pick means, from its knowledge
// entry (the configuration judged): its own consequences, its caveats for
// what was stated, what the team must do for what it meets only under a
// requirement, the preferences it misses, what it cannot vouch for, and
// what it takes to run. None restates a requirement.
func consequences(win engine.Ranked, a Record) []string {
	var out []string
	said := a.Report.Sentences.Services[win.ID]
	s, _ := a.Base.Lookup(win.ID)
	if s != nil {
		vs := s.Configurations()
		if win.VariantIndex < len(vs) {
			for _, c := range vs[win.VariantIndex].Consequences {
				out = append(out, fmt.Sprintf("%s, because %s.", upperFirst(c.Kind), strings.TrimSuffix(c.Text, ".")))
			}
		}
	}
	for _, c := range win.Caveats {
		out = append(out, "Bad, because "+strings.TrimSuffix(lowerFirst(c.Text), ".")+".")
	}
	for _, q := range win.Requires {
		if q.Kind == ruleset.RequiresVariant {
			out = append(out, "Neutral, because it must be set up as "+q.Text+", not its default configuration.")
			continue
		}
		out = append(out, "Bad, because it needs "+report.KindWords(q.Kind)+": "+strings.TrimSuffix(q.Text, ".")+".")
	}
	for _, r := range said.Missed {
		out = append(out, "Bad, because it "+r+".")
	}
	for _, c := range win.Unverified {
		out = append(out, "Neutral, because "+report.Phrase(c.Key, c.Want)+" cannot be verified (AWS does not publish the limit): "+strings.TrimSuffix(c.Measure, ".")+".")
	}
	if e := win.Breakdown.Simplicity; e.Effort > 3 {
		out = append(out, fmt.Sprintf("Bad, because it takes effort %d of 10 to run and pay for: %s.", e.Effort, e.Note))
	}
	return out
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// prosCons weighs an option r, whose reasons are said.
func prosCons(r engine.Ranked, said report.Reasons) []string {
	var out []string
	for i, c := range r.Met {
		line := "Good, because it " + said.Met[i]
		if c.Condition != "" {
			line = "Neutral, because it " + said.Met[i]
		}
		out = append(out, line+".")
	}
	for _, reason := range said.Missed {
		out = append(out, "Bad, because it "+reason+".")
	}
	out = append(out, fmt.Sprintf("Neutral, because its score is %.1f of 100 (fit %.1f, kind of service %.1f, simplicity %.1f).",
		r.Score, r.Breakdown.Fit.Points, r.Breakdown.Affinity.Points, r.Breakdown.Simplicity.Points))
	return out
}

func summaryOf(a Record, id string) string {
	if s, ok := a.Base.Lookup(id); ok {
		return strings.TrimSpace(s.Summary)
	}
	return ""
}

// factOf is the fact on key of the variant judged (variant) of s.
func factOf(s *kb.Service, variant int, cat *catalog.Catalog, key string) *kb.Fact {
	if s == nil {
		return nil
	}
	vs := s.Configurations()
	if variant < 0 || variant >= len(vs) {
		return nil
	}
	return vs[variant].Fact(cat.Index(key))
}

// moreInformation lists the sources behind the facts used, the knowledge
// base's date and the requirements, so that the record stands on its own.
func moreInformation(b *strings.Builder, a Record, options []engine.Ranked) {
	b.WriteString("## More Information\n\n")
	var sources []string
	newest := ""
	for _, s := range a.Base.Services {
		for _, v := range s.Configurations() {
			for _, f := range v.Facts {
				if f.Recorded() && f.Checked > newest {
					newest = f.Checked
				}
			}
		}
	}
	for _, o := range options {
		s, ok := a.Base.Lookup(o.ID)
		if !ok {
			continue
		}
		for _, c := range a.Report.Columns {
			if f := factOf(s, o.VariantIndex, a.Catalog, c.Key); f != nil && f.Source != "" {
				line := fmt.Sprintf("%s, %s: <%s> (checked %s)", o.ID, c.Key, f.Source, f.Checked)
				if !slices.Contains(sources, line) {
					sources = append(sources, line)
				}
			}
		}
	}
	fmt.Fprintf(b, "Recommended by `advisor` against its knowledge base of %d services, last checked %s.\n", len(a.Base.Services), newest)
	fmt.Fprintf(b, "Re-check this record when %s changes a service: `advisor check` on this file.\n\n", providerName(a))
	if len(sources) > 0 {
		b.WriteString("Sources of the facts weighed:\n\n")
		for _, s := range sources {
			fmt.Fprintf(b, "* %s\n", s)
		}
		b.WriteString("\n")
	}
	chosen := NoChoice
	if len(options) > 0 {
		chosen = chosenOf(a, options).ID
	}
	req := a.Requirements
	if !strings.HasSuffix(req, "\n") {
		req += "\n"
	}
	fence := Fence(req)
	fmt.Fprintf(b, "The requirements, which `advisor check` runs again, and what the decision relied on:\n\n%s%s -->\n%syaml\n%s%s\n", ChosenMarker, chosen, fence, req, fence)
	_ = writeProvenance(b, provenance(a, options))
}

// provenance is what the record keeps of how the decision was made: the
// advisor, knowledge and rules that made it, the pick, and each fact of
// the chosen configuration that a requirement was judged on.
func provenance(a Record, options []engine.Ranked) Provenance {
	p := Provenance{Advisor: a.Advisor, Knowledge: a.Base.Digest, Rules: a.RulesDigest, Written: a.Date}
	if len(options) == 0 {
		return p
	}
	win := chosenOf(a, options)
	p.Top = options[0].ID
	if win.ID != p.Top {
		p.Reason = a.Reason
	}
	if win.Variant != nil {
		p.Variant = win.Variant.ID
	}
	s, _ := a.Base.Lookup(win.ID)
	for _, list := range [][]engine.Check{win.Met, win.Unverified} {
		for _, c := range list {
			r := Relied{Key: c.Key, Value: c.Have}
			if c.Requires != nil {
				r.Value += " (" + c.Requires.Kind + ": " + c.Requires.Text + ")"
				r.Source = c.Requires.Source
			}
			if f := factOf(s, win.VariantIndex, a.Catalog, c.Key); f != nil {
				if r.Source == "" {
					r.Source = f.Source
				}
				r.Checked = f.Checked
			}
			p.ReliedOn = append(p.ReliedOn, r)
		}
	}
	return p
}

// oneLine is a title for a heading: its line breaks would end the heading
// and start lines of their own.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func yamlList(items []string) string {
	if len(items) == 0 {
		return "[]"
	}
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

package render

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/textwrap"
)

// ServiceSummary is one line of `advisor services`.
type ServiceSummary struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Family   string `json:"family"`
	Paradigm string `json:"paradigm"`
	Summary  string `json:"summary"`
}

// ServiceFacts is everything `advisor services show` tells about a service.
type ServiceFacts struct {
	ServiceSummary
	Provider string     `json:"provider"`
	Docs     string     `json:"docs"`
	Effort   kb.Effort  `json:"effort"`
	Pricing  kb.Sourced `json:"pricing"`
	UseCases []string   `json:"use_cases"`
	// Facts are the default configuration's; Variants, when the service
	// has named ones, each with the facts that differ from the default's.
	Facts    []FactOut    `json:"facts"`
	Variants []VariantOut `json:"variants,omitempty"`
	Limits   []kb.Limit   `json:"limits"`
}

// VariantOut is one configuration of a service: the facts it changes.
type VariantOut struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Summary string    `json:"summary,omitempty"`
	Default bool      `json:"default"`
	Facts   []FactOut `json:"facts"`
}

// TierOut is a fact's value in some Regions.
type TierOut struct {
	In    []string `json:"in"`
	Value string   `json:"value"`
}

// FactOut is one fact with its source, for output.
type FactOut struct {
	Key     string      `json:"key"`
	Value   string      `json:"value"`
	Per     string      `json:"per,omitempty"`
	Note    string      `json:"note,omitempty"`
	Measure string      `json:"measure,omitempty"` // an unknown: what to measure
	Source  string      `json:"source"`
	Checked string      `json:"checked"`
	Regions []TierOut   `json:"regions,omitempty"`
	Options []OptionOut `json:"options,omitempty"`
}

// OptionOut is a value reached under a typed requirement.
type OptionOut struct {
	Value     string   `json:"value"`
	Kind      string   `json:"kind"`
	Condition string   `json:"condition"`
	In        []string `json:"in,omitempty"`
	Source    string   `json:"source"`
	Checked   string   `json:"checked"`
}

// Summaries lists services grouped by family.
func Summaries(services []*kb.Service) []ServiceSummary {
	var out []ServiceSummary
	for _, s := range services {
		out = append(out, ServiceSummary{s.ID, s.Name, s.Family, s.Paradigm, s.Summary})
	}
	sortSummaries(out)
	return out
}

// sortSummaries orders by family, then id, with the combinations last.
func sortSummaries(list []ServiceSummary) {
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if ca, cb := a.Family == "combinations", b.Family == "combinations"; ca != cb {
			return cb
		}
		if a.Family != b.Family {
			return a.Family < b.Family
		}
		return a.ID < b.ID
	})
}

// Facts gathers every fact of s, in catalog order.
func Facts(s *kb.Service, cat *catalog.Catalog) ServiceFacts {
	out := ServiceFacts{ServiceSummary: ServiceSummary{s.ID, s.Name, s.Family, s.Paradigm, s.Summary},
		Provider: s.Provider, Docs: s.Docs, Effort: s.Effort, Pricing: s.Pricing, UseCases: s.UseCases, Limits: s.Limits}
	variants := s.Configurations()
	out.Facts = factsOut(&variants[0], cat, nil)
	if s.Named() {
		for i := range variants {
			v := &variants[i]
			vo := VariantOut{ID: v.ID, Name: v.Name, Summary: v.Summary, Default: i == 0, Facts: []FactOut{}}
			if i > 0 {
				vo.Facts = factsOut(v, cat, &variants[0])
			}
			out.Variants = append(out.Variants, vo)
		}
	}
	return out
}

// factsOut lists a variant's facts, keys then measures, in catalog order;
// with base, only those that differ from base's.
func factsOut(v *kb.Variant, cat *catalog.Catalog, base *kb.Variant) []FactOut {
	var out []FactOut
	add := func(key string, f, was *kb.Fact) {
		if base != nil && sameFact(f, was) {
			return
		}
		if f == nil {
			out = append(out, FactOut{Key: key, Value: "not recorded"})
			return
		}
		fo := FactOut{Key: key, Value: f.Text, Per: f.Per, Note: f.Note, Measure: f.Measure, Source: f.Source, Checked: f.Checked}
		for _, t := range f.Regions {
			fo.Regions = append(fo.Regions, TierOut{In: t.In, Value: t.Text})
		}
		for _, o := range f.Options {
			src, day := o.SourceOf(f)
			fo.Options = append(fo.Options, OptionOut{o.Text, o.Kind, o.Condition, o.In, src, day})
		}
		out = append(out, fo)
	}
	for i, k := range cat.Keys {
		var was *kb.Fact
		if base != nil {
			was = base.Fact(i)
		}
		add(k.Key, v.Fact(i), was)
	}
	for i, m := range cat.Measures {
		var was *kb.Fact
		if base != nil {
			was = base.Measure(i)
		}
		if f := v.Measure(i); f != nil || was != nil {
			add(m.Key, f, was)
		}
	}
	return out
}

// sameFact reports whether two facts say the same.
func sameFact(a, b *kb.Fact) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Text == b.Text && a.Note == b.Note && a.Source == b.Source && a.Per == b.Per &&
		len(a.Options) == len(b.Options) && len(a.Regions) == len(b.Regions)
}

// ServicesTable writes the list for a terminal, grouped by family.
func ServicesTable(w io.Writer, list []ServiceSummary, width int) error {
	list = onScreen(list)
	width = fitWidth(width)
	var b strings.Builder
	idWidth, paradigmWidth := 0, 0
	for _, s := range list {
		idWidth, paradigmWidth = max(idWidth, textwrap.Width(s.ID)), max(paradigmWidth, textwrap.Width(s.Paradigm))
	}
	family := ""
	for _, s := range list {
		if s.Family != family {
			if family != "" {
				b.WriteString("\n")
			}
			family = s.Family
			b.WriteString(family + "\n")
		}
		b.WriteString(textwrap.Wrap(fmt.Sprintf("  %-*s %-*s  ", idWidth, s.ID, paradigmWidth, s.Paradigm), s.Name, width))
		b.WriteString("      " + oneLine(s.Summary, width-6) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ServicesMarkdown writes the list as a Markdown table.
func ServicesMarkdown(w io.Writer, list []ServiceSummary) error {
	list = onScreen(list)
	var b strings.Builder
	b.WriteString("| family | id | name | paradigm | summary |\n|---|---|---|---|---|\n")
	for _, s := range list {
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s |\n", s.Family, s.ID, mdCell(s.Name), s.Paradigm, mdCell(s.Summary))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// factLines writes facts for a terminal, each key at lead.
func factLines(b *strings.Builder, facts []FactOut, lead string, keyWidth, width int) {
	indent := lead + strings.Repeat(" ", keyWidth+1)
	for _, x := range facts {
		line := x.Value
		if x.Per != "" {
			line += " per " + x.Per
		}
		b.WriteString(textwrap.Wrap(fmt.Sprintf("%s%-*s ", lead, keyWidth, x.Key), line, width))
		for _, t := range x.Regions {
			b.WriteString(textwrap.Wrap(indent+"in ", strings.Join(t.In, ", ")+": "+t.Value, width))
		}
		for _, o := range x.Options {
			b.WriteString(textwrap.Wrap(indent+"or ", o.Value+" with "+o.Condition+" ("+o.Kind+")", width))
		}
		if x.Measure != "" {
			b.WriteString(textwrap.Wrap(indent+"measure: ", x.Measure, width))
		}
		if x.Note != "" {
			b.WriteString(textwrap.Wrap(indent, x.Note, width))
		}
		if x.Source != "" {
			b.WriteString(textwrap.Wrap(indent, x.Source+" (checked "+x.Checked+")", width))
		}
	}
}

// FactsText writes one service's facts for a terminal or, with md, as Markdown.
func FactsText(w io.Writer, f ServiceFacts, width int, md bool) error {
	f = onScreen(f)
	width = fitWidth(width)
	var b strings.Builder
	if md {
		fmt.Fprintf(&b, "# %s (`%s`)\n\n%s\n\nFamily `%s`, paradigm `%s`. Docs: %s\n\n", f.Name, f.ID, f.Summary, f.Family, f.Paradigm, f.Docs)
		b.WriteString("| key | value | note | source |\n|---|---|---|---|\n")
		for _, x := range f.Facts {
			val := x.Value
			if x.Per != "" {
				val += " per " + x.Per
			}
			for _, t := range x.Regions {
				val += "; in " + strings.Join(t.In, ", ") + ": " + t.Value
			}
			for _, o := range x.Options {
				val += "; " + o.Value + " with " + o.Condition + " (" + o.Kind + ")"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s (checked %s) |\n", x.Key, mdCell(val), mdCell(strings.TrimSpace(x.Note+" "+x.Measure)), x.Source, x.Checked)
		}
		for _, v := range f.Variants {
			fmt.Fprintf(&b, "\n## Variant `%s`: %s\n\n%s\n", v.ID, mdCell(v.Name), mdCell(v.Summary))
			if v.Default {
				b.WriteString("\nThe default: the facts above.\n")
				continue
			}
			b.WriteString("\n| key | value | note | source |\n|---|---|---|---|\n")
			for _, x := range v.Facts {
				fmt.Fprintf(&b, "| `%s` | %s | %s | %s (checked %s) |\n", x.Key, mdCell(x.Value), mdCell(x.Note), x.Source, x.Checked)
			}
		}
		b.WriteString("\n## Limits\n\n")
		for _, l := range f.Limits {
			fmt.Fprintf(&b, "* %s: %s%s%s (%s, checked %s)\n", l.Name, l.Value, prefixed(" per ", l.Per), prefixed(", ", l.Condition), l.Source, l.Checked)
		}
		fmt.Fprintf(&b, "\n## Running it\n\n* Effort %d of 10: %s (%s)\n* Pricing: %s (%s)\n\n## Use cases\n\n", f.Effort.Value, f.Effort.Note, f.Effort.Source, f.Pricing.Summary, f.Pricing.Source)
		for _, u := range f.UseCases {
			fmt.Fprintf(&b, "* %s\n", u)
		}
	} else {
		b.WriteString(textwrap.Wrap("", fmt.Sprintf("%s (%s): family %s, paradigm %s", f.Name, f.ID, f.Family, f.Paradigm), width))
		b.WriteString(textwrap.Wrap("", f.Summary, width))
		b.WriteString(textwrap.Wrap("Docs: ", f.Docs, width) + "\nFacts\n")
		keyWidth := 0
		for _, x := range f.Facts {
			keyWidth = max(keyWidth, textwrap.Width(x.Key))
		}
		factLines(&b, f.Facts, "  ", keyWidth, width)
		if len(f.Variants) > 0 {
			b.WriteString("\nVariants (a service is judged by its best; each is a whole configuration)\n")
			for _, v := range f.Variants {
				head := v.ID + ": " + v.Name
				if v.Default {
					head += " (the default, whose facts are above)"
				}
				b.WriteString(textwrap.Wrap("  - ", head, width))
				if v.Summary != "" {
					b.WriteString(textwrap.Wrap("    ", v.Summary, width))
				}
				factLines(&b, v.Facts, "    ", keyWidth, width)
			}
		}
		b.WriteString("\nLimits\n")
		for _, l := range f.Limits {
			b.WriteString(textwrap.Wrap("  - ", fmt.Sprintf("%s: %s%s%s (checked %s)", l.Name, l.Value, prefixed(" per ", l.Per), prefixed(", ", l.Condition), l.Checked), width))
			b.WriteString(textwrap.Wrap("    ", l.Source, width))
		}
		b.WriteString("\n")
		b.WriteString(textwrap.Wrap("Effort: ", fmt.Sprintf("%d of 10: %s", f.Effort.Value, f.Effort.Note), width))
		b.WriteString(textwrap.Wrap("Pricing: ", f.Pricing.Summary, width))
		b.WriteString("\nUse cases\n")
		for _, u := range f.UseCases {
			b.WriteString(textwrap.Wrap("  - ", u, width))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

// oneLine cuts text to n characters at a word, marking the cut with "…".
func oneLine(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if len([]rune(text)) <= n {
		return text
	}
	r := []rune(text)[:n-1]
	if i := strings.LastIndex(string(r), " "); i > n/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

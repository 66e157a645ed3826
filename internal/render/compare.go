package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/textwrap"
)

// Comparison is facts side by side: a row per catalog key, a column per
// service (or per family).
type Comparison struct {
	Columns []CompareColumn `json:"columns"`
	Rows    []CompareRow    `json:"rows"`
}

// CompareColumn is one service, or one family with its variants.
type CompareColumn struct {
	ID       string   `json:"id"` // the service, or the family
	Name     string   `json:"name"`
	Variants []string `json:"variants,omitempty"` // family view: every service of the family
	Docs     string   `json:"docs"`
	Effort   int      `json:"effort"`
	Pricing  string   `json:"pricing"`
}

// CompareRow is one key across the columns.
type CompareRow struct {
	Key   string        `json:"key"`
	Title string        `json:"title"`
	Cells []CompareCell `json:"cells"`
}

// CompareCell is what one column offers for a key, with where it comes from.
type CompareCell struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// Compare builds the comparison of services in the given order.
func Compare(services []*kb.Service, cat *catalog.Catalog) Comparison {
	var c Comparison
	for _, s := range services {
		c.Columns = append(c.Columns, CompareColumn{ID: s.ID, Name: s.Name, Docs: s.Docs, Effort: s.Effort.Value, Pricing: s.Pricing.Summary})
	}
	for i, k := range cat.Keys {
		row := CompareRow{Key: k.Key, Title: k.Title}
		for _, s := range services {
			text, src := factText(s, i)
			row.Cells = append(row.Cells, CompareCell{Text: text, Sources: src})
		}
		c.Rows = append(c.Rows, row)
	}
	return c
}

// CompareFamilies puts one column per family: the family's own service
// (the one whose id is the family's, else the first), and each variant's
// value where it differs ("none; sqs-fifo: strict").
func CompareFamilies(services []*kb.Service, cat *catalog.Catalog) Comparison {
	var families []string
	byFamily := map[string][]*kb.Service{}
	for _, s := range services {
		if _, seen := byFamily[s.Family]; !seen {
			families = append(families, s.Family)
		}
		byFamily[s.Family] = append(byFamily[s.Family], s)
	}
	base := func(f string) *kb.Service {
		for _, s := range byFamily[f] {
			if s.ID == f {
				return s
			}
		}
		return byFamily[f][0]
	}
	var c Comparison
	for _, f := range families {
		list, base := byFamily[f], base(f)
		col := CompareColumn{ID: f, Name: base.Name, Docs: base.Docs, Effort: base.Effort.Value, Pricing: base.Pricing.Summary}
		for _, s := range list {
			col.Variants = append(col.Variants, s.ID)
		}
		c.Columns = append(c.Columns, col)
	}
	for i, k := range cat.Keys {
		row := CompareRow{Key: k.Key, Title: k.Title}
		for _, f := range families {
			baseSvc := base(f)
			text, src := factText(baseSvc, i)
			// A builder, not +=: a family of thousands of variants that
			// differ would copy the growing text once per variant.
			var b strings.Builder
			b.WriteString(text)
			for _, s := range byFamily[f] {
				if s == baseSvc {
					continue
				}
				if t, vs := factText(s, i); t != text {
					b.WriteString("; " + s.ID + ": " + t)
					src = append(src, vs...)
				}
			}
			row.Cells = append(row.Cells, CompareCell{Text: b.String(), Sources: src})
		}
		c.Rows = append(c.Rows, row)
	}
	return c
}

// factText writes the fact on catalog key i of s: its default
// configuration's value, with the values it reaches under a requirement
// marked "*" and those of its other configurations marked "†".
func factText(s *kb.Service, i int) (string, []string) {
	f := s.Fact(i)
	if f == nil {
		return "not recorded", nil
	}
	text := f.Text
	shown := []string{f.Text}
	for _, o := range f.Options {
		if !slices.Contains(shown, o.Text) {
			text += " (" + o.Text + "*)"
			shown = append(shown, o.Text)
		}
	}
	src := []string{f.Source}
	for _, o := range f.Options {
		if s, _ := o.SourceOf(f); !slices.Contains(src, s) {
			src = append(src, s)
		}
	}
	vs := s.Configurations()
	for j := 1; j < len(vs); j++ {
		if g := vs[j].Fact(i); g != nil && !slices.Contains(shown, g.Text) {
			text += " (" + g.Text + "†)"
			shown = append(shown, g.Text)
			if !slices.Contains(src, g.Source) {
				src = append(src, g.Source)
			}
		}
	}
	return text, src
}

// CompareTable writes the comparison for a terminal: the key column stays,
// the service columns split over as many tables as width needs.
func CompareTable(w io.Writer, c Comparison, width int) error {
	c = onScreen(c)
	width = fitWidth(width)
	header := []string{"Key"}
	for _, col := range c.Columns {
		header = append(header, col.ID)
	}
	var rows [][]string
	for _, r := range c.Rows {
		row := []string{r.Title}
		for _, cell := range r.Cells {
			row = append(row, cell.Text)
		}
		rows = append(rows, row)
	}
	effort := []string{"Effort"}
	for _, col := range c.Columns {
		effort = append(effort, fmt.Sprintf("%d of 10", col.Effort))
	}
	rows = append(rows, effort)
	if err := drawSplit(w, header, rows, 1, 0, width); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(textwrap.Wrap("", "* only under a requirement (an opt-in, a client change...); † in another configuration; `advisor services show ID` tells which", width))
	for _, col := range c.Columns {
		b.WriteString(textwrap.Wrap("  "+col.ID+": ", col.Docs, width))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// CompareMarkdown writes the comparison as one Markdown table with the
// sources after it.
func CompareMarkdown(w io.Writer, c Comparison) error {
	c = onScreen(c)
	var b strings.Builder
	b.WriteString("| Key |")
	sep := "|---|"
	for _, col := range c.Columns {
		fmt.Fprintf(&b, " `%s` |", col.ID)
		sep += "---|"
	}
	b.WriteString("\n" + sep + "\n")
	for _, r := range c.Rows {
		fmt.Fprintf(&b, "| %s |", mdCell(r.Title))
		for _, cell := range r.Cells {
			fmt.Fprintf(&b, " %s |", mdCell(cell.Text))
		}
		b.WriteString("\n")
	}
	b.WriteString("| Effort |")
	for _, col := range c.Columns {
		fmt.Fprintf(&b, " %d of 10 |", col.Effort)
	}
	b.WriteString("\n\n\\* only under a requirement (an opt-in, a client change...); † in another configuration of the service.\n\n## Sources\n\n")
	for j, col := range c.Columns {
		fmt.Fprintf(&b, "* `%s` (%s): %s\n", col.ID, col.Name, col.Docs)
		seen := map[string]bool{col.Docs: true}
		for _, r := range c.Rows {
			for _, s := range r.Cells[j].Sources {
				if !seen[s] {
					seen[s] = true
					fmt.Fprintf(&b, "  * %s\n", s)
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

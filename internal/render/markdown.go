package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/advisor-dev/advisor/internal/report"
)

// Markdown writes the report for design-review documents.
func Markdown(w io.Writer, rep report.Report) error {
	rep = onScreen(rep)
	var b strings.Builder
	title := rep.Title
	if title == "" {
		title = "Messaging service recommendation"
	}
	fmt.Fprintf(&b, "# %s\n\n**%s**\n\n", mdText(title), mdText(rep.Headline))
	for _, line := range rep.Why {
		fmt.Fprintf(&b, "* %s\n", mdText(line))
	}
	if len(rep.Others) > 0 {
		b.WriteString("\n## Other services\n\n")
		for _, o := range rep.Others {
			score := fmt.Sprintf("%.1f", o.Score)
			if !o.Eligible {
				score = "not eligible"
			}
			fmt.Fprintf(&b, "%d. `%s` (%s): %s\n", o.Rank, o.ID, score, mdText(o.Why))
		}
	}
	if len(rep.Excluded) > 0 {
		fmt.Fprintf(&b, "\nExcluded: %s\n", "`"+strings.Join(rep.Excluded, "`, `")+"`")
	}
	if len(rep.WhatIf) > 0 {
		b.WriteString("\n## What would change the pick\n\n")
		for _, w := range rep.WhatIf {
			fmt.Fprintf(&b, "* %s\n", mdText(w))
		}
	}
	if rep.Chart != "" {
		b.WriteString("\n## Cost by volume\n\n" + rep.Chart)
	}
	if len(rep.Relax) > 0 {
		b.WriteString("\n## What to relax\n\n")
		for _, r := range rep.Relax {
			fmt.Fprintf(&b, "* %s\n", mdText(r))
		}
	}
	if len(rep.Rows) > 0 {
		b.WriteString("\n## Comparison\n\n| # | Service | Score |")
		sep := "|--:|---|--:|"
		if rep.Costs {
			b.WriteString(" $/month |")
			sep += "--:|"
		}
		for _, c := range rep.Columns {
			kind := "must"
			if !c.Must {
				kind = "prefer"
			}
			fmt.Fprintf(&b, " %s (%s %s) |", mdCell(c.Title), kind, mdCell(c.Want))
			sep += "---|"
		}
		b.WriteString("\n" + sep + "\n")
		for _, r := range rep.Rows {
			rank := fmt.Sprint(r.Rank)
			if !r.Eligible {
				rank = "-"
			}
			fmt.Fprintf(&b, "| %s | `%s` | %.1f |", rank, r.ID, r.Score)
			if rep.Costs {
				fmt.Fprintf(&b, " %s |", r.Cost)
			}
			for _, c := range r.Cells {
				fmt.Fprintf(&b, " %s |", mdCell(cellText(c)))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n✓ meets, ✗ misses, ✓* meets only under a condition; - misses a must.\n")
	}
	if len(rep.Explain) > 0 {
		b.WriteString("\n## How each score is made\n")
		for _, e := range rep.Explain {
			fmt.Fprintf(&b, "\n### `%s`: %.1f\n\n", e.ID, e.Score)
			if e.Out != "" {
				fmt.Fprintf(&b, "%s\n\n", mdText(e.Out))
			}
			for _, p := range e.Parts {
				fmt.Fprintf(&b, "* %s %.1f of %g\n", p.Name, p.Points, p.Max)
				for _, l := range p.Lines {
					fmt.Fprintf(&b, "  * %s\n", mdText(l))
				}
			}
			if e.CostHead != "" {
				fmt.Fprintf(&b, "* %s\n", mdText(e.CostHead))
				for _, l := range e.Cost {
					fmt.Fprintf(&b, "  * %s\n", mdText(l))
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell escapes a table cell: a pipe would end the cell, a newline the row.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

// mdText keeps free text from starting Markdown constructs by accident.
func mdText(s string) string {
	return strings.ReplaceAll(s, "\n", " ")
}

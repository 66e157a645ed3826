package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/advisor-dev/advisor/internal/report"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

const (
	ansiBold  = "\x1b[1m"
	ansiGreen = "\x1b[32m"
	ansiRed   = "\x1b[31m"
	ansiDim   = "\x1b[2m"
	ansiReset = "\x1b[0m"
)

// Table writes the report for a terminal: headline, why, the others, and
// the comparison table, within st.Width columns.
func Table(w io.Writer, rep report.Report, st Style) error {
	paint := func(code, s string) string {
		if !st.Color {
			return s
		}
		return code + s + ansiReset
	}
	width := st.Width
	if width <= 0 {
		width = 80
	}
	var b strings.Builder
	if rep.Title != "" {
		b.WriteString(paint(ansiBold, rep.Title) + "\n\n")
	}
	color := ansiGreen
	if len(rep.Rows) == 0 || !rep.Rows[0].Eligible {
		color = ansiRed
	}
	b.WriteString(paint(ansiBold+color, rep.Headline) + "\n")
	for _, line := range rep.Why {
		b.WriteString(wrap("  - ", line, width))
	}
	if len(rep.Others) > 0 {
		b.WriteString("\n" + paint(ansiBold, "Others") + "\n")
		for _, o := range rep.Others {
			mark := fmt.Sprintf("%5.1f", o.Score)
			if !o.Eligible {
				mark = "    -"
			}
			b.WriteString(wrap(fmt.Sprintf("  %2d. %-21s %s  ", o.Rank, o.ID, mark), o.Why, width))
		}
	}
	if len(rep.Excluded) > 0 {
		b.WriteString(wrap("\nExcluded: ", strings.Join(rep.Excluded, ", "), width))
	}
	b.WriteString("\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return comparison(w, rep, width, paint)
}

func comparison(w io.Writer, rep report.Report, width int, paint func(string, string) string) error {
	if len(rep.Rows) == 0 {
		return nil
	}
	header := []string{"#", "Service", "Score"}
	for _, c := range rep.Columns {
		kind := "must"
		if !c.Must {
			kind = "prefer"
		}
		header = append(header, c.Title+" ("+kind+" "+c.Want+")")
	}
	conditional := false
	table := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithHeaderAutoWrap(tw.WrapNormal),
		tablewriter.WithMaxWidth(width),
		tablewriter.WithTrimSpace(tw.On),
	)
	table.Header(header)
	for _, r := range rep.Rows {
		rank := fmt.Sprint(r.Rank)
		if !r.Eligible {
			rank = "-"
		}
		row := []string{rank, r.ID, fmt.Sprintf("%.1f", r.Score)}
		for _, c := range r.Cells {
			row = append(row, cellText(c))
			conditional = conditional || c.Condition
		}
		if err := table.Append(row); err != nil {
			return err
		}
	}
	if err := table.Render(); err != nil {
		return err
	}
	legend := "✓ meets, ✗ misses; - misses a must"
	if conditional {
		legend += "; ✓* meets only under a condition (see notes)"
	}
	_, err := io.WriteString(w, paint(ansiDim, legend)+"\n")
	return err
}

func cellText(c report.Cell) string {
	switch {
	case c.Met && c.Condition:
		return "✓* " + c.Have
	case c.Met:
		return "✓ " + c.Have
	}
	return "✗ " + c.Have
}

// wrap writes text after prefix, folding at width with a hanging indent.
func wrap(prefix, text string, width int) string {
	indent := strings.Repeat(" ", len([]rune(strings.TrimLeft(prefix, "\n"))))
	var b strings.Builder
	line := prefix
	lineLen := len([]rune(strings.TrimLeft(prefix, "\n")))
	start := true
	for _, word := range strings.Fields(text) {
		n := len([]rune(word))
		if !start && lineLen+1+n > width {
			b.WriteString(line + "\n")
			line, lineLen = indent+word, len(indent)+n
			continue
		}
		if !start {
			line += " "
			lineLen++
		}
		line += word
		lineLen += n
		start = false
	}
	b.WriteString(line + "\n")
	return b.String()
}

package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/advisor-dev/advisor/internal/report"
	"github.com/advisor-dev/advisor/internal/textwrap"
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
	rep = onScreen(rep)
	paint := func(code, s string) string {
		if !st.Color {
			return s
		}
		return code + s + ansiReset
	}
	width := fitWidth(st.Width)
	var b strings.Builder
	if rep.Title != "" {
		b.WriteString(paint(ansiBold, rep.Title) + "\n\n")
	}
	color := ansiGreen
	if len(rep.Rows) == 0 || !rep.Rows[0].Eligible {
		color = ansiRed
	}
	b.WriteString(paint(ansiBold+color, strings.TrimSuffix(textwrap.Wrap("", rep.Headline, width), "\n")) + "\n")
	for _, line := range rep.Why {
		b.WriteString(textwrap.Wrap("  - ", line, width))
	}
	if len(rep.Others) > 0 {
		b.WriteString("\n" + paint(ansiBold, "Others") + "\n")
		idWidth := 0
		for _, o := range rep.Others {
			idWidth = max(idWidth, textwrap.Width(o.ID))
		}
		for _, o := range rep.Others {
			mark := fmt.Sprintf("%5.1f", o.Score)
			if !o.Eligible {
				mark = "    -"
			}
			b.WriteString(textwrap.Wrap(fmt.Sprintf("  %2d. %-*s %s  ", o.Rank, idWidth, o.ID, mark), o.Why, width))
		}
	}
	if len(rep.Excluded) > 0 {
		b.WriteString(textwrap.Wrap("\nExcluded: ", strings.Join(rep.Excluded, ", "), width))
	}
	if len(rep.WhatIf) > 0 {
		b.WriteString("\n" + paint(ansiBold, "What would change the pick") + "\n")
		for _, w := range rep.WhatIf {
			b.WriteString(textwrap.Wrap("  - ", w, width))
		}
	}
	if len(rep.Relax) > 0 {
		b.WriteString("\n" + paint(ansiBold, "What to relax") + "\n")
		for _, r := range rep.Relax {
			b.WriteString(textwrap.Wrap("  - ", r, width))
		}
	}
	b.WriteString("\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if err := comparison(w, rep, width, paint); err != nil {
		return err
	}
	return explainText(w, rep, width, paint)
}

// explainText writes every score taken apart (--explain).
func explainText(w io.Writer, rep report.Report, width int, paint func(string, string) string) error {
	if len(rep.Explain) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("\n" + paint(ansiBold, "How each score is made") + "\n")
	for _, e := range rep.Explain {
		fmt.Fprintf(&b, "\n%s  %.1f\n", paint(ansiBold, e.ID), e.Score)
		if e.Out != "" {
			b.WriteString(textwrap.Wrap("  ", e.Out, width))
		}
		for _, p := range e.Parts {
			fmt.Fprintf(&b, "  %s %.1f of %g\n", p.Name, p.Points, p.Max)
			for _, l := range p.Lines {
				b.WriteString(textwrap.Wrap("    ", l, width))
			}
		}
		if e.CostHead != "" {
			b.WriteString(textwrap.Wrap("  ", e.CostHead, width))
			for _, l := range e.Cost {
				b.WriteString(textwrap.Wrap("    ", l, width))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func comparison(w io.Writer, rep report.Report, width int, paint func(string, string) string) error {
	if len(rep.Rows) == 0 {
		return nil
	}
	header := []string{"#", "Service", "Score"}
	fixed := 3
	if rep.Costs {
		header, fixed = append(header, "$/month"), 4
	}
	for _, c := range rep.Columns {
		kind := "must"
		if !c.Must {
			kind = "prefer"
		}
		header = append(header, c.Title+" ("+kind+" "+c.Want+")")
	}
	conditional, unverified := false, false
	rows := [][]string{}
	for _, r := range rep.Rows {
		rank := fmt.Sprint(r.Rank)
		if !r.Eligible {
			rank = "-"
		}
		row := []string{rank, r.ID, fmt.Sprintf("%.1f", r.Score)}
		if rep.Costs {
			row = append(row, r.Cost)
		}
		for _, c := range r.Cells {
			row = append(row, cellText(c))
			conditional = conditional || c.Condition
			unverified = unverified || c.Unverified
		}
		rows = append(rows, row)
	}
	// When the key columns cannot all fit, they are split over several
	// tables, each repeating the rank, service and score.
	if err := drawSplit(w, header, rows, fixed, 1, width); err != nil {
		return err
	}
	legend := "✓ meets, ✗ misses; - misses a must"
	if conditional {
		legend += "; ✓* needs a requirement (see notes)"
	}
	if unverified {
		legend += "; ? unverified: AWS does not publish the limit"
	}
	_, err := io.WriteString(w, paint(ansiDim, strings.TrimSuffix(textwrap.Wrap("", legend, width), "\n"))+"\n")
	return err
}

func cellText(c report.Cell) string {
	switch {
	case c.Unverified:
		return "? " + c.Have
	case c.Met && c.Condition:
		return "✓* " + c.Have
	case c.Met:
		return "✓ " + c.Have
	}
	return "✗ " + c.Have
}

// drawSplit draws rows under header in as many tables as it takes to fit
// width with words whole, each repeating the first fixed columns; keep is
// the column that gives way last when a single column still has to fold.
// Each column is measured once: a column's width does not depend on the
// table it is drawn in, so that the time grows with the cells, not with
// the cells times the tables tried.
func drawSplit(w io.Writer, header []string, rows [][]string, fixed, keep, width int) error {
	_, whole, _ := columnWidths(append([][]string{header}, rows...))
	for first := fixed; first < len(header) || first == fixed; {
		// The most columns that fit with every word whole, and at least one.
		last := min(first+1, len(header))
		used := sum(whole[:fixed]) + sum(whole[first:last])
		for last < len(header) && used+whole[last]+border(fixed+last+1-first) <= width {
			used += whole[last]
			last++
		}
		if err := drawTable(w, pick(header, fixed, first, last), picks(rows, fixed, first, last), keep, width); err != nil {
			return err
		}
		if last >= len(header) {
			return nil
		}
		first = last
	}
	return nil
}

// pick keeps the fixed columns and columns [first, last) of a row.
func pick(row []string, fixed, first, last int) []string {
	return append(append([]string{}, row[:fixed]...), row[first:last]...)
}

func picks(rows [][]string, fixed, first, last int) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = pick(r, fixed, first, last)
	}
	return out
}

// drawTable folds the cells to widths planned to fit (tablewriter's own
// MaxWidth overshoots) and lets tablewriter draw them.
func drawTable(w io.Writer, header []string, rows [][]string, keep, width int) error {
	widths := planWidths(append([][]string{header}, rows...), width, keep)
	table := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
	)
	table.Header(foldRow(header, widths))
	for _, row := range rows {
		if err := table.Append(foldRow(row, widths)); err != nil {
			return err
		}
	}
	return table.Render()
}

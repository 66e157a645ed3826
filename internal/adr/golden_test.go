package adr_test

import (
	"bytes"
	"testing"

	"github.com/advisor-dev/advisor/internal/adr"
	"github.com/advisor-dev/advisor/internal/golden"
)

// TestGolden writes one ranking as a record in both layouts and compares
// them with testdata/*.golden (`go test ./internal/adr -update` rewrites them).
func TestGolden(t *testing.T) {
	f := golden.Ranking(t)
	record := func(format string, number int) adr.Record {
		return adr.Record{Format: format, Number: number, Date: "2026-11-27", Title: f.Req.Title, Context: f.Req.Context,
			Makers: []string{"Ana"}, Result: f.Result, Report: f.Report, Catalog: &f.Rules.Catalog, Base: f.Base,
			Requirements: golden.Requirements}
	}
	golden.Check(t, map[string]func(*bytes.Buffer) error{
		"madr.golden":   func(b *bytes.Buffer) error { return adr.Write(b, record(adr.Madr, 0)) },
		"nygard.golden": func(b *bytes.Buffer) error { return adr.Write(b, record(adr.Nygard, 3)) },
	})
}

package render_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/render"
	"github.com/advisor-dev/advisor/internal/report"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/snapshot"
)

var update = flag.Bool("update", os.Getenv("ADVISOR_UPDATE") == "1", "rewrite the golden files in testdata/")

const goldenReq = `version: 1
title: Order events for fulfilment
context: Three teams consume every order event; events of one order stay in order.
must:
  fanout: true
  ordering: per-key
  throughput: 2k/s
prefer:
  serverless: true
  latency: {value: realtime, weight: 2}
`

// TestGolden renders one ranking in every human format and compares it
// with testdata/*.golden; `go test ./internal/render -update` (or
// ADVISOR_UPDATE=1) rewrites them after an intended change.
func TestGolden(t *testing.T) {
	set, base, err := snapshot.Base()
	if err != nil {
		t.Fatal(err)
	}
	loader := &requirements.Loader{Catalog: &set.Catalog, IDs: base.IDs(), Providers: []string{"aws"}}
	req, err := loader.Load("req.yaml", []byte(goldenReq))
	if err != nil {
		t.Fatal(err)
	}
	res := engine.Rank(req, base, set)
	res.WhatIf = engine.WhatIfs(req, base, set, res)
	rep := report.Build(res, req, set, 0)
	rep.Explain = report.Explain(res)
	for name, write := range map[string]func(*bytes.Buffer) error{
		"table.golden":    func(b *bytes.Buffer) error { return render.Table(b, rep, render.Style{Width: 80}) },
		"color.golden":    func(b *bytes.Buffer) error { return render.Table(b, rep, render.Style{Width: 80, Color: true}) },
		"markdown.golden": func(b *bytes.Buffer) error { return render.Markdown(b, rep) },
	} {
		var got bytes.Buffer
		if err := write(&got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run with -update to create it)", name, err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s differs from the golden file; run `go test ./internal/render -update` if the change is intended\n--- got\n%s", name, got.String())
		}
	}
}

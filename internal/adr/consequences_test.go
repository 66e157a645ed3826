package adr_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/adr"
	"github.com/advisor-dev/advisor/internal/embedded"
	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/golden"
	"github.com/advisor-dev/advisor/internal/report"
	"github.com/advisor-dev/advisor/internal/requirements"
)

// What a decision record says choosing each service means: the real
// consequences of its knowledge entry, never the requirements restated.
// One golden file per family (testdata/consequences/FAMILY.golden), each
// service made the pick by excluding every other; -update rewrites them.
// This reads the embedded knowledge on purpose: the consequences are its
// facts, and a change to them should be seen in review.
func TestConsequencesPerFamily(t *testing.T) {
	set, base, err := embedded.Base()
	if err != nil {
		t.Fatal(err)
	}
	byFamily := map[string]*strings.Builder{}
	for _, s := range base.Services {
		if len(s.Parts) > 0 {
			continue
		}
		req := &requirements.Requirements{Version: 1, Provider: requirements.DefaultProvider}
		for _, o := range base.Services {
			if o.ID != s.ID {
				req.Exclude = append(req.Exclude, o.ID)
			}
		}
		res := engine.Rank(req, base, set)
		if res.Recommendation == nil || res.Recommendation.ID != s.ID {
			t.Fatalf("%s alone is not the pick: %+v", s.ID, res.Recommendation)
		}
		rep := report.Build(res, req, set, 0)
		var out bytes.Buffer
		if err := adr.Write(&out, adr.Record{Format: "madr", Date: "2026-11-30", Title: s.ID, Result: res, Report: rep,
			Catalog: &set.Catalog, Base: base, Requirements: "version: 1\n"}); err != nil {
			t.Fatal(err)
		}
		section := between(out.String(), "### Consequences\n", "\n### Confirmation")
		if strings.Contains(section, "needs ") && strings.Contains(section, "Good, because it ") {
			t.Errorf("%s: consequences restate requirements:\n%s", s.ID, section)
		}
		b := byFamily[s.Family]
		if b == nil {
			b = &strings.Builder{}
			byFamily[s.Family] = b
		}
		b.WriteString("## " + s.ID + "\n" + strings.TrimSpace(section) + "\n\n")
	}
	if err := os.MkdirAll(filepath.Join("testdata", "consequences"), 0o755); err != nil {
		t.Fatal(err)
	}
	writers := map[string]func(*bytes.Buffer) error{}
	for f, b := range byFamily {
		text := b.String()
		writers[filepath.Join("consequences", f+".golden")] = func(out *bytes.Buffer) error {
			_, err := out.WriteString(text)
			return err
		}
	}
	golden.Check(t, writers)
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		s = s[:j]
	}
	return s
}

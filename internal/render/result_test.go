package render_test

import (
	"bytes"
	"testing"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/golden"
	"github.com/advisor-dev/advisor/internal/render"
	"github.com/advisor-dev/advisor/internal/report"
)

// The same ranking, made again, writes the same bytes (TestGolden holds
// them to the golden file).
func TestResultDeterministic(t *testing.T) {
	write := func(b *bytes.Buffer) error {
		f := golden.Ranking(t)
		return render.Result(b, "json", f.Result, f.Report.Sentences, made)
	}
	var first bytes.Buffer
	if err := write(&first); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		var again bytes.Buffer
		if err := write(&again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), again.Bytes()) {
			t.Fatalf("run %d writes other bytes", i)
		}
	}
}

// The spec's shape where lists are empty: met, violations and notes are
// arrays, missed and parts are left out, no pick is null; HTML characters
// stay as they are.
func TestResultEmptyLists(t *testing.T) {
	res := engine.Result{Title: "<A&B>", Ranking: []engine.Ranked{{ID: "x", Name: "X", Family: "f", Paradigm: "queue",
		Breakdown: engine.Breakdown{Simplicity: engine.Part{Points: 1.5, Max: 15, Effort: 9, Note: "a & b"}}}}}
	const want = `{
  "version": 1,
  "title": "<A&B>",
  "advisor": {
    "version": "v1.2.3",
    "knowledge": {
      "digest": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "oldest_check": "2026-11-27"
    }
  },
  "recommendation": null,
  "ranking": [
    {
      "id": "x",
      "name": "X",
      "family": "f",
      "paradigm": "queue",
      "eligible": false,
      "score": 0,
      "requires": [],
      "met": [],
      "violations": [],
      "notes": [],
      "breakdown": {
        "fit": {
          "points": 0,
          "max": 0
        },
        "affinity": {
          "points": 0,
          "max": 0
        },
        "simplicity": {
          "points": 1.5,
          "max": 15,
          "effort": 9,
          "note": "a & b"
        }
      }
    }
  ]
}
`
	var got bytes.Buffer
	if err := render.Result(&got, "json", res, report.Sentences{}, made); err != nil {
		t.Fatal(err)
	}
	if got.String() != want {
		t.Errorf("got\n%s\nwant\n%s", got.String(), want)
	}
}

package adr_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/adr"
	"github.com/advisor-dev/advisor/internal/golden"
)

var newer = adr.Link{Number: 5, Title: "Order events, again", File: "0005-order-events-again.md"}

// The old record's status says it is superseded, with a link to the new
// one, and nothing else in it changes.
func TestSupersedeMADR(t *testing.T) {
	old := "---\nstatus: accepted\ndate: 2026-01-02\ndecision-makers: [\"Ana\"]\n---\n\n# Order events\n\nstatus: accepted stays in the body.\n"
	got, ok := adr.Supersede([]byte(old), newer)
	want := "---\nstatus: \"superseded by [ADR-0005](0005-order-events-again.md)\"\ndate: 2026-01-02\ndecision-makers: [\"Ana\"]\n---\n\n# Order events\n\nstatus: accepted stays in the body.\n"
	if !ok || string(got) != want {
		t.Errorf("Supersede = %v\n%s\nwant\n%s", ok, got, want)
	}
	if s, ok := adr.Status(got); !ok || s != "superseded by [ADR-0005](0005-order-events-again.md)" || !adr.Superseded(s) {
		t.Errorf("Status of the superseded record = %q, %v", s, ok)
	}
	// A status over several lines (a folded scalar) is replaced whole;
	// CRLF line endings stay.
	old = "---\r\nstatus: >\r\n  accepted\r\ndate: 2026-01-02\r\n---\r\n# T\r\n"
	got, ok = adr.Supersede([]byte(old), newer)
	want = "---\r\nstatus: \"superseded by [ADR-0005](0005-order-events-again.md)\"\r\ndate: 2026-01-02\r\n---\r\n# T\r\n"
	if !ok || string(got) != want {
		t.Errorf("Supersede (folded, CRLF) = %v %q, want %q", ok, got, want)
	}
}

func TestSupersedeNygard(t *testing.T) {
	for _, c := range []struct{ name, old, want string }{
		{"accepted",
			"# 3. Order events\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nStatus: Accepted in the context stays.\n",
			"# 3. Order events\n\nDate: 2026-01-02\n\n## Status\n\nSuperseded by [5. Order events, again](0005-order-events-again.md)\n\n## Context\n\nStatus: Accepted in the context stays.\n"},
		{"proposed, with a link kept",
			"# 3. T\n\n## Status\n\nProposed\n\nAmends [2. Older](0002-older.md)\n\n## Context\n\nx\n",
			"# 3. T\n\n## Status\n\nAmends [2. Older](0002-older.md)\n\nSuperseded by [5. Order events, again](0005-order-events-again.md)\n\n## Context\n\nx\n"},
		{"the last section, CRLF",
			"# 3. T\r\n\r\n## Status\r\n\r\nAccepted\r\n",
			"# 3. T\r\n\r\n## Status\r\n\r\nSuperseded by [5. Order events, again](0005-order-events-again.md)\r\n"},
		{"a Status heading in a code block is not the section",
			"# 3. T\n\n```\n## Status\n```\n\n## Status\n\nAccepted\n",
			"# 3. T\n\n```\n## Status\n```\n\n## Status\n\nSuperseded by [5. Order events, again](0005-order-events-again.md)\n"},
	} {
		got, ok := adr.Supersede([]byte(c.old), newer)
		if !ok || string(got) != c.want {
			t.Errorf("%s: Supersede = %v\n%q\nwant\n%q", c.name, ok, got, c.want)
		}
	}
}

// Neither a front matter status nor a Status section: nothing to change.
func TestSupersedeWithoutStatus(t *testing.T) {
	for _, old := range []string{"# Notes\n\nNo status here.\n", "---\ndate: 2026-01-02\n---\n# T\n", "", "---\nstatus: accepted\n"} {
		if got, ok := adr.Supersede([]byte(old), newer); ok {
			t.Errorf("Supersede(%q) = %q, true; want false", old, got)
		}
		if s, ok := adr.Status([]byte(old)); ok {
			t.Errorf("Status(%q) = %q, true; want false", old, s)
		}
	}
}

func TestTitle(t *testing.T) {
	for data, want := range map[string]string{
		"# 3. Order events\n\nDate: x\n":                             "Order events",
		"---\nstatus: proposed\n---\n\n# Order events\n":             "Order events",
		"---\ntitle: '# not this'\n---\n# 2026. Year of the queue\n": "Year of the queue",
		"no heading\n": "",
	} {
		if got := adr.Title([]byte(data)); got != want {
			t.Errorf("Title(%q) = %q, want %q", data, got, want)
		}
	}
}

// The new record links back in each layout's words, and still reads back
// for check.
func TestWriteSupersedes(t *testing.T) {
	f := golden.Ranking(t)
	older := &adr.Link{Number: 3, Title: "Order [events]", File: "0003-order-events.md"}
	for format, want := range map[string]string{
		adr.Madr:   "# Order events for fulfilment\n\nSupersedes [ADR-0003](0003-order-events.md).\n\n## Context and Problem Statement\n",
		adr.Nygard: "## Status\n\nProposed\n\nSupersedes [3. Order \\[events\\]](0003-order-events.md)\n\n## Context\n",
	} {
		var b bytes.Buffer
		if err := adr.Write(&b, adr.Record{Format: format, Number: 5, Date: "2026-11-27", Title: f.Req.Title, Supersedes: older,
			Result: f.Result, Report: f.Report, Catalog: &f.Rules.Catalog, Base: f.Base, Requirements: golden.Requirements}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%s: no\n%s\nin\n%s", format, want, b.String()[:500])
		}
		if e, err := adr.Read("r.md", b.Bytes()); err != nil || e.Chosen != "stream" || e.Requirements != golden.Requirements {
			t.Errorf("%s: Read = %+v, %v", format, e, err)
		}
		if s, ok := adr.Status(b.Bytes()); !ok || adr.Superseded(s) {
			t.Errorf("%s: the new record's status = %q, %v; want proposed", format, s, ok)
		}
	}
}

// The Confirmation names the record's own path when it has one.
func TestConfirmationNamesThePath(t *testing.T) {
	f := golden.Ranking(t)
	for format, want := range map[string]string{
		adr.Madr:   "### Confirmation\n\nRun `advisor check docs/decisions/0004-x.md` in CI: it exits 4",
		adr.Nygard: "* Bad, because it takes effort 5 of 10 to run and pay for: no servers, but provisioned mode means sizing shards; consumers need checkpointing.\n\nRun `advisor check docs/decisions/0004-x.md` in CI: it exits 4",
	} {
		var b bytes.Buffer
		if err := adr.Write(&b, adr.Record{Format: format, Number: 4, Date: "2026-11-27", Title: f.Req.Title, Path: "docs/decisions/0004-x.md",
			Result: f.Result, Report: f.Report, Catalog: &f.Rules.Catalog, Base: f.Base, Requirements: golden.Requirements}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%s: no\n%s\nin\n%s", format, want, b.String())
		}
	}
}

// FuzzSupersede: on any record, Supersede never panics; when it changes
// one, the result says it is superseded, keeps its title, and can be
// superseded again.
func FuzzSupersede(f *testing.F) {
	for _, s := range []string{
		"---\nstatus: accepted\n---\n# T\n",
		"---\r\nstatus: >\r\n  a\r\n---\r\n# T\r\n",
		"# 1. T\n\n## Status\n\nAccepted\n\n## Context\n",
		"## Status",
		"---\n---\n## Status\n```\n## x\n",
		"# T\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4<<10 {
			return
		}
		out, ok := adr.Supersede(data, newer)
		if !ok {
			if _, has := adr.Status(data); has {
				t.Fatalf("Status finds one in %q, Supersede does not", data)
			}
			return
		}
		if s, has := adr.Status(out); !has || !adr.Superseded(s) {
			t.Fatalf("superseded %q reads as status %q, %v\nfrom %q", out, s, has, data)
		}
		if adr.Title(out) != adr.Title(data) {
			t.Fatalf("title %q became %q", adr.Title(data), adr.Title(out))
		}
		if _, ok := adr.Supersede(out, newer); !ok {
			t.Fatalf("%q cannot be superseded again", out)
		}
	})
}

// With no option meeting every must, the check to run fails once one does.
func TestConfirmationWithoutAChoice(t *testing.T) {
	f := golden.Ranking(t)
	var b bytes.Buffer
	if err := adr.Write(&b, adr.Record{Format: adr.Madr, Date: "2026-11-27", Title: "T", Path: "d/0001-t.md",
		Report: f.Report, Catalog: &f.Rules.Catalog, Base: f.Base, Requirements: golden.Requirements}); err != nil {
		t.Fatal(err)
	}
	want := "### Confirmation\n\nRun `advisor check d/0001-t.md` in CI: it exits 4, naming the service, once one meets every must"
	if !strings.Contains(b.String(), want) {
		t.Errorf("no\n%s\nin\n%s", want, b.String())
	}
}

package snapshot

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/advisor-dev/advisor/internal/kb"

	"github.com/advisor-dev/advisor/internal/snapshot/source"
)

// The embedded snapshot must be what the YAML in rules/ and knowledge/ gives.
func TestSnapshotIsFresh(t *testing.T) {
	want, err := source.Fresh()
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("data.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, want) {
		t.Fatal("internal/snapshot/data.go is stale: run `make generate` after changing rules/ or knowledge/")
	}
}

// Decoding the snapshot gives the same rules and services as parsing.
func TestSnapshotRoundTrip(t *testing.T) {
	set, services, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	again, err := source.Source(set, Singles(services), Combinations())
	if err != nil {
		t.Fatal(err)
	}
	want, _ := source.Fresh()
	if !bytes.Equal(again, want) {
		t.Fatal("building from the snapshot and writing it again changed it")
	}
	pset, psingles, pcombos, err := source.Parse()
	if err != nil {
		t.Fatal(err)
	}
	pbase, err := kb.Build(psingles, pcombos, pset)
	if err != nil {
		t.Fatal(err)
	}
	pservices := pbase.Services
	if !reflect.DeepEqual(pset.Catalog, set.Catalog) || !reflect.DeepEqual(pset.Rules, set.Rules) || len(pservices) != len(services) {
		t.Fatal("the snapshot's rules differ from the parsed ones")
	}
	for i, s := range services {
		p := pservices[i]
		if s.ID != p.ID || !reflect.DeepEqual(s.Limits, p.Limits) || s.Effort != p.Effort || !reflect.DeepEqual(s.Parts, p.Parts) {
			t.Errorf("%s: entry differs from the parsed one", s.ID)
		}
		for idx, f := range p.ByIndex {
			if !reflect.DeepEqual(f, s.Fact(idx)) {
				t.Errorf("%s: fact %d differs: %+v vs %+v", s.ID, idx, s.Fact(idx), f)
			}
		}
	}
	for _, s := range services {
		if len(s.ByIndex) != len(set.Catalog.Keys) || s.ByIndex[0] != s.FactFor(&set.Catalog, set.Catalog.Keys[0].Key) {
			t.Fatalf("%s: facts not indexed", s.ID)
		}
	}
}

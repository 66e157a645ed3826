package kb_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/advisor-dev/advisor/internal/kb"
)

func priceFile(service, region string, price string) []byte {
	return []byte("version: 1\nservice: " + service + "\nregion: " + region + "\ncurrency: USD\nmodels:\n" +
		"  - dimensions:\n      - {id: requests, unit: request, price: " + price + ", per: 1000000, quantity: messages,\n" +
		"         source: \"https://docs.example.com/p\", checked: 2026-11-30, confidence: aws-page}\n")
}

// TestPricesByRegionDirectory: prices/<region>/*.yaml is read as
// prices/*.yaml is (`advisor prices import` writes a directory per
// Region); deeper directories are not; a directory of prices alone is no
// empty directory.
func TestPricesByRegionDirectory(t *testing.T) {
	set, _ := load(t)
	fsys := fixture()
	fsys["prices/a.yaml"] = &fstest.MapFile{Data: priceFile("a", "us-east-1", "0.4")}
	fsys["prices/eu-west-1/a.yaml"] = &fstest.MapFile{Data: priceFile("a", "eu-west-1", "0.45")}
	fsys["prices/eu-west-1/b.yaml"] = &fstest.MapFile{Data: priceFile("b", "eu-west-1", "0.5")}
	fsys["prices/eu-west-1/notes.txt"] = &fstest.MapFile{Data: []byte("not a price file")}
	fsys["prices/eu-west-1/old/a.yaml"] = &fstest.MapFile{Data: []byte("not read: two levels down")}
	d, err := kb.LoadDir(fsys, "k/", kb.Context{Rules: set})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Prices {
		got = append(got, p.Path+" "+p.Service+"@"+p.Region)
	}
	want := "k/prices/a.yaml a@us-east-1,k/prices/eu-west-1/a.yaml a@eu-west-1,k/prices/eu-west-1/b.yaml b@eu-west-1"
	if strings.Join(got, ",") != want {
		t.Errorf("prices %q, want %q", got, want)
	}
	base, err := kb.Assemble(kb.Context{Rules: set, Providers: d.Providers}, d)
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := base.PricesFor("a", "eu-west-1"); !ok || f.Models[0].Dimensions[0].Price != 0.45 {
		t.Errorf("a in eu-west-1: %v %v", f, ok)
	}

	only := fstest.MapFS{"prices/us-east-1/a.yaml": {Data: priceFile("a", "us-east-1", "0.4")}}
	d, err = kb.LoadDir(only, "o/", kb.Context{Rules: set, Providers: d.Providers})
	if err != nil {
		t.Fatal(err)
	}
	if d.Empty() || len(d.Prices) != 1 {
		t.Errorf("a directory of prices alone: empty %v, %d prices", d.Empty(), len(d.Prices))
	}
}

// TestPricesRegionDirectoryErrors: a bad file in a Region's directory is
// reported at its path.
func TestPricesRegionDirectoryErrors(t *testing.T) {
	set, _ := load(t)
	fsys := fixture()
	fsys["prices/eu-west-1/a.yaml"] = &fstest.MapFile{Data: []byte("version: 2\n")}
	_, err := kb.LoadDir(fsys, "k/", kb.Context{Rules: set})
	if err == nil || !strings.Contains(err.Error(), "k/prices/eu-west-1/a.yaml") {
		t.Errorf("error %v, want it at k/prices/eu-west-1/a.yaml", err)
	}
}

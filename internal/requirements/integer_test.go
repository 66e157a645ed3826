package requirements_test

import (
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/requirements"
	"go.yaml.in/yaml/v3"
)

// countLoader is the fixture's loader with an integer key, consumers, as
// rules/catalog.yaml has it: the fixture's services have no facts for it,
// and reading a file needs none.
func countLoader(t testing.TB) *requirements.Loader {
	t.Helper()
	l := loader(t)
	l.Catalog.Keys = append(l.Catalog.Keys, catalog.Key{
		Key: "consumers", Type: catalog.Integer, Title: "Consumers", Examples: []string{"3", "200"},
		Question: "How many independent applications must each get every message?",
	})
	return l
}

// An integer key is a YAML whole number, written back as one, unquoted.
func TestIntegerKey(t *testing.T) {
	l := countLoader(t)
	r, back, out := roundTrip(t, l, "version: 1\nmust:\n  consumers: 150\n  fanout: true\n")
	it, must, ok := r.Find("consumers")
	if !ok || !must || it.Value.Type != catalog.Integer || it.Value.Num != 150 || it.Value.String() != "150" {
		t.Errorf("consumers: %+v (must %v, found %v)", it, must, ok)
	}
	if it.Pos.String() != "req.yaml:3:3" {
		t.Errorf("position %s", it.Pos)
	}
	if !strings.Contains(string(out), "  consumers: 150\n") {
		t.Errorf("want consumers: 150 unquoted, got\n%s", out)
	}
	if b, _, _ := back.Find("consumers"); b.Value.Num != 150 {
		t.Errorf("read back as %v", b.Value.Num)
	}

	r, _, out = roundTrip(t, l, "version: 1\nprefer:\n  consumers: {value: 3, weight: 2}\n")
	if it, must, _ := r.Find("consumers"); must || it.Value.Num != 3 || it.Weight != 2 {
		t.Errorf("prefer consumers: %+v", it)
	}
	if !strings.Contains(string(out), "consumers: {value: 3, weight: 2}") {
		t.Errorf("got\n%s", out)
	}

	// The YAML meaning of a whole number counts, not its spelling.
	r, err := l.Load("req.yaml", []byte("version: 1\nmust: {consumers: 1_000}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if it, _, _ := r.Find("consumers"); it.Value.Num != 1000 {
		t.Errorf("1_000 read as %v", it.Value.Num)
	}
}

// A count that is not a whole number more than zero is refused where it
// is written, saying what it takes.
func TestIntegerKeyRefused(t *testing.T) {
	tests := []struct{ value, want string }{
		{"0", `req.yaml:3:14: consumers: "0" must be more than zero`},
		{"-3", `req.yaml:3:14: consumers: "-3" is negative: want a whole number, such as 3 or 200, more than zero`},
		{"1.5", `req.yaml:3:14: consumers takes a whole number, such as 3 or 200, not 1.5`},
		{"3.0", `consumers takes a whole number, such as 3 or 200, not 3.0`},
		{"1e3", `consumers takes a whole number, such as 3 or 200, not 1e3`},
		{"unlimited", `req.yaml:3:14: consumers: "unlimited" is not allowed here: want a whole number, such as 3 or 200`},
		{`"150"`, `req.yaml:3:14: consumers takes a whole number, not the text "150": write it without quotes`},
		{"2k", `consumers: "2k" is not a count: want a whole number, such as 3 or 200`},
		{"many", `consumers: "many" is not a count`},
		{"[3]", `req.yaml:3:14: consumers takes a whole number such as 3, 200, not a list`},
		{"true", `consumers takes a whole number, such as 3 or 200, not the boolean true`},
		{".inf", `consumers takes a whole number, such as 3 or 200, not .inf`},
		{"99999999999999999999", `req.yaml:3:14: consumers: "99999999999999999999" is too large`},
		{"9223372036854775807", `consumers: "9223372036854775807" is too large`},
		{"", `req.yaml:3:13: consumers takes a whole number such as 3, 200, not nothing`},
	}
	for _, tt := range tests {
		_, err := countLoader(t).Load("req.yaml", []byte("version: 1\nmust:\n  consumers: "+tt.value+"\n"))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("consumers: %s: got %v, want %q", tt.value, err, tt.want)
		}
	}
}

// As a flag, a count is the same whole number: --prefer consumers=150:2,
// and --consumers 150 (a key flag is parsed as text, as here).
func TestIntegerKeyFlags(t *testing.T) {
	l := countLoader(t)
	it, err := requirements.ParsePrefer(l.Catalog, "consumers=150:2")
	if err != nil {
		t.Fatal(err)
	}
	if it.Value.Num != 150 || it.Weight != 2 || it.Text != "" {
		t.Errorf("got %+v", it)
	}
	r := requirements.New()
	r.Set(l.Catalog, it, false)
	k, _ := l.Catalog.Lookup("consumers")
	v, err := k.ParseText("7", catalog.InRequirement)
	if err != nil {
		t.Fatal(err)
	}
	r.Set(l.Catalog, requirements.Item{Key: "consumers", Value: v, Weight: 1, Text: requirements.QuantityText(k, "7")}, true)
	out, err := yaml.Marshal(r.Plain())
	if err != nil {
		t.Fatal(err)
	}
	if want := "version: 1\nmust:\n    consumers: 7\n"; string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	for _, bad := range []string{"0", "-1", "1.5", "unlimited", "3 consumers", "1 000"} {
		if _, err := requirements.ParsePrefer(l.Catalog, "consumers="+bad); err == nil {
			t.Errorf("consumers=%s was taken", bad)
		}
	}
	_, err = requirements.ParsePrefer(l.Catalog, "consumers=1 000")
	if err == nil || !strings.Contains(err.Error(), `has a space in it: write 1000`) {
		t.Errorf("1 000: %v", err)
	}
}

package requirements_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/testfixture"
	"go.yaml.in/yaml/v3"
)

// use_case takes one id or a list of them, keeps them in the catalog's
// order, each once, and writes them back as a list after region.
func TestUseCase(t *testing.T) {
	l := loader(t)
	tests := []struct {
		name, value string
		want        []string
	}{
		{"one id as a string", "broadcast", []string{"broadcast"}},
		{"a list of one", "[broadcast]", []string{"broadcast"}},
		{"a list, in catalog order", "[event-sourcing, notifications, broadcast]", []string{"notifications", "broadcast", "event-sourcing"}},
		{"duplicates", "[work-queue, broadcast, work-queue, broadcast]", []string{"broadcast", "work-queue"}},
		{"a block list", "\n  - work-queue\n  - notifications", []string{"notifications", "work-queue"}},
		{"a quoted id", `"work-queue"`, []string{"work-queue"}},
		{"an empty list", "[]", nil},
	}
	for _, tt := range tests {
		r, back, out := roundTrip(t, l, "version: 1\nprovider: acme\nregion: eu-west-1\nuse_case: "+tt.value+"\nexclude: [queue]\n")
		if !slices.Equal(r.UseCases, tt.want) || !slices.Equal(back.UseCases, tt.want) {
			t.Errorf("%s: read %q, read back %q; want %q", tt.name, r.UseCases, back.UseCases, tt.want)
		}
		want := "version: 1\nprovider: acme\nregion: eu-west-1\n"
		if tt.want != nil {
			want += "use_case: [" + strings.Join(tt.want, ", ") + "]\n"
		}
		want += "exclude:\n    - queue\n"
		if string(out) != want {
			t.Errorf("%s: written back as\n%s\nwant\n%s", tt.name, out, want)
		}
	}

	r, err := l.Load("req.yaml", []byte("version: 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.UseCases != nil {
		t.Errorf("no use_case: got %q", r.UseCases)
	}
	if out, _ := yaml.Marshal(r.Plain()); strings.Contains(string(out), "use_case") {
		t.Errorf("no use_case, but one was written:\n%s", out)
	}
}

// A use_case that is not a use case of the catalog is refused where it is
// written, with the likeliest id and every allowed one.
func TestUseCaseRefused(t *testing.T) {
	const allowed = "use cases are notifications, broadcast, work-queue, event-sourcing"
	tests := []struct{ value, want string }{
		{"brodcast", `req.yaml:2:11: use_case does not take "brodcast" (did you mean "broadcast"?); ` + allowed},
		{"[broadcast, workqueue]", `req.yaml:2:23: use_case does not take "workqueue" (did you mean "work-queue"?); ` + allowed},
		{"[cdc]", `req.yaml:2:12: use_case does not take "cdc"; ` + allowed},
		{"Broadcast", `use_case does not take "Broadcast" (did you mean "broadcast"?)`},
		{`""`, `req.yaml:2:11: use_case has an empty use case; ` + allowed},
		{"[broadcast, 3]", `req.yaml:2:23: use_case takes use case ids, not the number 3 in the list`},
		{"[[broadcast]]", `req.yaml:2:12: use_case takes use case ids, not a list in the list`},
		{"true", `req.yaml:2:11: use_case takes a use case id or a list of them, such as [broadcast], not the boolean true; ` + allowed},
		{"{broadcast: true}", `req.yaml:2:11: use_case takes a use case id or a list of them`},
		{"", `req.yaml:2:10: use_case takes a use case id or a list of them`},
	}
	for _, tt := range tests {
		_, err := loader(t).Load("req.yaml", []byte("version: 1\nuse_case: "+tt.value+"\n"))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("use_case: %s: got %v, want %q", tt.value, err, tt.want)
		}
	}

	// Every bad id is reported, each at its place.
	_, err := loader(t).Load("req.yaml", []byte("version: 1\nuse_case:\n  - brodcast\n  - work-queue\n  - notification\n"))
	if err == nil || !strings.Contains(err.Error(), "req.yaml:3:5: use_case does not take \"brodcast\"") ||
		!strings.Contains(err.Error(), "req.yaml:5:5: use_case does not take \"notification\" (did you mean \"notifications\"?)") {
		t.Errorf("got %v", err)
	}

	// use_case is a top-level key: a misspelling of it is told so.
	_, err = loader(t).Load("req.yaml", []byte("version: 1\nuse_cases: [broadcast]\n"))
	if err == nil || !strings.Contains(err.Error(), `unknown key "use_cases" (did you mean "use_case"?); allowed at the top level: version, title, context, provider, region, use_case, volume, review_by, exclude, must, prefer`) {
		t.Errorf("use_cases: got %v", err)
	}
}

// SetUseCases is how flags and the questionnaire set use cases: each
// checked, in catalog order, each once, replacing what was there.
func TestSetUseCases(t *testing.T) {
	set, _ := testfixture.Base(t)
	r := requirements.New()
	r.UseCases = []string{"notifications"}
	if err := r.SetUseCases(&set.Catalog, "--use-case", []string{"work-queue", " broadcast", "", "work-queue"}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"broadcast", "work-queue"}; !slices.Equal(r.UseCases, want) {
		t.Errorf("got %q, want %q", r.UseCases, want)
	}
	err := r.SetUseCases(&set.Catalog, "--use-case", []string{"broadcast", "work-queu"})
	if err == nil || err.Error() != `--use-case does not take "work-queu" (did you mean "work-queue"?); use cases are notifications, broadcast, work-queue, event-sourcing` {
		t.Errorf("got %v", err)
	}
	if err := r.SetUseCases(&set.Catalog, "--use-case", nil); err != nil || r.UseCases != nil {
		t.Errorf("none: %q, %v", r.UseCases, err)
	}
}

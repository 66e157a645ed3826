package cli

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/adr"
	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/iostreams"
	"github.com/advisor-dev/advisor/internal/requirements"
	"go.yaml.in/yaml/v3"
)

// TestRecordsCheckRightAfterTheyAreWritten is the property the ADR pipeline
// rests on: for any valid requirements, `adr new` writes a record (in
// either layout) whose embedded block reads back to the same requirements,
// and `check` on it at once exits 0. So does a file `ask --save` writes.
// The requirements are generated: titles and contexts full of what a
// Markdown record or a YAML block could take for their own syntax (fences,
// `version:` lines, the chosen marker, line breaks of every kind, quotes,
// control characters), any keys with values of every type, numbers with
// odd digits in every unit, must and prefer with weights, exclude, a
// Region, and use cases (one id, or a list that may repeat one).
//
// ADVISOR_PROPERTY_N runs more cases (the default keeps `go test` quick),
// ADVISOR_PROPERTY_SEED another sequence; a failure names its seed and case.
func TestRecordsCheckRightAfterTheyAreWritten(t *testing.T) {
	n := envInt(t, "ADVISOR_PROPERTY_N", 300)
	seed := uint64(envInt(t, "ADVISOR_PROPERTY_SEED", 12))
	if testing.Short() {
		n = 20
	}
	f, _, _, _ := newTestFactory(nil)
	loaded, err := f.Loaded()
	if err != nil {
		t.Fatal(err)
	}
	gen := &requirementsGen{rng: rand.New(rand.NewPCG(seed, 1)), cat: &loaded.Rules.Catalog, ids: loaded.Base.IDs()}
	work := t.TempDir()
	valid, noPick := 0, 0
	for i := range n {
		doc := gen.document()
		input := filepath.Join(work, fmt.Sprintf("req-%d.yaml", i))
		if err := os.WriteFile(input, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		want, err := loaded.Loader().Load(input, doc)
		if err != nil {
			// The encoder writes any style it is told to, even one its
			// parser then refuses (a literal block starting with a tab):
			// not requirements a user could have.
			continue
		}
		valid++
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("seed %d case %d: %s\ninput:\n%s", seed, i, fmt.Sprintf(format, args...), doc)
		}

		saved, err := requirementsYAML(want)
		if err != nil {
			fail("ask --save: %v", err)
		}
		if got, err := loaded.Loader().Load("saved.yaml", saved); err != nil {
			fail("what ask --save writes does not load: %v\n%s", err, saved)
		} else if diff := sameRequirements(want, got); diff != "" {
			fail("what ask --save writes reads back otherwise: %s\n%s", diff, saved)
		}

		for _, format := range adr.Formats {
			io, _, out, errOut := iostreams.Test()
			opts := &ADRNewOptions{IO: io, Loaded: f.Loaded, Now: f.Now, File: input, Dir: filepath.Join(work, format),
				Report: reportOptions{Output: "adr", ADRFormat: format}}
			switch err := adrNewRun(opts); {
			case err != nil && codeOf(err) == ExitNoEligible:
				noPick++
			case err != nil:
				fail("adr new --adr-format %s: %v %s", format, err, errOut)
			}
			path := strings.TrimSpace(out.String())
			record, err := os.ReadFile(path)
			if err != nil {
				fail("adr new printed %q: %v", path, err)
			}
			embedded, err := adr.Read(path, record)
			if err != nil {
				fail("%s: %v\n%s", format, err, record)
			}
			got, err := loaded.Loader().Load(path, []byte(embedded.Requirements))
			if err != nil {
				fail("%s: the embedded block does not load: %v\n%s", format, err, record)
			}
			if diff := sameRequirements(want, got); diff != "" {
				fail("%s: the embedded block reads back otherwise: %s\n%s", format, diff, record)
			}
			io, _, out, errOut = iostreams.Test()
			if err := checkRun(&CheckOptions{IO: io, Loaded: f.Loaded, Records: []string{path}}); err != nil {
				fail("%s: check right after adr new: %v\n%s%s\n%s", format, err, out, errOut, record)
			}
		}
	}
	if valid < n/2 {
		t.Fatalf("seed %d: only %d of %d generated files load; the generator needs fixing", seed, valid, n)
	}
	t.Logf("seed %d: %d requirements, each written by ask --save and as a record in %d layouts (%d records for no service meeting every must), read back and checked",
		seed, valid, len(adr.Formats), noPick)
}

func envInt(t *testing.T, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%s=%q: want a number", name, s)
	}
	return n
}

// sameRequirements says how two requirements differ in anything a file
// holds, or "": not where each item was read, which differs by file.
func sameRequirements(want, got *requirements.Requirements) string {
	w, g := withoutPositions(want), withoutPositions(got)
	if !reflect.DeepEqual(w, g) {
		return fmt.Sprintf("\n got %#v\nwant %#v", g, w)
	}
	return ""
}

func withoutPositions(r *requirements.Requirements) requirements.Requirements {
	c := *r
	c.Must, c.Prefer = slices.Clone(r.Must), slices.Clone(r.Prefer)
	for i := range c.Must {
		c.Must[i].Pos = diag.Pos{}
	}
	for i := range c.Prefer {
		c.Prefer[i].Pos = diag.Pos{}
	}
	return c
}

// requirementsGen makes valid requirements files meant to trip a writer up.
type requirementsGen struct {
	rng *rand.Rand
	cat *catalog.Catalog
	ids []string
}

// hostile are pieces of text that a Markdown record or a YAML block could
// read as its own syntax.
var hostile = []string{
	"```", "````", "```yaml", "~~~", "`", "``", "version: 1", "version: 2", "must: {fanout: true}",
	"<!-- advisor: chosen=sns -->", "<!-- advisor: chosen=(none) -->", adr.ChosenMarker, "-->", "<!--",
	"Chosen option: \"Amazon SNS standard topics (sns)\"", "We will use Amazon SNS (sns)",
	"# ", "## Decision", "---", "...", "- ", "* ", "> ", "| ", "|", ">", "#", ":", ": ", " #", "&a", "*a",
	"!!str", "%YAML", "'", "\"", "\\", "{", "}", "[", "]", ",", "?", "@", "null", "~", "true", "0x1F",
	"\n", "\n\n", "\r\n", "\r", "\t", " ", "  ", "\u2028", "\u2029", "\u0085", "\ufeff", "\u200b", "\u202e",
	"\x1b[31m", "\x00", "\x7f", "café", "注文", "🚀", "e\u0301",
}

func (g *requirementsGen) text(lines bool) string {
	var b strings.Builder
	for range g.rng.IntN(12) {
		switch g.rng.IntN(3) {
		case 0:
			b.WriteString(hostile[g.rng.IntN(len(hostile))])
		case 1:
			b.WriteString([]string{"Order events", "price", "the ", "fan-out", "x", "42"}[g.rng.IntN(6)])
		default:
			if lines {
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

// document is a requirements file as YAML text. Its scalars are written by
// the YAML encoder in a style picked at random, so that the file is valid
// whatever the text, and in the many shapes users write.
func (g *requirementsGen) document() []byte {
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(parent *yaml.Node, key string, value *yaml.Node) {
		parent.Content = append(parent.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, value)
	}
	add(root, "version", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: "1"})
	if g.rng.IntN(5) > 0 {
		add(root, "title", g.str(g.text(g.rng.IntN(3) == 0)))
	}
	if g.rng.IntN(3) > 0 {
		add(root, "context", g.str(g.text(true)))
	}
	if g.rng.IntN(4) == 0 {
		add(root, "provider", g.str("aws"))
	}
	if g.rng.IntN(4) == 0 {
		add(root, "region", g.str([]string{"us-east-1", "eu-west-1", "us-gov-west-1", "ap-southeast-5"}[g.rng.IntN(4)]))
	}
	if uses := g.cat.UseCaseIDs(); len(uses) > 0 && g.rng.IntN(4) == 0 {
		// One id as a string, or a list that may name one twice.
		if g.rng.IntN(3) == 0 {
			add(root, "use_case", g.str(uses[g.rng.IntN(len(uses))]))
		} else {
			list := &yaml.Node{Kind: yaml.SequenceNode, Style: g.flow()}
			for range 1 + g.rng.IntN(3) {
				list.Content = append(list.Content, g.str(uses[g.rng.IntN(len(uses))]))
			}
			add(root, "use_case", list)
		}
	}
	if g.rng.IntN(4) == 0 {
		ex := &yaml.Node{Kind: yaml.SequenceNode}
		for range 1 + g.rng.IntN(3) {
			ex.Content = append(ex.Content, g.str(g.ids[g.rng.IntN(len(g.ids))]))
		}
		add(root, "exclude", ex)
	}
	must := &yaml.Node{Kind: yaml.MappingNode, Style: g.flow()}
	prefer := &yaml.Node{Kind: yaml.MappingNode, Style: g.flow()}
	for _, i := range g.rng.Perm(len(g.cat.Keys)) {
		k := &g.cat.Keys[i]
		// About two musts a file, so that most have a pick and some none.
		switch g.rng.IntN(12) {
		case 0:
			add(must, k.Key, g.value(k))
		case 1, 2, 3:
			v := g.value(k)
			if g.rng.IntN(2) == 0 {
				w := &yaml.Node{Kind: yaml.MappingNode, Style: g.flow()}
				add(w, "value", v)
				add(w, "weight", g.weight())
				v = w
			}
			add(prefer, k.Key, v)
		}
	}
	if len(must.Content) > 0 {
		add(root, "must", must)
	}
	if len(prefer.Content) > 0 {
		add(root, "prefer", prefer)
	}
	out, err := yaml.Marshal(root)
	if err != nil {
		panic(err) // a bug in the generator
	}
	return out
}

func (g *requirementsGen) flow() yaml.Style {
	if g.rng.IntN(3) == 0 {
		return yaml.FlowStyle
	}
	return 0
}

// str is a text scalar in any style the encoder can write it in.
func (g *requirementsGen) str(s string) *yaml.Node {
	styles := []yaml.Style{0, yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle, yaml.LiteralStyle, yaml.FoldedStyle}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: styles[g.rng.IntN(len(styles))]}
}

// value is a valid value of k: any bool, enum value or non-empty list, or
// a quantity with odd digits in any unit the key takes.
func (g *requirementsGen) value(k *catalog.Key) *yaml.Node {
	switch k.Type {
	case catalog.Bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(g.rng.IntN(2) == 0)}
	case catalog.Enum:
		return g.str(k.Values[g.rng.IntN(len(k.Values))])
	case catalog.List:
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: g.flow()}
		for _, i := range g.rng.Perm(len(k.Values))[:1+g.rng.IntN(len(k.Values))] {
			n.Content = append(n.Content, g.str(k.Values[i]))
		}
		return n
	case catalog.Integer:
		// A YAML whole number, as a requirement file takes a count.
		n := []int{1 + g.rng.IntN(10), 1 + g.rng.IntN(1000), 1 + g.rng.IntN(1_000_000_000)}[g.rng.IntN(3)]
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)}
	}
	for {
		s := g.quantity(k)
		if _, err := k.ParseText(s, catalog.InRequirement); err == nil {
			return g.str(s)
		}
	}
}

func (g *requirementsGen) quantity(k *catalog.Key) string {
	if k.Type == catalog.Integer {
		return strconv.Itoa(1 + g.rng.IntN(1000))
	}
	if k.Type == catalog.Money {
		return strconv.Itoa(1+g.rng.IntN(100000)) + "/month"
	}
	if k.Unlimited && g.rng.IntN(8) == 0 {
		return "unlimited"
	}
	var num string
	switch g.rng.IntN(5) {
	case 0:
		num = strconv.Itoa(1 + g.rng.IntN(100))
	case 1:
		num = strconv.Itoa(1 + g.rng.IntN(10_000_000))
	case 2:
		num = strconv.Itoa(g.rng.IntN(10000)) + "." + strconv.Itoa(g.rng.IntN(1000000))
	case 3:
		num = strconv.FormatFloat(g.rng.Float64()*1000, 'f', -1, 64)
	default:
		num = strconv.FormatUint(1+g.rng.Uint64()>>(4+g.rng.IntN(60)), 10)
	}
	var units []string
	switch k.Type {
	case catalog.Duration:
		units = []string{"s", "m", "h", "d"}
	case catalog.Rate:
		units = []string{"/s", "k/s", "M/s", "", "k", "M"}
	case catalog.Size:
		units = []string{"B", "KB", "KiB", "MB", "MiB", "GB", "GiB", "kib", "mb"}
	}
	return num + units[g.rng.IntN(len(units))]
}

// weight is a prefer weight above 0 and at most 100, as an int or a float.
func (g *requirementsGen) weight() *yaml.Node {
	switch g.rng.IntN(3) {
	case 0:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(1 + g.rng.IntN(100))}
	case 1:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: []string{"0.1", "0.5", "2.5", "1.0", "99.99", "0.30000000000000004"}[g.rng.IntN(6)]}
	}
	w := g.rng.Float64() * 100
	if w == 0 {
		w = 1
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(w, 'g', -1, 64)}
}

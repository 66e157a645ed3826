package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

const publishedResultSchema = "../../docs/schema/result.schema.json"

// Real results of recommend, as JSON and YAML, validate against the
// published result schema. Two more checks keep the schema honest, since
// it leaves objects open for later fields: every field the results hold is
// one the schema describes (validated again with objects closed), and every
// field it describes is written by one of these inputs.
func TestResultsValidateAgainstSchema(t *testing.T) {
	examples, _ := filepath.Glob("../../docs/examples/*.yaml")
	if len(examples) == 0 {
		t.Fatal("no examples found")
	}
	inputs := [][]string{
		// no service meets every must: relax, with a combination as a pick then
		{"--ordering", "strict", "--replay", "--targets", "s3", "--protocols", "kafka"},
		// a combination wins
		{"--fanout", "--delay", "5m", "--dead-letter", "--serverless"},
		{"--replay", "--targets", "s3"},
		// a pick under a condition, with what-ifs of each kind and effect
		{"--ordering", "strict", "--throughput", "2k/s", "--exclude", "sqs"},
		// unverified musts (limits AWS does not publish), a variant to choose
		{"--ordering", "per-key", "--key-throughput", "2k/s"},
		{"--fanout", "--ordering", "per-key", "--retention", "300d"},
		// use cases stated, a caveat that applies
		{"--use-case", "broadcast,work-queue", "--fanout", "--ordering", "per-key", "--targets", "email"},
		// a list half met, preferences missed
		{"--fanout", "--targets", "email,s3", "--prefer", "replay=true", "--prefer", "protocols=amqp,kafka:2"},
		// an estimate at a volume, with capacity, from prices of a --knowledge
		// directory (test data: the embedded base may hold no prices)
		{"--knowledge", "testdata/estimate", "-f", "testdata/estimate-volume.yaml"},
		// with the embedded prices: a crossover of queue and stream options
		{"-f", "testdata/estimate-crossover.yaml"},
	}
	for _, e := range examples {
		inputs = append(inputs, []string{"-f", e})
	}

	raw, err := os.ReadFile(publishedResultSchema)
	if err != nil {
		t.Fatal(err)
	}
	open, closed := compileSchema(t, raw, false), compileSchema(t, raw, true)
	var published any
	if err := json.Unmarshal(raw, &published); err != nil {
		t.Fatal(err)
	}
	described := map[string]bool{}
	schemaPaths(published, "", described)
	written := map[string]bool{}

	for _, args := range inputs {
		for _, format := range []string{"json", "yaml"} {
			name := strings.Join(args, " ") + " -o " + format
			f, _, out, errOut := newTestFactory(nil)
			if code := Run(f, append(append([]string{"recommend"}, args...), "-o", format)); code != ExitOK && code != ExitNoEligible {
				t.Fatalf("%s: exit %d: %s", name, code, errOut)
			}
			doc := asJSON(t, out.Bytes(), format)
			if err := open.Validate(doc); err != nil {
				t.Errorf("%s: %v", name, err)
			}
			if err := closed.Validate(doc); err != nil {
				t.Errorf("%s: a field the schema does not describe: %v", name, err)
			}
			instancePaths(doc, "", written)
		}
	}
	var never []string
	for p := range described {
		if !written[p] {
			never = append(never, p)
		}
	}
	sort.Strings(never)
	if len(never) > 0 {
		t.Errorf("the schema describes fields no input writes (renamed? or add an input): %v", never)
	}
}

// `advisor schema --result` prints the published schema.
func TestSchemaCommandPrintsResultSchema(t *testing.T) {
	f, _, out, errOut := newTestFactory(nil)
	if code := Run(f, []string{"schema", "--result"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want, err := os.ReadFile(publishedResultSchema)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("schema --result differs from %s", publishedResultSchema)
	}
}

// compileSchema compiles a draft-07 schema, with every object closed to
// properties it does not list when closed is set.
func compileSchema(t *testing.T, raw []byte, closed bool) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if closed {
		closeObjects(doc)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("result.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("result.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func closeObjects(v any) {
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["properties"]; ok {
			v["additionalProperties"] = false
		}
		for _, c := range v {
			closeObjects(c)
		}
	case []any:
		for _, c := range v {
			closeObjects(c)
		}
	}
}

// asJSON decodes a result, YAML by way of JSON, as the validator takes it.
func asJSON(t *testing.T, data []byte, format string) any {
	t.Helper()
	if format == "yaml" {
		var v any
		if err := yaml.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		var err error
		if data, err = json.Marshal(v); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// schemaPaths collects the paths of every property a schema describes:
// "ranking[].met[].missing".
func schemaPaths(v any, at string, into map[string]bool) {
	s, ok := v.(map[string]any)
	if !ok {
		return
	}
	if props, ok := s["properties"].(map[string]any); ok {
		for name, p := range props {
			into[at+"."+name] = true
			schemaPaths(p, at+"."+name, into)
		}
	}
	if items, ok := s["items"]; ok {
		schemaPaths(items, at+"[]", into)
	}
}

// instancePaths collects the paths of every field a document holds.
func instancePaths(v any, at string, into map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for name, c := range v {
			into[at+"."+name] = true
			instancePaths(c, at+"."+name, into)
		}
	case []any:
		for _, c := range v {
			instancePaths(c, at+"[]", into)
		}
	}
}

// And it refuses results that break the contract.
func TestResultSchemaRefusesBrokenResults(t *testing.T) {
	raw, err := os.ReadFile(publishedResultSchema)
	if err != nil {
		t.Fatal(err)
	}
	s := compileSchema(t, raw, false)
	f, _, out, _ := newTestFactory(nil)
	Run(f, []string{"recommend", "--ordering", "strict", "--throughput", "1M/s", "--delivery", "exactly-once", "-o", "json"})
	for name, breakIt := range map[string]func(doc map[string]any){
		"no ranking": func(doc map[string]any) { delete(doc, "ranking") },
		"no advisor": func(doc map[string]any) { delete(doc, "advisor") },
		"version 2":  func(doc map[string]any) { doc["version"] = 2 },
		"a short digest": func(doc map[string]any) {
			doc["advisor"].(map[string]any)["knowledge"].(map[string]any)["digest"] = "abc"
		},
		"a score over 100":         func(doc map[string]any) { doc["ranking"].([]any)[0].(map[string]any)["score"] = 101 },
		"a kind neither":           func(doc map[string]any) { first(doc, "violations")["kind"] = "maybe" },
		"a violation sans want":    func(doc map[string]any) { delete(first(doc, "violations"), "want") },
		"nothing to drop":          func(doc map[string]any) { doc["relax"].([]any)[0].(map[string]any)["drop"] = []any{} },
		"a recommendation as text": func(doc map[string]any) { doc["recommendation"] = "sqs" },
	} {
		var doc map[string]any
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		breakIt(doc)
		data, _ := json.Marshal(doc)
		if err := s.Validate(asJSON(t, data, "json")); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

// first is the first check of list in the first service of a result.
func first(doc map[string]any, list string) map[string]any {
	return doc["ranking"].([]any)[0].(map[string]any)[list].([]any)[0].(map[string]any)
}

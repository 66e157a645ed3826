package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/embedded"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/ruleset"
	"github.com/advisor-dev/advisor/internal/testfixture"
	"github.com/advisor-dev/advisor/rules"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// generate is the schema of the embedded catalog and services: what is
// published, and what the published examples and scenarios must meet.
func generate(t *testing.T) []byte {
	t.Helper()
	set, base, err := embedded.Base()
	if err != nil {
		t.Fatal(err)
	}
	return schemaOf(t, set, base)
}

// generateFixture is the schema of the test fixture's catalog and
// services, for tests of what a schema refuses whatever the real keys.
func generateFixture(t *testing.T) []byte {
	t.Helper()
	set, base := testfixture.Base(t)
	return schemaOf(t, set, base)
}

func schemaOf(t *testing.T, set *ruleset.Set, base *kb.Base) []byte {
	t.Helper()
	data, err := Requirements(&set.Catalog, base.IDs())
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func compile(t *testing.T, schema []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("requirements.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("requirements.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// instance turns YAML into the JSON-shaped value the validator takes.
func instance(t *testing.T, y []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(y, &v); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// Every example and every scenario's requirements validate against the schema.
func TestExamplesAndScenariosValidate(t *testing.T) {
	s := compile(t, generate(t))
	files, _ := filepath.Glob("../../docs/examples/*.yaml")
	if len(files) == 0 {
		t.Fatal("no examples found")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(instance(t, data)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	data, err := os.ReadFile("../engine/testdata/scenarios.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var list []struct {
		ID           string    `yaml:"id"`
		Requirements yaml.Node `yaml:"requirements"`
	}
	if err := yaml.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	for _, sc := range list {
		y, _ := yaml.Marshal(&sc.Requirements)
		if err := s.Validate(instance(t, y)); err != nil {
			t.Errorf("scenario %s: %v", sc.ID, err)
		}
	}
}

// A schema refuses what the advisor refuses, and takes what it takes.
func TestSchemaRejectsBadFiles(t *testing.T) {
	s := compile(t, generateFixture(t))
	const good = "version: 1\nprovider: acme\nexclude: [queue-fifo]\nmust: {ordering: strict, retention: 7d}\nprefer: {latency: {value: realtime, weight: 2}}\n"
	if err := s.Validate(instance(t, []byte(good))); err != nil {
		t.Fatalf("schema refuses a good file: %v", err)
	}
	for _, bad := range []string{
		"version: 2\n",
		"must: {fanout: true}\n",
		"version: 1\nmust: {orderin: strict}\n",
		"version: 1\nmust: {ordering: total}\n",
		"version: 1\nmust: {retention: 7 days}\n",
		"version: 1\nmust: {throughput: -5/s}\n",
		"version: 1\nexclude: [queue-fifi]\n",
		"version: 1\nprefer: {latency: {value: realtime, weight: -1}}\n",
		"version: 1\nmuts: {}\n",
	} {
		if err := s.Validate(instance(t, []byte(bad))); err == nil {
			t.Errorf("schema accepts %q", strings.TrimSpace(bad))
		}
	}
}

// The schema takes what the loader takes of a Region and of an integer
// key (rules/catalog.yaml's consumers, added to the fixture's catalog):
// a lower-case Region id; a YAML whole number more than zero.
func TestSchemaRegionAndCounts(t *testing.T) {
	set, base := testfixture.Base(t)
	set.Catalog.Keys = append(set.Catalog.Keys, catalog.Key{Key: "consumers", Type: catalog.Integer, Examples: []string{"3", "200"}})
	s := compile(t, schemaOf(t, set, base))
	for _, good := range []string{
		"version: 1\nregion: eu-west-1\n",
		"version: 1\nregion: us-gov-west-1\nmust: {consumers: 150}\n",
		"version: 1\nregion: ap-southeast-5\nprefer: {consumers: {value: 3, weight: 2}}\n",
	} {
		if err := s.Validate(instance(t, []byte(good))); err != nil {
			t.Errorf("schema refuses %q: %v", strings.TrimSpace(good), err)
		}
	}
	for _, bad := range []string{
		"version: 1\nregion: EU-West-1\n",
		"version: 1\nregion: eu-west-1a\n",
		"version: 1\nregion: europe\n",
		"version: 1\nregion: 1\n",
		"version: 1\nmust: {consumers: 0}\n",
		"version: 1\nmust: {consumers: -3}\n",
		"version: 1\nmust: {consumers: 1.5}\n",
		"version: 1\nmust: {consumers: unlimited}\n",
		"version: 1\nmust: {consumers: \"150\"}\n",
	} {
		if err := s.Validate(instance(t, []byte(bad))); err == nil {
			t.Errorf("schema accepts %q", strings.TrimSpace(bad))
		}
	}
}

// The schema takes what the loader takes of use_case: one of the
// catalog's use case ids, or a list of them; and the real catalog's ids,
// read from its YAML, are the schema's, so that a use case added to
// rules/catalog.yaml reaches editors with no code change.
func TestSchemaUseCase(t *testing.T) {
	s := compile(t, generateFixture(t))
	for _, good := range []string{
		"version: 1\nuse_case: broadcast\n",
		"version: 1\nuse_case: [broadcast, work-queue]\n",
		"version: 1\nuse_case: [work-queue, work-queue]\n",
		"version: 1\nuse_case: []\nregion: eu-west-1\n",
	} {
		if err := s.Validate(instance(t, []byte(good))); err != nil {
			t.Errorf("schema refuses %q: %v", strings.TrimSpace(good), err)
		}
	}
	for _, bad := range []string{
		"version: 1\nuse_case: brodcast\n",
		"version: 1\nuse_case: [broadcast, cdc]\n",
		"version: 1\nuse_case: true\n",
		"version: 1\nuse_case: {broadcast: true}\n",
		"version: 1\nuse_cases: [broadcast]\n",
	} {
		if err := s.Validate(instance(t, []byte(bad))); err == nil {
			t.Errorf("schema accepts %q", strings.TrimSpace(bad))
		}
	}

	set, err := ruleset.Load(ruleset.FromFS(rules.FS, "rules/"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := Requirements(&set.Catalog, nil)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Properties struct {
			UseCase struct {
				AnyOf []struct {
					Enum  []string `json:"enum"`
					Items struct {
						Enum []string `json:"enum"`
					} `json:"items"`
				} `json:"anyOf"`
			} `json:"use_case"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	want := strings.Join(set.Catalog.UseCaseIDs(), ",")
	if alts := doc.Properties.UseCase.AnyOf; len(alts) != 2 || strings.Join(alts[0].Items.Enum, ",") != want || strings.Join(alts[1].Enum, ",") != want || len(set.Catalog.UseCases) < 10 {
		t.Errorf("use_case of the real catalog: %+v, want the enum %s", doc.Properties.UseCase, want)
	}

	// A catalog with no use cases has no use_case to take.
	set.Catalog.UseCases = nil
	if data, err := Requirements(&set.Catalog, nil); err != nil || strings.Contains(string(data), "use_case") {
		t.Errorf("no use cases: %v\n%s", err, data)
	}
}

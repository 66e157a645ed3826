package engine_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/advisor-dev/advisor/internal/engine"
	"go.yaml.in/yaml/v3"
)

// scenario is a situation with accepted answers.
type scenario struct {
	ID           string    `yaml:"id"`
	Source       string    `yaml:"source"`
	Summary      string    `yaml:"summary"`
	Scenario     string    `yaml:"scenario"`
	Expect       []string  `yaml:"expect"`
	Reject       []string  `yaml:"reject"`
	Requirements yaml.Node `yaml:"requirements"`
	// Pending says why a case may not run yet: its keys are still to come.
	Pending string `yaml:"pending"`
}

// scenarioFiles are our copies of the shared public scenarios.
var scenarioFiles = map[string]string{
	"testdata/scenarios.yaml":          "public.yaml",
	"testdata/scenarios-workload.yaml": "public-workload.yaml",
}

func readScenarios(t *testing.T, path string) []scenario {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var list []scenario
	if err := yaml.Unmarshal(data, &list); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return list
}

// ownScenarios are ours alone, written from AWS pages before the advisor
// was run on them.
const ownScenarios = "testdata/scenarios-own.yaml"

func TestScenarios(t *testing.T) {
	var all []scenario
	for ours := range scenarioFiles {
		all = append(all, readScenarios(t, ours)...)
	}
	runScenarios(t, all)
}

func TestOwnScenarios(t *testing.T) {
	runScenarios(t, readScenarios(t, ownScenarios))
}

func runScenarios(t *testing.T, all []scenario) {
	set, base := embeddedBase(t)
	for _, sc := range all {
		t.Run(sc.ID, func(t *testing.T) {
			if sc.Pending != "" {
				data, _ := yaml.Marshal(&sc.Requirements)
				if _, err := loader(set, base).Load("req.yaml", data); err != nil {
					t.Skipf("pending: %s (%v)", sc.Pending, err)
				}
			}
			req := parseReq(t, set, base, &sc.Requirements)
			res := engine.Rank(req, base, set)
			if res.Recommendation == nil {
				t.Fatalf("no recommendation; want one of %v", sc.Expect)
			}
			top := res.Recommendation.ID
			if !slices.Contains(sc.Expect, top) || slices.Contains(sc.Reject, top) {
				t.Errorf("top pick %s; want one of %v and none of %v\nranking: %v", top, sc.Expect, sc.Reject, summary(res))
			}
		})
	}
}

// TestScenariosMatchShared fails when the shared public scenarios hold a
// case our copy lacks or states differently. Without ../shared it skips.
func TestScenariosMatchShared(t *testing.T) {
	for file, sharedName := range scenarioFiles {
		shared := filepath.Join("..", "..", "..", "shared", "scenarios", sharedName)
		if _, err := os.Stat(shared); err != nil {
			t.Logf("no %s here: nothing to compare", shared)
			continue
		}
		ours := map[string]scenario{}
		for _, sc := range readScenarios(t, file) {
			ours[sc.ID] = sc
		}
		for _, sc := range readScenarios(t, shared) {
			mine, ok := ours[sc.ID]
			if !ok {
				t.Errorf("%s is in %s but not in %s", sc.ID, shared, file)
				continue
			}
			var a, b any
			_ = sc.Requirements.Decode(&a)
			_ = mine.Requirements.Decode(&b)
			if !reflect.DeepEqual(a, b) || !slices.Equal(sc.Expect, mine.Expect) || !slices.Equal(sc.Reject, mine.Reject) {
				t.Errorf("%s differs from %s: requirements, expect or reject", sc.ID, shared)
			}
		}
	}
}

func summary(res engine.Result) []string {
	var out []string
	for _, r := range res.Ranking {
		mark := ""
		if !r.Eligible {
			mark = "(out)"
		}
		out = append(out, r.ID+mark+":"+ftoa(r.Score))
	}
	return out
}

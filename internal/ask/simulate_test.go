package ask_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/advisor-dev/advisor/internal/ask"
	"github.com/advisor-dev/advisor/internal/embedded"
	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/requirements"
	"go.yaml.in/yaml/v3"
)

type scenario struct {
	ID           string    `yaml:"id"`
	Requirements yaml.Node `yaml:"requirements"`
}

// Simulate answers the questionnaire from req: a key req has is answered
// (as a must or a prefer), any other gets "don't know"; the use case
// screen is answered with req's use_case (none ticked when it has none).
// It returns the number of questions asked, each screen counted once
// however many keys it ticks or leaves, and the final pick.
func Simulate(s *ask.Session, req *requirements.Requirements) (int, string) {
	for {
		c, ok := s.Next()
		if !ok {
			break
		}
		var answers []ask.Answer
		if c.Question.ID == ask.UseCase && len(req.UseCases) > 0 {
			answers = append(answers, ask.UseCaseAnswer(req.UseCases))
		}
		for _, k := range c.Keys {
			if it, must, found := req.Find(k.Key); found {
				answers = append(answers, ask.Answer{Key: k.Key, Value: it.Value, Must: must})
			}
		}
		s.Record(c.Question, answers)
	}
	pick := ""
	if l := s.Leader(); l != nil {
		pick = l.ID
	}
	return len(s.Asked), pick
}

// TestQuestionnaireOnScenarios: for every scenario, the questionnaire
// reaches the pick `recommend` makes on the full requirements. It reports
// how many questions it took (README quotes the figures). It measures the
// product, so it runs the real questionnaire over the real knowledge: what
// it asserts is only that both ways reach the same pick, and that the stop
// rule asks fewer questions, on average, than there are screens.
func TestQuestionnaireOnScenarios(t *testing.T) {
	set, base, err := embedded.Base()
	if err != nil {
		t.Fatal(err)
	}
	loader := &requirements.Loader{Catalog: &set.Catalog, IDs: base.IDs(), Providers: []string{"aws"}}
	data, err := os.ReadFile("../engine/testdata/scenarios.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var list []scenario
	if err := yaml.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	total, most := 0, 0
	for _, sc := range list {
		text, _ := yaml.Marshal(&sc.Requirements)
		req, err := loader.Load(sc.ID, text)
		if err != nil {
			t.Fatal(err)
		}
		want := engine.Rank(req, base, set).Recommendation
		n, got := Simulate(ask.New(set, base, nil), req)
		if want == nil || got != want.ID {
			t.Errorf("%s: questionnaire picked %q after %d questions; recommend picks %v", sc.ID, got, n, want)
		}
		total += n
		most = max(most, n)
		t.Logf("%s: %d questions -> %s", sc.ID, n, got)
	}
	avg := float64(total) / float64(len(list))
	fmt.Printf("questionnaire over %d scenarios: average %.1f questions, maximum %d\n", len(list), avg, most)
	// Relative to the catalog, so that a new key does not fail it: the stop
	// rule must save questions on average. The use case screen, always
	// asked first, counts as a screen and as a question.
	if screens := ask.Screens(&set.Catalog); avg >= float64(screens) {
		t.Errorf("the questionnaire takes %.1f questions on average, as many as its %d screens: the stop rule saves none", avg, screens)
	}
}

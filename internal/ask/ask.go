// Package ask decides what the questionnaire asks next and when it stops.
// It is pure: the rules, the knowledge and the answers so far in; the next
// key to ask out. The terminal side lives in internal/cli.
package ask

import (
	"math"
	"slices"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// Session is a questionnaire in progress.
type Session struct {
	Rules *ruleset.Set
	Base  *kb.Base
	// Req holds the answers so far, as requirements.
	Req *requirements.Requirements
	// Asked lists the ids of the questions asked, answered or not, in order.
	Asked []string
}

// New starts a session with the given starting requirements (keys already
// set, for example from a file, are not asked again).
func New(rules *ruleset.Set, base *kb.Base, start *requirements.Requirements) *Session {
	req := requirements.New()
	if start != nil {
		copied := *start
		copied.Must = slices.Clone(start.Must)
		copied.Prefer = slices.Clone(start.Prefer)
		copied.UseCases = slices.Clone(start.UseCases)
		req = &copied
	}
	return &Session{Rules: rules, Base: base, Req: req}
}

// Leader is the current top pick, or nil when no service meets every must.
func (s *Session) Leader() *engine.Pick {
	return engine.Rank(s.Req, s.Base, s.Rules).Recommendation
}

// Answer is the answer to one key of a question.
type Answer struct {
	Key   string
	Value catalog.Value
	Must  bool // else a prefer of weight 1
}

// UseCase is the questionnaire's first screen, what the messaging is for:
// its question id, and the Key of its answer, whose Value lists the use
// case ids ticked. It fills the requirements' top-level use_case, not a
// key of must or prefer.
const UseCase = "use_case"

// UseCaseQuestion is the first screen's question.
var UseCaseQuestion = catalog.Question{
	ID:    UseCase,
	Title: "What is the messaging for?",
	Help:  "Tick any that apply, or none. They steer which kind of service fits; they never rule one out.",
}

// UseCaseAnswer is the first screen's answer: the use cases ticked.
func UseCaseAnswer(ids []string) Answer {
	return Answer{Key: UseCase, Value: catalog.Value{Type: catalog.List, List: ids}}
}

// Record stores the answers to question q; keys of q left out of answers
// got "no preference". The use case screen's answer replaces the use
// cases, in catalog order (ids that are not the catalog's are dropped: the
// prompt offers only those).
func (s *Session) Record(q catalog.Question, answers []Answer) {
	s.Asked = append(s.Asked, q.ID)
	for _, a := range answers {
		if a.Key == UseCase {
			s.Req.UseCases = requirements.OrderUseCases(&s.Rules.Catalog, a.Value.List)
			continue
		}
		s.Req.Set(&s.Rules.Catalog, requirements.Item{Key: a.Key, Value: a.Value, Weight: 1}, a.Must)
	}
}

// Candidate is a question that could be asked, with what it is worth.
type Candidate struct {
	Question catalog.Question
	// UseCases are, on the use case screen (Question.ID is UseCase), the
	// catalog's use cases to tick from; nil on every other screen.
	UseCases []catalog.UseCase
	Keys     []*catalog.Key // the keys of the question not set yet
	// Changes is the share of the possible answers that would change the
	// pick; Prior the chance the user has a requirement on any of the keys;
	// Worth is the two multiplied.
	Changes, Prior, Worth float64
}

// Next returns the question most worth asking, or false when it is time to
// stop: no answer left could change the pick, or the chance that one does
// is below ranking.yaml's asking.stop_below. The use case screen comes
// first, whatever the worth of the rest: it says what the design is, and
// the rest are judged in its light; it is skipped when the catalog has no
// use cases or the answers so far (a file) name some.
func (s *Session) Next() (Candidate, bool) {
	if s.asksUseCase() {
		return Candidate{Question: UseCaseQuestion, UseCases: s.Rules.Catalog.UseCases}, true
	}
	best, found := Candidate{}, false
	stay := 1.0 // the chance that no question left changes the pick
	for _, c := range s.Candidates() {
		stay *= 1 - c.Worth
		if c.Changes == 0 {
			continue
		}
		if !found || c.Worth > best.Worth {
			best, found = c, true
		}
	}
	if !found || 1-stay < s.Rules.Ranking.Asking.StopBelow {
		return Candidate{}, false
	}
	return best, true
}

// Candidates lists the questions not asked yet that still have a key not
// set, in catalog order, with their worth.
func (s *Session) Candidates() []Candidate {
	leader := winner(engine.Rank(s.Req, s.Base, s.Rules))
	var out []Candidate
	for _, q := range s.Rules.Catalog.Asked() {
		if slices.Contains(s.Asked, q.ID) {
			continue
		}
		c := Candidate{Question: q}
		stay, tried, changed := 1.0, 0, 0
		for _, name := range q.Keys {
			if s.Req.Has(name) {
				continue
			}
			i := s.Rules.Catalog.Index(name)
			k := &s.Rules.Catalog.Keys[i]
			c.Keys = append(c.Keys, k)
			stay *= 1 - k.Prior
			for _, v := range PossibleAnswers(k, s.Base, i) {
				trial := *s.Req
				trial.Must, trial.Prefer = slices.Clone(s.Req.Must), slices.Clone(s.Req.Prefer)
				trial.Set(&s.Rules.Catalog, requirements.Item{Key: k.Key, Value: v, Weight: 1}, true)
				tried++
				if winner(engine.Rank(&trial, s.Base, s.Rules)) != leader {
					changed++
				}
			}
		}
		if len(c.Keys) == 0 {
			continue
		}
		if tried > 0 {
			c.Changes = float64(changed) / float64(tried)
		}
		c.Prior = 1 - stay
		c.Worth = math.Round(c.Changes*c.Prior*1e6) / 1e6
		out = append(out, c)
	}
	return out
}

// asksUseCase reports whether the use case screen is still to be asked.
func (s *Session) asksUseCase() bool {
	return len(s.Rules.Catalog.UseCases) > 0 && len(s.Req.UseCases) == 0 && !slices.Contains(s.Asked, UseCase)
}

// Screens is how many screens the questionnaire has: the use case screen,
// when the catalog has use cases, and one for each of the catalog's questions.
func Screens(cat *catalog.Catalog) int {
	n := len(cat.Asked())
	if len(cat.UseCases) > 0 {
		n++
	}
	return n
}

func winner(res engine.Result) string {
	if res.Recommendation == nil {
		return ""
	}
	return res.Recommendation.ID
}

// PossibleAnswers are the values worth trying for key k (at catalog index
// i): every value of an enum or list, true for a bool, and for a quantity
// every distinct limit the services have (the only places where the pick
// can change), or the catalog's examples when they have none.
func PossibleAnswers(k *catalog.Key, base *kb.Base, i int) []catalog.Value {
	var out []catalog.Value
	switch k.Type {
	case catalog.Bool:
		return []catalog.Value{{Type: catalog.Bool, Bool: true}}
	case catalog.Enum:
		for _, v := range k.Values {
			out = append(out, catalog.Value{Type: catalog.Enum, Text: v})
		}
		return out
	case catalog.List:
		for _, v := range k.Values {
			out = append(out, catalog.Value{Type: catalog.List, List: []string{v}})
		}
		return out
	}
	var nums []float64
	for _, s := range base.Services {
		f := s.Fact(i)
		if f == nil {
			continue
		}
		nums = append(nums, f.Value.Num)
		for _, o := range f.Options {
			nums = append(nums, o.Value.Num)
		}
	}
	slices.Sort(nums)
	nums = slices.Compact(nums)
	for _, n := range nums {
		if n > 0 && !math.IsInf(n, 1) {
			out = append(out, catalog.Value{Type: k.Type, Num: n})
		}
	}
	if len(out) == 0 {
		for _, ex := range k.Examples {
			if v, err := k.ParseText(ex, catalog.InRequirement); err == nil {
				out = append(out, v)
			}
		}
	}
	return out
}

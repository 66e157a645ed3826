// Package ask decides what the questionnaire asks next and when it stops.
// It is pure: the rules, the knowledge and the answers so far in; the next
// question to ask out. The terminal side lives in internal/cli.
//
// A question is one prompt: what the messaging is for, first; then the
// checklist that ticks every yes-or-no, choice and list answer at once,
// and the line that takes every number, each asked when it is worth it
// (how likely the user has a requirement there, times the share of its
// answers that would change the pick). The questionnaire stops once the
// questions left are unlikely to change the pick. The catalog words each
// question (catalog.QuestionIDs).
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
	// Req holds the starting requirements with the answers so far.
	Req *requirements.Requirements
	// Steps are the questions answered, in order, with their answers;
	// Back takes the last one back, Replace changes one.
	Steps []Step
	start *requirements.Requirements
}

// Step is one question answered.
type Step struct {
	Candidate Candidate
	Answers   []Answer
}

// New starts a session with the given starting requirements (keys already
// set, for example from a file, are not asked again).
func New(rules *ruleset.Set, base *kb.Base, start *requirements.Requirements) *Session {
	if start == nil {
		start = requirements.New()
	}
	s := &Session{Rules: rules, Base: base, start: clone(start)}
	s.rebuild()
	return s
}

func clone(r *requirements.Requirements) *requirements.Requirements {
	c := *r
	c.Must = slices.Clone(r.Must)
	c.Prefer = slices.Clone(r.Prefer)
	c.UseCases = slices.Clone(r.UseCases)
	c.Exclude = slices.Clone(r.Exclude)
	return &c
}

// Leader is the current top pick, or nil when no service meets every must.
func (s *Session) Leader() *engine.Ranked {
	res := engine.Rank(s.Req, s.Base, s.Rules)
	if res.Recommendation == nil {
		return nil
	}
	for i := range res.Ranking {
		if res.Ranking[i].ID == res.Recommendation.ID {
			return &res.Ranking[i]
		}
	}
	return nil
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
const UseCase = catalog.QuestionUseCase

// UseCaseAnswer is the first screen's answer: the use cases ticked.
func UseCaseAnswer(ids []string) Answer {
	return Answer{Key: UseCase, Value: catalog.Value{Type: catalog.List, List: ids}}
}

// Record stores the answers to the question of c; keys of c left out of
// answers got "no preference". The use case screen's answer replaces the
// use cases, in catalog order (ids that are not the catalog's are
// dropped: the prompt offers only those).
func (s *Session) Record(c Candidate, answers []Answer) {
	s.Steps = append(s.Steps, Step{Candidate: c, Answers: answers})
	s.apply(answers)
}

// Back takes back the last question answered, so that Next asks it again;
// false when none was answered.
func (s *Session) Back() bool {
	if len(s.Steps) == 0 {
		return false
	}
	s.Steps = s.Steps[:len(s.Steps)-1]
	s.rebuild()
	return true
}

// Replace changes the answers of step i (a review's edit).
func (s *Session) Replace(i int, answers []Answer) {
	s.Steps[i].Answers = answers
	s.rebuild()
}

// SetText sets the title and the context of the requirements (the
// review's), which no question asks.
func (s *Session) SetText(title, context string) {
	s.start.Title, s.start.Context = title, context
	s.Req.Title, s.Req.Context = title, context
}

func (s *Session) rebuild() {
	s.Req = clone(s.start)
	for _, st := range s.Steps {
		s.apply(st.Answers)
	}
}

func (s *Session) apply(answers []Answer) {
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
	// Choices are, on the checklist (Question.ID is Checklist), what can
	// be ticked, most decisive first; nil on every other screen.
	Choices []Choice
	Keys    []*catalog.Key // the keys the question asks
	// Changes is the share of the possible answers that would change the
	// pick; Prior the chance the user has a requirement on any of the keys;
	// Worth the chance that asking changes the pick.
	Changes, Prior, Worth float64
}

// Checklist is the id of the question that ticks, in one list, every
// yes-or-no key and every value of an enum or list key whose answer could
// change the pick.
const Checklist = catalog.QuestionNeeds

// Choice is one line of the checklist: a yes-or-no key, or one value of
// an enum or list key.
type Choice struct {
	Key   *catalog.Key
	Value catalog.Value
	// Name is what a line prompt takes typed: the key for a yes-or-no
	// key ("fanout"), else key=value ("ordering=strict").
	Name string
	// Changes says whether the answer alone changes the current pick.
	Changes bool
}

// Label is the choice in plain words: the catalog's description of the
// value, else the key's title and the value.
func (c Choice) Label() string {
	if c.Key.Type == catalog.Bool {
		if d := c.Key.Describe["true"]; d != "" {
			return d
		}
		return c.Key.Question
	}
	v := c.Value.Text
	if c.Key.Type == catalog.List {
		v = c.Value.List[0]
	}
	if d := c.Key.Describe[v]; d != "" {
		return d
	}
	return c.Key.Title + " " + v
}

// Tick is a checklist line ticked, by Choice.Name, must or nice.
type Tick struct {
	Name string
	Must bool
}

// ChecklistAnswers turns the lines ticked into answers, one a key: the
// values of a list key ticked together make one list, a must when any of
// them is; of an enum key ticked twice, the last one counts.
func ChecklistAnswers(c Candidate, ticks []Tick) []Answer {
	var out []Answer
	for _, t := range ticks {
		i := slices.IndexFunc(c.Choices, func(ch Choice) bool { return ch.Name == t.Name })
		if i < 0 {
			continue
		}
		ch := c.Choices[i]
		j := slices.IndexFunc(out, func(a Answer) bool { return a.Key == ch.Key.Key })
		switch {
		case j < 0:
			v := ch.Value
			v.List = slices.Clone(v.List)
			out = append(out, Answer{Key: ch.Key.Key, Value: v, Must: t.Must})
		case ch.Key.Type == catalog.List:
			if !slices.Contains(out[j].Value.List, ch.Value.List[0]) {
				out[j].Value.List = append(out[j].Value.List, ch.Value.List[0])
			}
			out[j].Must = out[j].Must || t.Must
		default:
			out[j] = Answer{Key: ch.Key.Key, Value: ch.Value, Must: t.Must}
		}
	}
	return out
}

// Ticked is the checklist lines answers tick: the inverse of
// ChecklistAnswers, for a review that shows them again.
func Ticked(c Candidate, answers []Answer) []Tick {
	var out []Tick
	for _, ch := range c.Choices {
		for _, a := range answers {
			if a.Key != ch.Key.Key {
				continue
			}
			if ch.Key.Type == catalog.List && slices.Contains(a.Value.List, ch.Value.List[0]) ||
				ch.Key.Type != catalog.List && a.Value.String() == ch.Value.String() {
				out = append(out, Tick{Name: ch.Name, Must: a.Must})
			}
		}
	}
	return out
}

// asked reports whether question id was answered (and not taken back).
func (s *Session) asked(id string) bool {
	return slices.ContainsFunc(s.Steps, func(st Step) bool { return st.Candidate.Question.ID == id })
}

// Next returns the question most worth asking, or false when it is time to
// stop: no answer left could change the pick, or the chance that one does
// is below ranking.yaml's asking.stop_below. The use case screen comes
// first, whatever the worth of the rest: it says what the design is, and
// the rest are judged in its light; it is skipped when the catalog has no
// use cases or the answers so far (a file) name some.
func (s *Session) Next() (Candidate, bool) {
	if s.asksUseCase() {
		return Candidate{Question: s.Rules.Catalog.Question(UseCase), UseCases: s.Rules.Catalog.UseCases}, true
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
// set, with their worth: the checklist of every yes-or-no, enum and list
// key, then every other key (the numbers) on its own, in catalog order.
func (s *Session) Candidates() []Candidate {
	leader := winner(engine.Rank(s.Req, s.Base, s.Rules))
	var out []Candidate
	var ticks, others []*catalog.Key
	for _, k := range s.Rules.Catalog.AskOrder() {
		if s.Req.Has(k.Key) {
			continue
		}
		switch k.Type {
		case catalog.Bool, catalog.Enum, catalog.List:
			ticks = append(ticks, k)
		default:
			others = append(others, k)
		}
	}
	if len(ticks) > 0 && !s.asked(Checklist) {
		if c := s.worth(Candidate{Question: s.Rules.Catalog.Question(Checklist), Keys: ticks}, leader); len(c.Choices) > 0 {
			out = append(out, c)
		}
	}
	if len(others) > 0 && !s.asked(Numbers) {
		out = append(out, s.worth(Candidate{Question: s.Rules.Catalog.Question(Numbers), Keys: others}, leader))
	}
	return out
}

// Numbers is the id of the question that takes, in one line, any of the
// quantity keys: "throughput 3k/s, consumers 150".
const Numbers = catalog.QuestionNumbers

// worth fills c's Changes, Prior and Worth: each key's answers are tried
// one at a time against leader, and the question is worth the chance that
// one of its keys both holds a requirement and changes the pick. On the
// checklist it also fills Choices with the answers that change the pick,
// most decisive key first.
func (s *Session) worth(c Candidate, leader string) Candidate {
	none, stay := 1.0, 1.0
	tried, changed := 0, 0
	type keyed struct {
		key     *catalog.Key
		worth   float64
		choices []Choice
	}
	var byKey []keyed
	for _, k := range c.Keys {
		i := s.Rules.Catalog.Index(k.Key)
		none *= 1 - k.Prior
		kTried, kChanged := 0, 0
		var choices []Choice
		for _, v := range PossibleAnswers(k, s.Base, i) {
			trial := *s.Req
			trial.Must, trial.Prefer = slices.Clone(s.Req.Must), slices.Clone(s.Req.Prefer)
			trial.Set(&s.Rules.Catalog, requirements.Item{Key: k.Key, Value: v, Weight: 1}, true)
			kTried++
			changes := winner(engine.Rank(&trial, s.Base, s.Rules)) != leader
			if changes {
				kChanged++
			}
			choices = append(choices, Choice{Key: k, Value: v, Name: choiceName(k, v), Changes: changes})
		}
		tried += kTried
		changed += kChanged
		w := 0.0
		if kTried > 0 {
			w = k.Prior * float64(kChanged) / float64(kTried)
			stay *= 1 - w
		}
		byKey = append(byKey, keyed{k, w, choices})
	}
	order := func() {
		slices.SortStableFunc(byKey, func(a, b keyed) int {
			switch {
			case a.worth > b.worth:
				return -1
			case a.worth < b.worth:
				return 1
			}
			return 0
		})
	}
	switch c.Question.ID {
	case Checklist:
		order()
		for _, k := range byKey {
			c.Choices = append(c.Choices, k.choices...)
		}
	case Numbers:
		order()
		c.Keys = c.Keys[:0]
		for _, k := range byKey {
			c.Keys = append(c.Keys, k.key)
		}
	}
	if tried > 0 {
		c.Changes = float64(changed) / float64(tried)
	}
	c.Prior = 1 - none
	c.Worth = math.Round((1-stay)*1e6) / 1e6
	return c
}

func choiceName(k *catalog.Key, v catalog.Value) string {
	switch k.Type {
	case catalog.Bool:
		return k.Key
	case catalog.List:
		return k.Key + "=" + v.List[0]
	}
	return k.Key + "=" + v.Text
}

// asksUseCase reports whether the use case screen is still to be asked.
func (s *Session) asksUseCase() bool {
	return len(s.Rules.Catalog.UseCases) > 0 && len(s.start.UseCases) == 0 && !s.asked(UseCase)
}

func winner(res engine.Result) string {
	if res.Recommendation == nil {
		return ""
	}
	return res.Recommendation.ID
}

// PossibleAnswers are the values worth trying for key k (at catalog index
// i): every value of an enum or list (but the weakest of an ordered enum,
// which every service meets: "any order will do" asks for nothing), true
// for a bool, and for a quantity
// every distinct limit the services have (the only places where the pick
// can change), or the catalog's examples when they have none.
func PossibleAnswers(k *catalog.Key, base *kb.Base, i int) []catalog.Value {
	var out []catalog.Value
	switch k.Type {
	case catalog.Bool:
		return []catalog.Value{{Type: catalog.Bool, Bool: true}}
	case catalog.Enum:
		for _, v := range k.Values {
			if len(k.Strength) > 0 && v == k.Strength[0] {
				continue
			}
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

// Package catalog is the model of the requirement keys users can set: their
// types, allowed values, questions and help, as loaded from rules/catalog.yaml.
package catalog

import (
	"slices"

	"github.com/advisor-dev/advisor/internal/diag"
)

// Type is how a key's value is written and compared.
type Type string

// The key types of the requirements file.
const (
	Bool     Type = "bool"
	Enum     Type = "enum"
	List     Type = "list"
	Duration Type = "duration"
	Rate     Type = "rate"
	Size     Type = "size"
	// Integer is a count of things (consumers): a whole number.
	Integer Type = "integer"
	// Bandwidth is bytes per second; only measures (not asked) use it.
	Bandwidth Type = "bandwidth"
	// Money is US dollars a month (budget).
	Money Type = "money"
)

// Types lists every key type, for validation messages.
var Types = []string{string(Bool), string(Enum), string(List), string(Duration), string(Rate), string(Size), string(Integer), string(Bandwidth), string(Money)}

// Catalog is the set of requirement keys, in the order reports show them,
// and how the questionnaire groups them into questions.
type Catalog struct {
	Version   int        `yaml:"version"`
	Keys      []Key      `yaml:"keys"`
	Questions []Question `yaml:"questions"`
	// Measures are limits a knowledge entry records that no one is asked
	// for: they are judged against what the keys imply together (bytes a
	// second is throughput times message size).
	Measures []Key `yaml:"measures"`
	// UseCases are what messaging is for: the ids a requirements file's
	// use_case takes and a knowledge entry's suits names.
	UseCases []UseCase `yaml:"use_cases"`
}

// UseCase is one thing messaging is for ("broadcast").
type UseCase struct {
	ID      string `yaml:"id"`
	Meaning string `yaml:"meaning"`

	Pos diag.Pos `yaml:"-"`
}

// UseCaseIDs lists the use case ids in catalog order.
func (c *Catalog) UseCaseIDs() []string {
	ids := make([]string, len(c.UseCases))
	for i, u := range c.UseCases {
		ids[i] = u.ID
	}
	return ids
}

// Measure returns the measure named name.
func (c *Catalog) Measure(name string) (*Key, bool) {
	i := c.MeasureIndex(name)
	if i < 0 {
		return nil, false
	}
	return &c.Measures[i], true
}

// MeasureIndex is the position of a measure in the catalog; -1 if unknown.
func (c *Catalog) MeasureIndex(name string) int {
	return slices.IndexFunc(c.Measures, func(k Key) bool { return k.Key == name })
}

// Question is one prompt of the questionnaire, in the catalog's words.
// Its id is one of QuestionIDs: the questionnaire knows what each takes
// and when it comes; the catalog says how it is put. Keys, on the needs
// and numbers questions only, order the keys there when they are equally
// worth asking: those listed first, in their order, then the rest in
// catalog order.
type Question struct {
	ID    string   `yaml:"id"`
	Title string   `yaml:"title"`
	Help  string   `yaml:"help"`
	Keys  []string `yaml:"keys"`

	Pos diag.Pos `yaml:"-"` // where the question is written, for messages
}

// The questionnaire's prompts, by the id of their question in the catalog.
const (
	// QuestionUseCase asks what the messaging is for; it comes first.
	QuestionUseCase = "use_case"
	// QuestionNeeds ticks, in one list, every yes-or-no key and every
	// value of a choice or list key, each a must or nice to have.
	QuestionNeeds = "needs"
	// QuestionNumbers takes any quantity key on one line.
	QuestionNumbers = "numbers"
	// QuestionReview lists the answers before the result.
	QuestionReview = "review"
	// QuestionTitle and QuestionContext, offered by the review, ask for
	// the requirements' title and context.
	QuestionTitle   = "title"
	QuestionContext = "context"
)

// QuestionIDs lists every question the catalog must word.
var QuestionIDs = []string{QuestionUseCase, QuestionNeeds, QuestionNumbers, QuestionReview, QuestionTitle, QuestionContext}

// Question returns the question id as the catalog words it; the loader
// makes sure the catalog words every one of QuestionIDs.
func (c *Catalog) Question(id string) Question {
	i := slices.IndexFunc(c.Questions, func(q Question) bool { return q.ID == id })
	if i < 0 {
		return Question{ID: id}
	}
	return c.Questions[i]
}

// AskOrder lists every key in the order the questionnaire breaks ties
// in: the keys the questions list, in their order, then the rest in
// catalog order.
func (c *Catalog) AskOrder() []*Key {
	var out []*Key
	listed := map[string]bool{}
	for _, q := range c.Questions {
		for _, name := range q.Keys {
			if i := c.Index(name); i >= 0 && !listed[name] {
				out = append(out, &c.Keys[i])
				listed[name] = true
			}
		}
	}
	for i := range c.Keys {
		if !listed[c.Keys[i].Key] {
			out = append(out, &c.Keys[i])
		}
	}
	return out
}

// Key is one requirement key.
type Key struct {
	Key      string            `yaml:"key"`
	Type     Type              `yaml:"type"`
	Title    string            `yaml:"title"`    // short label for table headers
	Question string            `yaml:"question"` // what `ask` asks
	Help     string            `yaml:"help"`     // one line under the question and in --help
	Values   []string          `yaml:"values"`   // enum and list: allowed values
	Describe map[string]string `yaml:"describe"` // value -> plain words, for questions and docs
	// Strength orders an enum from weakest to strongest; a service whose value is
	// at least as strong as the wanted one meets it. Empty: values must match.
	Strength []string `yaml:"strength"`
	// Covers maps a list value to the values that each meet it when it is
	// wanted: plain amqp is met by amqp-0-9-1 or amqp-1.0.
	Covers    map[string][]string `yaml:"covers"`
	Unlimited bool                `yaml:"unlimited"` // quantities: "unlimited" is a valid requirement
	Examples  []string            `yaml:"examples"`  // quantities: example values
	Unit      string              `yaml:"unit"`      // quantities: the unit words for help
	// Estimate says the key is judged against the cost estimate, not a
	// fact of the knowledge base (budget): entries record nothing on it.
	Estimate bool `yaml:"estimate"`
	// Prior is how often a messaging design has a requirement on this key
	// (0 to 1): the questionnaire asks likely keys first and stops when the
	// keys left are unlikely to change the pick.
	Prior float64 `yaml:"prior"`

	Pos diag.Pos `yaml:"-"` // where the key is written, for messages
}

// Lookup returns the key named name.
func (c *Catalog) Lookup(name string) (*Key, bool) {
	for i := range c.Keys {
		if c.Keys[i].Key == name {
			return &c.Keys[i], true
		}
	}
	return nil, false
}

// Names lists the key names in catalog order.
func (c *Catalog) Names() []string {
	names := make([]string, len(c.Keys))
	for i, k := range c.Keys {
		names[i] = k.Key
	}
	return names
}

// Index is the position of a key in the catalog, for stable ordering; -1 if unknown.
func (c *Catalog) Index(name string) int {
	return slices.IndexFunc(c.Keys, func(k Key) bool { return k.Key == name })
}

// IsQuantity reports whether values of the key are numbers with units.
func (k *Key) IsQuantity() bool {
	return k.Type == Duration || k.Type == Rate || k.Type == Size || k.Type == Integer || k.Type == Bandwidth || k.Type == Money
}

// Rank is the strength of an enum value (higher is stronger), or -1.
func (k *Key) Rank(v string) int {
	return slices.Index(k.Strength, v)
}

package kb

import (
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/yamlx"
)

// Combination is a knowledge entry made of services used together (SNS
// fanning out into SQS queues, say). Its facts are not written down: they
// follow from its parts' facts by each rule's `combine`, so that they stay
// true when a part's facts change.
type Combination struct {
	Version int    `yaml:"version"`
	ID      string `yaml:"id"`
	Name    string `yaml:"name"`
	// RawParts are the parts as written: service ids (version 1) or
	// {id, role, variant} (version 2), in the order messages flow.
	RawParts []yaml.Node `yaml:"parts"`
	// Answers say which part answers which keys, for whom; the other keys
	// follow each rule's combine over all parts.
	Answers  []Answer `yaml:"answers"`
	Paradigm string   `yaml:"paradigm"`
	Summary  string   `yaml:"summary"`
	Docs     string   `yaml:"docs"`
	Checked  string   `yaml:"checked"`
	UseCases []string `yaml:"use_cases"`
	// Suits are the use cases the combination is for; Consequences add to
	// its parts' (the wiring between them).
	Suits        Suits         `yaml:"suits"`
	Consequences []Consequence `yaml:"consequences"`

	// Parts are the service ids, Roles what each does, Pinned the one
	// variant of each part it uses ("" for any), all in the order of the parts.
	Parts  []string `yaml:"-"`
	Roles  []string `yaml:"-"`
	Pinned []string `yaml:"-"`

	File string               `yaml:"-"`
	At   CombinationPositions `yaml:"-"`
}

// Answer says that one part alone answers some keys, for some consumers.
type Answer struct {
	From string   `yaml:"from"`
	For  string   `yaml:"for"`
	Keys []string `yaml:"keys"`
}

// Roles are what a part of a combination does.
var Roles = []string{"entry", "fan-out", "buffer", "archive", "reader"}

type rawPart struct {
	ID      string `yaml:"id"`
	Role    string `yaml:"role"`
	Variant string `yaml:"variant"`
}

// CombinationPositions are where a combination's id and parts are written.
type CombinationPositions struct {
	ID    diag.Pos
	Parts []diag.Pos
}

// ParseCombination reads and checks one combination; its parts are
// checked when the knowledge base is assembled.
func ParseCombination(name string, data []byte, ctx *Context) (*Combination, error) {
	root, err := yamlx.Parse(name, data)
	if err != nil {
		return nil, err
	}
	var c Combination
	if err := yamlx.Decode(name, root, &c); err != nil {
		return nil, err
	}
	at := func(key string) diag.Pos { return yamlx.Pos(name, yamlx.Lookup(root, key)) }
	c.File, c.At.ID = name, at("id")
	var errs diag.List
	if !slices.Contains(Versions, c.Version) {
		errs.Add(at("version"), "version must be 1 or 2, not %d", c.Version)
	}
	for i := range c.RawParts {
		n := &c.RawParts[i]
		pos := yamlx.Pos(name, n)
		c.At.Parts = append(c.At.Parts, pos)
		var part rawPart
		if id, ok := yamlx.Scalar(yamlx.Resolve(n)); ok {
			part.ID = id
		} else if err := yamlx.Decode(name, n, &part); err != nil {
			errs.Append(pos, err)
			continue
		}
		if part.Role != "" && !slices.Contains(Roles, part.Role) {
			errs.Add(pos, "part %q: role %q is not one of %s%s", part.ID, part.Role, diag.OneOf(Roles), diag.Suggest(part.Role, Roles))
		}
		c.Parts = append(c.Parts, part.ID)
		c.Roles = append(c.Roles, part.Role)
		c.Pinned = append(c.Pinned, part.Variant)
	}
	c.RawParts = nil // read; the cache keeps Parts, Roles and Pinned
	answered := map[string]bool{}
	for i, a := range c.Answers {
		pos := yamlx.Pos(name, nth(yamlx.Lookup(root, "answers"), i))
		if !slices.Contains(c.Parts, a.From) {
			errs.Add(pos, "answers: %q is not a part of %s (%s)", a.From, c.ID, diag.OneOf(c.Parts))
		}
		if len(a.Keys) == 0 {
			errs.Add(pos, "answers from %q needs keys", a.From)
		}
		for _, key := range a.Keys {
			_, isKey := ctx.Rules.Catalog.Lookup(key)
			_, isMeasure := ctx.Rules.Catalog.Measure(key)
			switch {
			case !isKey && !isMeasure:
				names := append(ctx.Rules.Catalog.Names(), measureNames(&ctx.Rules.Catalog)...)
				errs.Add(pos, "answers names unknown key %q%s", key, diag.Suggest(key, names))
			case answered[key]:
				errs.Add(pos, "key %q is answered by two parts; one part answers a key", key)
			}
			answered[key] = true
		}
	}
	if !validID(c.ID) {
		errs.Add(at("id"), "id %q must be lower-case letters, digits and dashes", c.ID)
	}
	if len(c.Parts) < 2 {
		errs.Add(at("parts"), "a combination needs at least two parts (service ids)")
	}
	for _, f := range []struct{ key, value string }{{"name", c.Name}, {"summary", c.Summary}} {
		if f.value == "" {
			errs.Add(at(f.key), "%s is missing", f.key)
		}
	}
	jr := judgementRule{cat: &ctx.Rules.Catalog, errs: &errs}
	jr.suits(at("suits"), "combination "+c.ID, c.Suits)
	jr.consequences(at("consequences"), c.Consequences)
	if len(c.UseCases) == 0 {
		errs.Add(at("use_cases"), "use_cases is missing")
	}
	if paradigms := ctx.Rules.Ranking.Paradigms; !slices.Contains(paradigms, c.Paradigm) {
		errs.Add(at("paradigm"), "paradigm %q is not one of %s%s", c.Paradigm, diag.OneOf(paradigms), diag.Suggest(c.Paradigm, paradigms))
	}
	sourceRule{}.check(&errs, at("docs"), "combination "+c.ID, c.Docs, c.Checked)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &c, nil
}

package ruleset

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/yamlx"
	"go.yaml.in/yaml/v3"
)

// Files are the rule files a rules directory holds.
const (
	CatalogFile = "catalog.yaml"
	JudgingFile = "judging.yaml"
	RankingFile = "ranking.yaml"
)

type judgingFile struct {
	Version int       `yaml:"version"`
	Rules   []Rule    `yaml:"rules"`
	Derived []Derived `yaml:"derived"`
}

// Reader returns a rule file's contents and the name to use for it in messages.
type Reader func(file string) (name string, data []byte, err error)

// FromFS reads rule files from fsys, naming them prefix+file.
func FromFS(fsys fs.FS, prefix string) Reader {
	return func(file string) (string, []byte, error) {
		data, err := fs.ReadFile(fsys, file)
		return prefix + file, data, err
	}
}

// Parts are the decoded contents of the three rule files, before checks;
// every key, question, rule and hint carries the position it was read at,
// so that a problem is blamed on the file (base or overlay) that holds it.
type Parts struct {
	Catalog catalog.Catalog
	Rules   []Rule
	Derived []Derived
	Ranking Ranking
	// Digest is the SHA-256 of the rule files read, in order: what a
	// record keeps to tell a new release's rules from new knowledge.
	Digest string
}

// Load reads and checks the three rule files of base, with each overlay
// layered on top: an overlay's catalog keys, questions and rules add to the
// base or replace those of the same name; its ranking.yaml replaces the
// base's. An overlay may hold any of the three files, or none. Every problem
// of every file is reported at once, at its file:line:col.
func Load(base Reader, overlays ...Reader) (*Set, error) {
	var p Parts
	var errs diag.List
	rankingAt := func(...string) diag.Pos { return diag.Pos{} }
	digest := sha256.New()
	read := func(r Reader, file string, optional bool) (string, *yaml.Node) {
		name, data, err := r(file)
		if err != nil {
			if !optional || !errors.Is(err, fs.ErrNotExist) {
				errs.Add(diag.Pos{File: name}, "%s", diag.Reason(err))
			}
			return name, nil
		}
		fmt.Fprintf(digest, "%s %d\n", file, len(data))
		digest.Write(data)
		root, err := yamlx.Parse(name, data)
		errs.Append(diag.Pos{File: name}, err)
		return name, root
	}
	for i, r := range append([]Reader{base}, overlays...) {
		optional := i > 0
		if name, root := read(r, CatalogFile, optional); root != nil {
			var c catalog.Catalog
			if decode(name, root, &c, &errs) {
				positions(name, root, "keys", func(j int, at diag.Pos) { c.Keys[j].Pos = at })
				positions(name, root, "questions", func(j int, at diag.Pos) { c.Questions[j].Pos = at })
				positions(name, root, "measures", func(j int, at diag.Pos) { c.Measures[j].Pos = at })
				checkVersion(name, root, c.Version, &errs)
				p.Catalog.Version = 1
				p.Catalog.Keys = merge(p.Catalog.Keys, c.Keys, func(k catalog.Key) string { return k.Key })
				p.Catalog.Questions = merge(p.Catalog.Questions, c.Questions, func(q catalog.Question) string { return q.ID })
				p.Catalog.Measures = merge(p.Catalog.Measures, c.Measures, func(k catalog.Key) string { return k.Key })
				positions(name, root, "use_cases", func(j int, at diag.Pos) { c.UseCases[j].Pos = at })
				p.Catalog.UseCases = merge(p.Catalog.UseCases, c.UseCases, func(u catalog.UseCase) string { return u.ID })
			}
		}
		if name, root := read(r, JudgingFile, optional); root != nil {
			var j judgingFile
			if decode(name, root, &j, &errs) {
				positions(name, root, "rules", func(k int, at diag.Pos) { j.Rules[k].Pos = at })
				positions(name, root, "derived", func(k int, at diag.Pos) { j.Derived[k].Pos = at })
				checkVersion(name, root, j.Version, &errs)
				p.Rules = merge(p.Rules, j.Rules, func(r Rule) string { return r.Key })
				p.Derived = merge(p.Derived, j.Derived, func(d Derived) string { return d.Measure })
			}
		}
		if name, root := read(r, RankingFile, optional); root != nil {
			var rk Ranking
			if decode(name, root, &rk, &errs) {
				positions(name, root, "hints", func(k int, at diag.Pos) { rk.Hints[k].Pos = at })
				checkVersion(name, root, rk.Version, &errs)
				p.Ranking, rankingAt = rk, func(keys ...string) diag.Pos { return yamlx.Pos(name, yamlx.Lookup(root, keys...)) }
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	p.Ranking.Pos = rankingAt()
	p.Digest = hex.EncodeToString(digest.Sum(nil))
	return fromParts(p, rankingAt)
}

func decode(name string, root *yaml.Node, into any, errs *diag.List) bool {
	err := yamlx.Decode(name, root, into)
	errs.Append(diag.Pos{File: name}, err)
	return err == nil
}

func checkVersion(name string, root *yaml.Node, v int, errs *diag.List) {
	if v != 1 {
		errs.Add(yamlx.Pos(name, yamlx.Lookup(root, "version")), "version must be 1, not %d", v)
	}
}

// positions calls set with the position of each item of the list under key.
func positions(name string, root *yaml.Node, key string, set func(int, diag.Pos)) {
	list := yamlx.Resolve(yamlx.Lookup(root, key))
	if list == nil || list.Kind != yaml.SequenceNode {
		return
	}
	for i, n := range list.Content {
		set(i, yamlx.Pos(name, n))
	}
}

// merge replaces items of base with over's items of the same name and
// appends the new ones, keeping base's order.
func merge[T any](base, over []T, name func(T) string) []T {
	out := slices.Clone(base)
	for _, o := range over {
		if i := slices.IndexFunc(out, func(b T) bool { return name(b) == name(o) }); i >= 0 {
			out[i] = o
		} else {
			out = append(out, o)
		}
	}
	return out
}

// Parts returns what the set was assembled from, for the start-up cache.
func (s *Set) Parts() Parts {
	r := s.Ranking
	r.Hints = make([]Hint, len(s.Ranking.Hints))
	for i, h := range s.Ranking.Hints {
		h.Conds = nil // derived; rebuilt by FromParts
		r.Hints[i] = h
	}
	rules := make([]Rule, len(s.Rules))
	for i, rule := range s.Rules {
		if rule.Implied != nil {
			im := *rule.Implied
			im.Conds = nil // derived; rebuilt by FromParts
			rule.Implied = &im
		}
		rules[i] = rule
	}
	return Parts{Catalog: s.Catalog, Rules: rules, Derived: s.Derived, Ranking: r, Digest: s.Digest}
}

// FromParts checks decoded rule files and assembles the set: Load uses it
// after reading YAML, the start-up cache after decoding.
func FromParts(p Parts) (*Set, error) {
	return fromParts(p, func(...string) diag.Pos { return p.Ranking.Pos })
}

// fromParts is FromParts with the place of each ranking setting: Load
// knows them from the YAML, so that a bad number is blamed on its line.
func fromParts(p Parts, rankingAt func(keys ...string) diag.Pos) (*Set, error) {
	s := &Set{Catalog: p.Catalog, Ranking: p.Ranking, Digest: p.Digest}
	s.Ranking.Hints = slices.Clone(p.Ranking.Hints)
	var errs diag.List
	errs = append(errs, checkCatalog(&s.Catalog)...)
	errs = append(errs, s.setRules(p.Rules)...)
	errs = append(errs, s.setDerived(p.Derived)...)
	errs = append(errs, s.checkRanking(rankingAt)...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

func checkCatalog(c *catalog.Catalog) diag.List {
	var errs diag.List
	seen := map[string]bool{}
	for _, k := range c.Keys {
		at := k.Pos
		switch {
		case k.Key == "":
			errs.Add(at, "a key has no name")
		case seen[k.Key]:
			errs.Add(at, "key %q is defined twice", k.Key)
		case !slices.Contains(catalog.Types, string(k.Type)):
			errs.Add(at, "key %q has type %q; allowed: %s%s", k.Key, k.Type, diag.OneOf(catalog.Types), diag.Suggest(string(k.Type), catalog.Types))
		case (k.Type == catalog.Enum || k.Type == catalog.List) && len(k.Values) == 0:
			errs.Add(at, "key %q needs values", k.Key)
		case k.Prior < 0 || k.Prior > 1 || math.IsNaN(k.Prior):
			errs.Add(at, "key %q: prior must be from 0 to 1, not %g", k.Key, k.Prior)
		case k.Question == "" || k.Help == "" || k.Title == "":
			errs.Add(at, "key %q needs a title, a question and a help line", k.Key)
		}
		for _, v := range k.Strength {
			if !slices.Contains(k.Values, v) {
				errs.Add(at, "key %q: strength names %q, which is not one of its values", k.Key, v)
			}
		}
		if len(k.Strength) > 0 && len(k.Strength) != len(k.Values) {
			errs.Add(at, "key %q: strength must order every value", k.Key)
		}
		for _, v := range sortedKeysOf(k.Covers) {
			for _, w := range append([]string{v}, k.Covers[v]...) {
				if !slices.Contains(k.Values, w) {
					errs.Add(at, "key %q: covers names %q, which is not one of its values%s", k.Key, w, diag.Suggest(w, k.Values))
				}
			}
		}
		seen[k.Key] = true
	}
	for _, m := range c.Measures {
		switch {
		case m.Key == "":
			errs.Add(m.Pos, "a measure has no name")
		case seen[m.Key]:
			errs.Add(m.Pos, "measure %q is defined twice, or is also a key", m.Key)
		case !m.IsQuantity():
			errs.Add(m.Pos, "measure %q has type %q; a measure is a quantity: duration, rate, size, integer or bandwidth", m.Key, m.Type)
		case m.Title == "" || m.Help == "":
			errs.Add(m.Pos, "measure %q needs a title and a help line", m.Key)
		}
		seen[m.Key] = true
	}
	seenUse := map[string]bool{}
	for _, u := range c.UseCases {
		switch {
		case !validUseCase(u.ID) || u.Meaning == "":
			errs.Add(u.Pos, "use case %q needs a lower-case id (letters, digits, dashes) and a meaning", u.ID)
		case seenUse[u.ID]:
			errs.Add(u.Pos, "use case %q is defined twice", u.ID)
		}
		seenUse[u.ID] = true
	}
	inQuestion := map[string]string{}
	for _, q := range c.Questions {
		switch {
		case !slices.Contains(catalog.QuestionIDs, q.ID):
			errs.Add(q.Pos, "question %q is not one the questionnaire asks; the questions are %s%s",
				q.ID, strings.Join(catalog.QuestionIDs, ", "), diag.Suggest(q.ID, catalog.QuestionIDs))
			continue
		case q.Title == "":
			errs.Add(q.Pos, "question %q needs a title", q.ID)
		case len(q.Keys) > 0 && q.ID != catalog.QuestionNeeds && q.ID != catalog.QuestionNumbers:
			errs.Add(q.Pos, "question %q takes no keys; only %s and %s list keys", q.ID, catalog.QuestionNeeds, catalog.QuestionNumbers)
		}
		for _, k := range q.Keys {
			i := c.Index(k)
			switch {
			case i < 0:
				errs.Add(q.Pos, "question %q names unknown key %q%s", q.ID, k, diag.Suggest(k, c.Names()))
				continue
			case q.ID == catalog.QuestionNeeds && c.Keys[i].IsQuantity():
				errs.Add(q.Pos, "question %q names %q (type %s); quantities go under %s", q.ID, k, c.Keys[i].Type, catalog.QuestionNumbers)
			case q.ID == catalog.QuestionNumbers && !c.Keys[i].IsQuantity():
				errs.Add(q.Pos, "question %q names %q (type %s); yes-or-no, choice and list keys go under %s", q.ID, k, c.Keys[i].Type, catalog.QuestionNeeds)
			}
			if other, dup := inQuestion[k]; dup {
				errs.Add(q.Pos, "key %q is in questions %q and %q; keep it in one", k, other, q.ID)
			}
			inQuestion[k] = q.ID
		}
	}
	for _, id := range catalog.QuestionIDs {
		if len(c.Keys) > 0 && !slices.ContainsFunc(c.Questions, func(q catalog.Question) bool { return q.ID == id }) {
			errs.Add(diag.Pos{File: CatalogFile}, "questions: no question %q; the questionnaire asks it, so the catalog words it", id)
		}
	}
	return errs
}

// setRules checks the judging rules against the catalog, sets each rule's
// comparison from its key's type and stores them in catalog order.
func (s *Set) setRules(rules []Rule) diag.List {
	var errs diag.List
	byKey := map[string]Rule{}
	for _, r := range rules {
		at := r.Pos
		k, ok := s.Catalog.Lookup(r.Key)
		if !ok {
			errs.Add(at, "rule for unknown key %q%s", r.Key, diag.Suggest(r.Key, s.Catalog.Names()))
			continue
		}
		if _, dup := byKey[r.Key]; dup {
			errs.Add(at, "key %q has two rules", r.Key)
			continue
		}
		r.Compare = CompareFor(k)
		if r.Met == "" || r.Unmet == "" {
			errs.Add(at, "rule for %q needs both a met and an unmet sentence", r.Key)
		}
		if allowed := Combines[kindOf(k)]; !slices.Contains(allowed, r.Combine) {
			errs.Add(at, "rule for %q: combine %q; a %s key takes %s%s", r.Key, r.Combine, k.Type, diag.OneOf(allowed), diag.Suggest(r.Combine, allowed))
		}
		if r.Implied != nil {
			errs = append(errs, s.setImplied(at, k, r.Implied)...)
		}
		byKey[r.Key] = r
	}
	for _, k := range s.Catalog.Keys {
		r, ok := byKey[k.Key]
		if !ok {
			errs.Add(k.Pos, "key %q has no rule in %s", k.Key, JudgingFile)
			continue
		}
		s.Rules = append(s.Rules, r)
	}
	return errs
}

// setImplied checks a rule's implied value: another key of the same type,
// under conditions on keys of the catalog.
func (s *Set) setImplied(at diag.Pos, k *catalog.Key, im *Implied) diag.List {
	var errs diag.List
	from, ok := s.Catalog.Lookup(im.ValueOf)
	switch {
	case !ok:
		errs.Add(at, "rule for %q: implied value_of names unknown key %q%s", k.Key, im.ValueOf, diag.Suggest(im.ValueOf, s.Catalog.Names()))
	case from.Type != k.Type:
		errs.Add(at, "rule for %q: implied value_of %q is a %s, not a %s", k.Key, im.ValueOf, from.Type, k.Type)
	}
	if len(im.When) == 0 || im.Because == "" {
		errs.Add(at, "rule for %q: implied needs `when` and `because`", k.Key)
	}
	im.Conds = nil
	for _, key := range sortedKeys(s, im.When) {
		ck, ok := s.Catalog.Lookup(key)
		if !ok {
			errs.Add(at, "rule for %q: implied names unknown key %q%s", k.Key, key, diag.Suggest(key, s.Catalog.Names()))
			continue
		}
		v, err := ck.ParseText(im.When[key], catalog.InRequirement)
		if err != nil {
			errs.Add(at, "rule for %q: implied: %v", k.Key, err)
			continue
		}
		im.Conds = append(im.Conds, Cond{Key: ck, Value: v})
	}
	return errs
}

// setDerived checks the derived checks: a measure of the catalog against
// the product of two or more quantity keys.
func (s *Set) setDerived(derived []Derived) diag.List {
	var errs diag.List
	for _, d := range derived {
		m, ok := s.Catalog.Measure(d.Measure)
		if !ok {
			errs.Add(d.Pos, "derived check for unknown measure %q%s", d.Measure, diag.Suggest(d.Measure, measureNames(&s.Catalog)))
			continue
		}
		if len(d.Product) < 2 {
			errs.Add(d.Pos, "derived check for %q needs a product of at least two keys", d.Measure)
		}
		for _, key := range d.Product {
			if k, ok := s.Catalog.Lookup(key); !ok || !k.IsQuantity() {
				errs.Add(d.Pos, "derived check for %q: %q is not a quantity key of the catalog%s", d.Measure, key, diag.Suggest(key, s.Catalog.Names()))
			}
		}
		if d.Met == "" || d.Unmet == "" {
			errs.Add(d.Pos, "derived check for %q needs both a met and an unmet sentence", d.Measure)
		}
		if allowed := Combines[kindOf(m)]; !slices.Contains(allowed, d.Combine) {
			errs.Add(d.Pos, "derived check for %q: combine %q; it takes %s%s", d.Measure, d.Combine, diag.OneOf(allowed), diag.Suggest(d.Combine, allowed))
		}
		s.Derived = append(s.Derived, d)
	}
	return errs
}

// DerivedFor returns the derived check of a measure.
func (s *Set) DerivedFor(measure string) (*Derived, bool) {
	for i := range s.Derived {
		if s.Derived[i].Measure == measure {
			return &s.Derived[i], true
		}
	}
	return nil, false
}

func measureNames(c *catalog.Catalog) []string {
	var out []string
	for _, m := range c.Measures {
		out = append(out, m.Key)
	}
	return out
}

func sortedKeys(s *Set, m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	sort.Slice(keys, func(a, b int) bool {
		ia, ib := s.Catalog.Index(keys[a]), s.Catalog.Index(keys[b])
		if ia != ib {
			return ia < ib
		}
		return keys[a] < keys[b]
	})
	return keys
}

// kindOf groups key types by how their facts combine.
func kindOf(k *catalog.Key) string {
	switch {
	case k.Type == catalog.Bool:
		return "bool"
	case k.IsQuantity():
		return "quantity"
	case k.Type == catalog.Enum && len(k.Strength) > 0:
		return "ordered"
	}
	return "list"
}

// CompareFor is the one comparison that makes sense for a key's type.
func CompareFor(k *catalog.Key) Compare {
	switch {
	case k.Type == catalog.Bool:
		return Flag
	case k.Type == catalog.List, k.Type == catalog.Enum && len(k.Strength) == 0:
		return Includes
	}
	return AtLeast
}

// MaxMustWeight bounds must_weight, as requirements bound a preference's
// weight: far beyond, the weights of a few musts add up to infinity, and
// every score to NaN.
const MaxMustWeight = 100

// checkRanking checks the ranking's numbers; at says where each is written.
// Every check is written so that NaN fails it.
func (s *Set) checkRanking(at func(keys ...string) diag.Pos) diag.List {
	var errs diag.List
	r := &s.Ranking
	w := r.Weights
	if !(w.Fit >= 0 && w.Affinity >= 0 && w.Simplicity >= 0 && math.Abs(w.Fit+w.Affinity+w.Simplicity-100) <= 1e-9) {
		errs.Add(at("weights"), "weights must be zero or more and sum to 100 (they sum to %g)", w.Fit+w.Affinity+w.Simplicity)
	}
	if !(r.Asking.StopBelow >= 0 && r.Asking.StopBelow < 1) {
		errs.Add(at("asking", "stop_below"), "asking.stop_below must be from 0 to less than 1, not %g", r.Asking.StopBelow)
	}
	if r.CombinationEffort < 0 || r.CombinationEffort > 9 {
		errs.Add(at("combination_effort"), "combination_effort must be from 0 to 9, not %d", r.CombinationEffort)
	}
	if !(r.MustWeight > 0 && r.MustWeight <= MaxMustWeight) {
		errs.Add(at("must_weight"), "must_weight must be more than 0 and at most %d, not %g", MaxMustWeight, r.MustWeight)
	}
	for _, kind := range RequirementKinds {
		if f, ok := r.RequirementFit[kind]; !ok || !(f > 0 && f <= 1) {
			errs.Add(at("requirement_fit", kind), "requirement_fit.%s must be more than 0 and at most 1, not %g", kind, f)
		}
	}
	for kind := range r.RequirementFit {
		if !slices.Contains(RequirementKinds, kind) {
			errs.Add(at("requirement_fit"), "requirement_fit names unknown kind %q; kinds are %s%s", kind, diag.OneOf(RequirementKinds), diag.Suggest(kind, RequirementKinds))
		}
	}
	if !(r.UseCaseWeight > 0 && r.UseCaseWeight <= MaxMustWeight) {
		errs.Add(at("use_case_weight"), "use_case_weight must be more than 0 and at most %d, not %g", MaxMustWeight, r.UseCaseWeight)
	}
	if !(r.CostShare >= 0 && r.CostShare <= 1) {
		errs.Add(at("cost_share"), "cost_share must be from 0 to 1, not %g", r.CostShare)
	}
	if !(r.SecondaryShare >= 0 && r.SecondaryShare < 1) {
		errs.Add(at("secondary_share"), "secondary_share must be from 0 to less than 1, not %g", r.SecondaryShare)
	}
	if !(r.UnverifiedFit > 0 && r.UnverifiedFit < 1) {
		errs.Add(at("unverified_fit"), "unverified_fit must be more than 0 and less than 1, not %g", r.UnverifiedFit)
	}
	for i := range r.Hints {
		h := &r.Hints[i]
		if len(h.When) == 0 || len(h.Suits) == 0 {
			errs.Add(h.Pos, "hint %d needs `when` and `suits`", i+1)
		}
		for _, p := range h.Suits {
			if !slices.Contains(r.Paradigms, p) {
				errs.Add(h.Pos, "hint %d suits unknown paradigm %q; paradigms are %s%s", i+1, p, diag.OneOf(r.Paradigms), diag.Suggest(p, r.Paradigms))
			}
		}
		keys := make([]string, 0, len(h.When))
		for key := range h.When {
			keys = append(keys, key)
		}
		sort.Slice(keys, func(a, b int) bool { return s.Catalog.Index(keys[a]) < s.Catalog.Index(keys[b]) })
		for _, key := range keys {
			k, ok := s.Catalog.Lookup(key)
			if !ok {
				errs.Add(h.Pos, "hint %d names unknown key %q%s", i+1, key, diag.Suggest(key, s.Catalog.Names()))
				continue
			}
			v, err := k.ParseText(h.When[key], catalog.InRequirement)
			if err != nil {
				errs.Add(h.Pos, "hint %d: %v", i+1, err)
				continue
			}
			h.Conds = append(h.Conds, Cond{Key: k, Value: v})
		}
	}
	return errs
}

// String names a hint's conditions: "fanout: true, latency: realtime".
func (h *Hint) String() string {
	out := ""
	for i, c := range h.Conds {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%s: %s", c.Key.Key, c.Value)
	}
	return out
}

func sortedKeysOf(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func validUseCase(id string) bool {
	for i, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0) {
			return false
		}
	}
	return id != ""
}

package ruleset

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"sort"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/yamlx"
)

// Files are the rule files a rules directory holds.
const (
	CatalogFile = "catalog.yaml"
	JudgingFile = "judging.yaml"
	RankingFile = "ranking.yaml"
)

type judgingFile struct {
	Version int    `yaml:"version"`
	Rules   []Rule `yaml:"rules"`
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

// Load reads and checks the three rule files of base, with each overlay
// layered on top: an overlay's catalog keys and rules add to the base or
// replace those of the same key; its ranking.yaml replaces the base's. An
// overlay may hold any of the three files, or none.
func Load(base Reader, overlays ...Reader) (*Set, error) {
	var s Set
	var errs diag.List
	var jf judgingFile
	names := map[string]string{}
	decode := func(read Reader, file string, into any, optional bool) bool {
		name, data, err := read(file)
		if err != nil {
			if optional && errors.Is(err, fs.ErrNotExist) {
				return false
			}
			errs.Add(diag.Pos{File: name}, "cannot read rule file: %v", err)
			return false
		}
		names[file] = name
		root, err := yamlx.Parse(name, data)
		if err == nil {
			err = yamlx.DecodeStrict(name, data, root, into)
		}
		errs.Append(diag.Pos{File: name}, err)
		return err == nil
	}
	decode(base, CatalogFile, &s.Catalog, false)
	decode(base, JudgingFile, &jf, false)
	decode(base, RankingFile, &s.Ranking, false)
	for _, over := range overlays {
		var c catalog.Catalog
		if decode(over, CatalogFile, &c, true) {
			s.Catalog.Keys = mergeKeys(s.Catalog.Keys, c.Keys)
			for _, q := range c.Questions {
				if i := slices.IndexFunc(s.Catalog.Questions, func(b catalog.Question) bool { return b.ID == q.ID }); i >= 0 {
					s.Catalog.Questions[i] = q
				} else {
					s.Catalog.Questions = append(s.Catalog.Questions, q)
				}
			}
		}
		var j judgingFile
		if decode(over, JudgingFile, &j, true) {
			jf.Rules = mergeRules(jf.Rules, j.Rules)
		}
		var r Ranking
		if decode(over, RankingFile, &r, true) {
			s.Ranking = r
		}
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	if jf.Version != 1 {
		return nil, diag.List{{Pos: diag.Pos{File: names[JudgingFile]}, Msg: fmt.Sprintf("version must be 1, not %d", jf.Version)}}
	}
	return assemble(s.Catalog, jf.Rules, s.Ranking, names)
}

// Parts are the decoded contents of the three rule files, before checks.
type Parts struct {
	Catalog catalog.Catalog
	Rules   []Rule
	Ranking Ranking
}

// Parts returns what the set was assembled from, for a snapshot.
func (s *Set) Parts() Parts {
	r := s.Ranking
	r.Hints = make([]Hint, len(s.Ranking.Hints))
	for i, h := range s.Ranking.Hints {
		h.Conds = nil // derived; rebuilt by FromParts
		r.Hints[i] = h
	}
	return Parts{Catalog: s.Catalog, Rules: s.Rules, Ranking: r}
}

// FromParts checks decoded rule files and assembles the set; Load uses it
// after reading YAML, a snapshot after decoding.
func FromParts(p Parts) (*Set, error) {
	return assemble(p.Catalog, p.Rules, p.Ranking, map[string]string{
		CatalogFile: "rules/" + CatalogFile, JudgingFile: "rules/" + JudgingFile, RankingFile: "rules/" + RankingFile})
}

func assemble(cat catalog.Catalog, rules []Rule, ranking Ranking, names map[string]string) (*Set, error) {
	s := &Set{Catalog: cat, Ranking: ranking}
	s.Ranking.Hints = slices.Clone(ranking.Hints)
	var errs diag.List
	errs = append(errs, checkCatalog(&s.Catalog, names[CatalogFile])...)
	errs = append(errs, s.setRules(judgingFile{Version: 1, Rules: rules}, names[JudgingFile])...)
	errs = append(errs, s.checkRanking(names[RankingFile])...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// mergeKeys replaces keys of the same name in place and appends new ones.
func mergeKeys(base, over []catalog.Key) []catalog.Key {
	out := slices.Clone(base)
	for _, k := range over {
		if i := slices.IndexFunc(out, func(b catalog.Key) bool { return b.Key == k.Key }); i >= 0 {
			out[i] = k
		} else {
			out = append(out, k)
		}
	}
	return out
}

func mergeRules(base, over []Rule) []Rule {
	out := slices.Clone(base)
	for _, r := range over {
		if i := slices.IndexFunc(out, func(b Rule) bool { return b.Key == r.Key }); i >= 0 {
			out[i] = r
		} else {
			out = append(out, r)
		}
	}
	return out
}

func checkCatalog(c *catalog.Catalog, name string) diag.List {
	var errs diag.List
	at := diag.Pos{File: name}
	if c.Version != 1 {
		errs.Add(at, "version must be 1, not %d", c.Version)
	}
	seen := map[string]bool{}
	for _, k := range c.Keys {
		switch {
		case k.Key == "":
			errs.Add(at, "a key has no name")
		case seen[k.Key]:
			errs.Add(at, "key %q is defined twice", k.Key)
		case !slices.Contains(catalog.Types, string(k.Type)):
			errs.Add(at, "key %q has type %q; allowed: %s", k.Key, k.Type, diag.OneOf(catalog.Types))
		case (k.Type == catalog.Enum || k.Type == catalog.List) && len(k.Values) == 0:
			errs.Add(at, "key %q needs values", k.Key)
		case k.Prior < 0 || k.Prior > 1:
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
		seen[k.Key] = true
	}
	inQuestion := map[string]string{}
	for _, q := range c.Questions {
		if q.ID == "" || q.Title == "" || len(q.Keys) == 0 {
			errs.Add(at, "question %q needs an id, a title and keys", q.ID)
		}
		for _, k := range q.Keys {
			if !seen[k] {
				errs.Add(at, "question %q names unknown key %q%s", q.ID, k, diag.Suggest(k, c.Names()))
			} else if other, dup := inQuestion[k]; dup {
				errs.Add(at, "key %q is in questions %q and %q; keep it in one", k, other, q.ID)
			}
			inQuestion[k] = q.ID
		}
	}
	return errs
}

// setRules checks the judging rules against the catalog and stores them in catalog order.
func (s *Set) setRules(jf judgingFile, name string) diag.List {
	var errs diag.List
	at := diag.Pos{File: name}
	if jf.Version != 1 {
		errs.Add(at, "version must be 1, not %d", jf.Version)
	}
	byKey := map[string]Rule{}
	for _, r := range jf.Rules {
		k, ok := s.Catalog.Lookup(r.Key)
		if !ok {
			errs.Add(at, "rule for unknown key %q%s", r.Key, diag.Suggest(r.Key, s.Catalog.Names()))
			continue
		}
		if _, dup := byKey[r.Key]; dup {
			errs.Add(at, "key %q has two rules", r.Key)
			continue
		}
		if want := compareFor(k); r.Compare != want {
			errs.Add(at, "rule for %q compares %q; a %s key needs %q", r.Key, r.Compare, k.Type, want)
		}
		if r.Met == "" || r.Unmet == "" {
			errs.Add(at, "rule for %q needs both a met and an unmet sentence", r.Key)
		}
		if allowed := Combines[kindOf(k)]; !slices.Contains(allowed, r.Combine) {
			errs.Add(at, "rule for %q: combine %q; a %s key takes %s", r.Key, r.Combine, k.Type, diag.OneOf(allowed))
		}
		byKey[r.Key] = r
	}
	for _, k := range s.Catalog.Keys {
		r, ok := byKey[k.Key]
		if !ok {
			errs.Add(at, "key %q has no rule", k.Key)
			continue
		}
		s.Rules = append(s.Rules, r)
	}
	return errs
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

// compareFor is the one comparison that makes sense for a key's type.
func compareFor(k *catalog.Key) Compare {
	switch {
	case k.Type == catalog.Bool:
		return Flag
	case k.Type == catalog.List, k.Type == catalog.Enum && len(k.Strength) == 0:
		return Includes
	}
	return AtLeast
}

func (s *Set) checkRanking(name string) diag.List {
	var errs diag.List
	at := diag.Pos{File: name}
	r := &s.Ranking
	if r.Version != 1 {
		errs.Add(at, "version must be 1, not %d", r.Version)
	}
	w := r.Weights
	if w.Fit < 0 || w.Affinity < 0 || w.Simplicity < 0 || math.Abs(w.Fit+w.Affinity+w.Simplicity-100) > 1e-9 {
		errs.Add(at, "weights must be zero or more and sum to 100 (they sum to %g)", w.Fit+w.Affinity+w.Simplicity)
	}
	if r.Asking.StopBelow < 0 || r.Asking.StopBelow >= 1 {
		errs.Add(at, "asking.stop_below must be from 0 to less than 1")
	}
	if r.CombinationEffort < 0 || r.CombinationEffort > 9 {
		errs.Add(at, "combination_effort must be from 0 to 9")
	}
	if r.MustWeight <= 0 {
		errs.Add(at, "must_weight must be more than zero")
	}
	if r.ConditionFit <= 0 || r.ConditionFit > 1 {
		errs.Add(at, "condition_fit must be more than 0 and at most 1")
	}
	for i := range r.Hints {
		h := &r.Hints[i]
		if len(h.When) == 0 || len(h.Suits) == 0 {
			errs.Add(at, "hint %d needs `when` and `suits`", i+1)
		}
		for _, p := range h.Suits {
			if !slices.Contains(r.Paradigms, p) {
				errs.Add(at, "hint %d suits unknown paradigm %q; paradigms are %s", i+1, p, diag.OneOf(r.Paradigms))
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
				errs.Add(at, "hint %d names unknown key %q%s", i+1, key, diag.Suggest(key, s.Catalog.Names()))
				continue
			}
			v, err := k.ParseText(h.When[key], catalog.InRequirement)
			if err != nil {
				errs.Add(at, "hint %d: %v", i+1, err)
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

package kb

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/ruleset"
	"github.com/advisor-dev/advisor/internal/yamlx"
	"go.yaml.in/yaml/v3"
)

// validID reports whether id is lower-case letters, digits and dashes, not starting with a dash.
func validID(id string) bool {
	for i, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0) {
			return false
		}
	}
	return id != ""
}

// maxEntries bounds a knowledge directory, as the file size bounds one entry.
const maxEntries = 100_000

// LoadFS reads every *.yaml entry in fsys (at its root and under services/);
// none is fine. prefix is put before file names in messages.
func LoadFS(fsys fs.FS, prefix string, rules *ruleset.Set) ([]*Service, error) {
	var files []string
	for _, dir := range []string{".", "services"} {
		matches, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
		if err != nil {
			return nil, err
		}
		files = append(files, matches...)
	}
	if len(files) > maxEntries {
		return nil, diag.List{{Pos: diag.Pos{File: strings.TrimSuffix(prefix, "/")}, Msg: fmt.Sprintf("more than %d entries", maxEntries)}}
	}
	var out []*Service
	var errs diag.List
	ids := map[string]string{}
	for _, file := range readAll(fsys, prefix, files, &errs) {
		name := file.name
		s, err := Parse(name, file.data, rules)
		if err != nil {
			errs.Append(diag.Pos{File: name}, err)
			continue
		}
		if first, dup := ids[s.ID]; dup {
			errs.Add(diag.Pos{File: name}, "id %q is also used by %s", s.ID, first)
			continue
		}
		ids[s.ID] = name
		out = append(out, s)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Merge returns base with extra added; an extra entry replaces a base entry with the same id.
func Merge(base []*Service, extra ...[]*Service) *Base {
	byID := map[string]*Service{}
	for _, s := range base {
		byID[s.ID] = s
	}
	for _, list := range extra {
		for _, s := range list {
			byID[s.ID] = s
		}
	}
	b := &Base{}
	for _, s := range byID {
		b.Services = append(b.Services, s)
	}
	sort.Slice(b.Services, func(i, j int) bool { return b.Services[i].ID < b.Services[j].ID })
	return b
}

// Parse reads and checks one entry.
func Parse(name string, data []byte, rules *ruleset.Set) (*Service, error) {
	root, err := yamlx.Parse(name, data)
	if err != nil {
		return nil, err
	}
	var s Service
	if err := yamlx.DecodeStrict(name, data, root, &s); err != nil {
		return nil, err
	}
	s.File = name
	if err := s.check(name, root, rules); err != nil {
		return nil, err
	}
	return &s, nil
}

func (s *Service) check(name string, root *yaml.Node, rules *ruleset.Set) error {
	var errs diag.List
	at := func(keys ...string) diag.Pos { return yamlx.Pos(name, lookup(root, keys...)) }
	if s.Version != 1 {
		errs.Add(at("version"), "version must be 1, not %d", s.Version)
	}
	if !validID(s.ID) {
		errs.Add(at("id"), "id %q must be lower-case letters, digits and dashes", s.ID)
	}
	for field, v := range map[string]string{"name": s.Name, "family": s.Family, "provider": s.Provider, "summary": s.Summary, "docs": s.Docs} {
		if strings.TrimSpace(v) == "" {
			errs.Add(at(field), "%s is missing", field)
		}
	}
	if !slices.Contains(rules.Ranking.Paradigms, s.Paradigm) {
		errs.Add(at("paradigm"), "paradigm %q is not one of %s%s", s.Paradigm, diag.OneOf(rules.Ranking.Paradigms), diag.Suggest(s.Paradigm, rules.Ranking.Paradigms))
	}
	if s.Effort.Value < 1 || s.Effort.Value > 10 {
		errs.Add(at("effort", "value"), "effort must be from 1 (least) to 10 (most), not %d", s.Effort.Value)
	}
	checkSource(&errs, at("effort"), "effort", s.Effort.Source, s.Effort.Checked)
	checkSource(&errs, at("pricing"), "pricing", s.Pricing.Source, s.Pricing.Checked)
	if len(s.UseCases) == 0 {
		errs.Add(at("use_cases"), "use_cases is missing")
	}
	for i, l := range s.Limits {
		checkSource(&errs, yamlx.Pos(name, nth(lookup(root, "limits"), i)), "limit "+l.Name, l.Source, l.Checked)
	}
	for key := range s.RawFacts {
		if _, ok := rules.Catalog.Lookup(key); !ok {
			errs.Add(yamlx.Pos(name, keyNode(lookup(root, "facts"), key)), "fact for unknown key %q%s", key, diag.Suggest(key, rules.Catalog.Names()))
		}
	}
	facts := make([]Fact, len(rules.Catalog.Keys)) // one block per service
	s.ByIndex = make([]*Fact, len(rules.Catalog.Keys))
	for i := range rules.Catalog.Keys {
		k := &rules.Catalog.Keys[i]
		raw, ok := s.RawFacts[k.Key]
		if !ok || raw == nil {
			continue // reported by Missing: an override may add a key before every entry has it
		}
		f, ferrs := raw.parse(name, k, at("facts", k.Key))
		errs = append(errs, ferrs...)
		facts[i] = f
		s.ByIndex[i] = &facts[i]
	}
	s.RawFacts = nil // parsed: the nodes are no longer needed
	return errs.Err()
}

func (raw *RawFact) parse(name string, k *catalog.Key, pos diag.Pos) (Fact, diag.List) {
	var errs diag.List
	f := Fact{Per: raw.Per, Note: raw.Note, Source: raw.Source, Checked: raw.Checked}
	checkSource(&errs, pos, "fact "+k.Key, f.Source, f.Checked)
	fk := factKey(k)
	if raw.Value.Kind == 0 {
		errs.Add(pos, "fact %q has no value", k.Key)
		return f, errs
	}
	v, err := fk.ParseNode(name, &raw.Value, catalog.InFact)
	if err != nil {
		errs.Append(pos, err)
		return f, errs
	}
	f.Value, f.Text = v, v.String()
	for _, o := range raw.Options {
		opos := yamlx.Pos(name, &o.Value)
		if o.Condition == "" {
			errs.Add(opos, "option of fact %q needs a condition", k.Key)
		}
		if o.Source != "" || o.Checked != "" {
			checkSource(&errs, opos, "option of "+k.Key, o.Source, o.Checked)
		}
		ov, err := fk.ParseNode(name, &o.Value, catalog.InFact)
		if err != nil {
			errs.Append(opos, err)
			continue
		}
		if ov.Type == catalog.List {
			ov.List = fk.Union(v.List, ov.List)
		}
		f.Options = append(f.Options, Option{Value: ov, Text: ov.String(), Condition: o.Condition,
			Note: o.Note, Source: o.Source, Checked: o.Checked})
	}
	return f, errs
}

// factKey is how a fact of key k is written: an unordered enum fact lists
// every value the service serves.
func factKey(k *catalog.Key) *catalog.Key {
	if k.Type == catalog.Enum && len(k.Strength) == 0 {
		fk := *k
		fk.Type = catalog.List
		return &fk
	}
	return k
}

func checkSource(errs *diag.List, pos diag.Pos, what, source, checked string) {
	if !strings.HasPrefix(source, "https://") {
		errs.Add(pos, "%s needs a source URL (https://...), not %q", what, source)
	}
	if _, err := time.Parse(time.DateOnly, checked); err != nil {
		errs.Add(pos, "%s needs the date it was checked (YYYY-MM-DD), not %q", what, checked)
	}
}

func lookup(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		next := valueNode(n, k)
		if next == nil {
			return n
		}
		n = next
	}
	return n
}

func valueNode(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func keyNode(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return n
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return n
}

func nth(n *yaml.Node, i int) *yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
		return n
	}
	return n.Content[i]
}

// Missing lists the catalog keys a service has no fact for. The embedded
// knowledge base must have none; the engine treats a missing fact as unknown,
// which meets no must.
func (s *Service) Missing(rules *ruleset.Set) []string {
	var out []string
	for i, k := range rules.Catalog.Keys {
		if s.Fact(i) == nil {
			out = append(out, k.Key)
		}
	}
	return out
}

// file is one file's name for messages and its contents.
type file struct {
	name string
	data []byte
}

// readAll reads files from fsys, reporting the unreadable ones to errs.
func readAll(fsys fs.FS, prefix string, paths []string, errs *diag.List) []file {
	var out []file
	for _, p := range paths {
		name := prefix + p
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs.Add(diag.Pos{File: name}, "cannot read: %v", err)
			continue
		}
		out = append(out, file{name, data})
	}
	return out
}

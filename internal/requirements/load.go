package requirements

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/yamlx"
	"go.yaml.in/yaml/v3"
)

// topKeys are the keys a requirements file may have at its top level.
var topKeys = []string{"version", "title", "context", "provider", "region", "use_case", "volume", "review_by", "exclude", "must", "prefer"}

// MaxWeight bounds a prefer weight.
const MaxWeight = 100

// Loader checks requirements against what the advisor knows.
type Loader struct {
	Catalog   *catalog.Catalog
	IDs       []string // service ids, for exclude
	Providers []string // providers in the knowledge base
}

// Load reads a requirements file. Every problem is reported, each with its position.
func (l *Loader) Load(name string, data []byte) (*Requirements, error) {
	root, err := yamlx.Parse(name, data)
	if err != nil {
		return nil, err
	}
	entries, errs := yamlx.Mapping(name, root, "a requirements file")
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	r := &Requirements{Provider: DefaultProvider}
	seenVersion := false
	var must, prefer []yamlx.Entry
	for _, e := range entries {
		switch e.Key {
		case "version":
			seenVersion = true
			s, ok := yamlx.Scalar(e.Value)
			if !ok || e.Value.Tag != "!!int" || s != "1" {
				errs.Add(yamlx.Pos(name, e.Value), "version must be 1 (this advisor reads version-1 requirements), not %s", yamlx.Describe(e.Value))
				continue
			}
			r.Version = 1
		case "title", "context", "provider":
			s, ok := yamlx.Scalar(e.Value)
			if !ok || e.Value.Tag != "!!str" {
				errs.Add(yamlx.Pos(name, e.Value), "%s", yamlx.NotText(e.Key, e.Value))
				continue
			}
			switch e.Key {
			case "title":
				r.Title = s
			case "context":
				r.Context = s
			case "provider":
				if !slices.Contains(l.Providers, s) {
					errs.Add(yamlx.Pos(name, e.Value), "provider %q has no services in the knowledge base; known: %s%s", s, diag.OneOf(l.Providers), diag.Suggest(s, l.Providers))
					continue
				}
				r.Provider = s
			}
		case "region":
			s, ok := yamlx.Scalar(e.Value)
			if !ok || yamlx.Resolve(e.Value).Tag != "!!str" {
				errs.Add(yamlx.Pos(name, e.Value), "region takes %s, not %s", regionHelp, yamlx.Describe(e.Value))
				continue
			}
			if err := CheckRegion("region", s); err != nil {
				errs.Add(yamlx.Pos(name, e.Value), "%v", err)
				continue
			}
			r.Region = s
		case "use_case":
			r.UseCases = l.useCases(name, e.Value, &errs)
		case "review_by":
			r.ReviewBy = reviewBy(name, e.Value, &errs)
		case "volume":
			r.Volume, r.VolumeText = volume(name, e.Value, &errs)
		case "exclude":
			r.Exclude = l.exclude(name, e.Value, &errs)
		case "must":
			must, errs = l.section(name, e, errs)
		case "prefer":
			prefer, errs = l.section(name, e, errs)
		default:
			if _, isKey := l.Catalog.Lookup(e.Key); isKey {
				errs.Add(yamlx.Pos(name, e.KeyN), "%q is a requirement key: put it under must: or prefer:", e.Key)
				continue
			}
			errs.Add(yamlx.Pos(name, e.KeyN), "unknown key %q%s; allowed at the top level: %s", e.Key, diag.Suggest(e.Key, topKeys), joinWords(topKeys))
		}
	}
	if !seenVersion {
		errs.Add(yamlx.Pos(name, root), "version is missing: add `version: 1` at the top")
	}
	inMust := map[string]bool{}
	for _, e := range must {
		inMust[e.Key] = true
		if it, ok := l.item(name, e, false, &errs); ok {
			r.Must = append(r.Must, it)
		}
	}
	for _, e := range prefer {
		if inMust[e.Key] {
			errs.Add(yamlx.Pos(name, e.KeyN), "%q is under both must and prefer; keep it in one", e.Key)
			continue
		}
		if it, ok := l.item(name, e, true, &errs); ok {
			r.Prefer = append(r.Prefer, it)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	l.sort(r)
	return r, nil
}

func (l *Loader) exclude(name string, n *yaml.Node, errs *diag.List) []string {
	items, ok := oneOrList(n)
	if !ok {
		errs.Add(yamlx.Pos(name, n), "exclude takes a list of service ids, not %s", yamlx.Describe(n))
		return nil
	}
	var ids []string
	for _, c := range items {
		c = yamlx.Resolve(c)
		s, ok := yamlx.Scalar(c)
		if !ok {
			errs.Add(yamlx.Pos(name, c), "exclude takes service ids, not %s", yamlx.Describe(c))
			continue
		}
		if !slices.Contains(l.IDs, s) {
			errs.Add(yamlx.Pos(name, c), "exclude names unknown service %q%s; see `advisor services`", s, diag.Suggest(s, l.IDs))
			continue
		}
		if !slices.Contains(ids, s) {
			ids = append(ids, s)
		}
	}
	sort.Strings(ids)
	return ids
}

// section checks the keys of a must or prefer mapping.
func (l *Loader) section(name string, e yamlx.Entry, errs diag.List) ([]yamlx.Entry, diag.List) {
	if s, ok := yamlx.Scalar(e.Value); e.Value.Tag == "!!null" || ok && s == "" {
		return nil, errs // an empty section asks nothing
	}
	entries, merrs := yamlx.Mapping(name, e.Value, e.Key)
	errs = append(errs, merrs...)
	var out []yamlx.Entry
	for _, k := range entries {
		if _, ok := l.Catalog.Lookup(k.Key); !ok {
			errs.Add(yamlx.Pos(name, k.KeyN), "unknown requirement key %q%s; see `advisor recommend --help` for the keys", k.Key, diag.Suggest(k.Key, l.Catalog.Names()))
			continue
		}
		out = append(out, k)
	}
	return out, errs
}

func (l *Loader) item(name string, e yamlx.Entry, prefer bool, errs *diag.List) (Item, bool) {
	k, _ := l.Catalog.Lookup(e.Key)
	it := Item{Key: e.Key, Weight: 1, Pos: yamlx.Pos(name, e.KeyN)}
	vn := e.Value
	if vn.Kind == yaml.MappingNode {
		if !prefer {
			errs.Add(yamlx.Pos(name, vn), "%s takes %s, not a mapping ({value, weight} is only for prefer)", e.Key, k.Expect())
			return it, false
		}
		sub, serrs := yamlx.Mapping(name, vn, "prefer."+e.Key)
		*errs = append(*errs, serrs...)
		vn = nil
		for _, s := range sub {
			switch s.Key {
			case "value":
				vn = s.Value
			case "weight":
				w, err := parseWeight(s.Value)
				if err != nil {
					errs.Add(yamlx.Pos(name, s.Value), "weight of %s: %v", e.Key, err)
					return it, false
				}
				it.Weight = w
			default:
				errs.Add(yamlx.Pos(name, s.KeyN), "unknown key %q in prefer.%s%s; allowed: value, weight", s.Key, e.Key, diag.Suggest(s.Key, []string{"value", "weight"}))
				return it, false
			}
		}
		if vn == nil {
			errs.Add(yamlx.Pos(name, e.Value), "prefer.%s needs a value", e.Key)
			return it, false
		}
	}
	v, err := k.ParseNode(name, vn, catalog.InRequirement)
	if err != nil {
		errs.Append(yamlx.Pos(name, vn), err)
		return it, false
	}
	it.Value = v
	if s, ok := yamlx.Scalar(yamlx.Resolve(vn)); ok {
		it.Text = QuantityText(k, s)
	}
	return it, true
}

func parseWeight(n *yaml.Node) (float64, error) {
	s, ok := yamlx.Scalar(n)
	if !ok || n.Tag != "!!int" && n.Tag != "!!float" {
		return 0, fmt.Errorf("takes a number from 0.1 to %d, not %s", MaxWeight, yamlx.Describe(n))
	}
	return ParseWeight(s)
}

// ParseWeight reads a prefer weight: a number more than 0 and at most MaxWeight.
func ParseWeight(s string) (float64, error) {
	w, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(w) || w <= 0 || w > MaxWeight {
		return 0, fmt.Errorf("takes a number more than 0 and at most %d, not %q", MaxWeight, s)
	}
	return w, nil
}

// sort puts items in catalog order so that equal requirements print the same.
func (l *Loader) sort(r *Requirements) {
	less := func(items []Item) func(i, j int) bool {
		return func(i, j int) bool { return l.Catalog.Index(items[i].Key) < l.Catalog.Index(items[j].Key) }
	}
	sort.SliceStable(r.Must, less(r.Must))
	sort.SliceStable(r.Prefer, less(r.Prefer))
}

func joinWords(ws []string) string {
	out := ""
	for i, w := range ws {
		if i > 0 {
			out += ", "
		}
		out += w
	}
	return out
}

// oneOrList is the items of a list node, or a text node as a list of one;
// false for any other node.
func oneOrList(n *yaml.Node) ([]*yaml.Node, bool) {
	switch {
	case n.Kind == yaml.SequenceNode:
		return n.Content, true
	case n.Kind == yaml.ScalarNode && n.Tag == "!!str":
		return []*yaml.Node{n}, true
	}
	return nil, false
}

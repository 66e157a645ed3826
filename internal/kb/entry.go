package kb

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/ruleset"
	"github.com/advisor-dev/advisor/internal/yamlx"
	"go.yaml.in/yaml/v3"
)

// entryFile is a service entry as written (services/*.yaml).
type entryFile struct {
	Version  int      `yaml:"version"`
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Family   string   `yaml:"family"`
	Provider string   `yaml:"provider"`
	Paradigm string   `yaml:"paradigm"`
	Summary  string   `yaml:"summary"`
	Docs     string   `yaml:"docs"`
	Effort   Effort   `yaml:"effort"`
	Pricing  Sourced  `yaml:"pricing"`
	UseCases []string `yaml:"use_cases"`
	Suits    Suits    `yaml:"suits"`
	Caveats  []Caveat `yaml:"caveats"`
	// Consequences are what choosing the service means (decision records).
	Consequences []Consequence       `yaml:"consequences"`
	Note         string              `yaml:"note"`
	Facts        map[string]*rawFact `yaml:"facts"`
	Variants     []*rawVariant       `yaml:"variants"`
	Limits       []Limit             `yaml:"limits"`
}

// rawVariant is a variant as written: the facts that differ from the
// entry's shared ones.
type rawVariant struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`
	Summary string   `yaml:"summary"`
	Docs    string   `yaml:"docs"`
	Effort  *Effort  `yaml:"effort"`
	Pricing *Sourced `yaml:"pricing"`
	// Suits replaces the entry's use cases for this configuration;
	// Caveats and Consequences add to the entry's.
	Suits        *Suits        `yaml:"suits"`
	Caveats      []Caveat      `yaml:"caveats"`
	Consequences []Consequence `yaml:"consequences"`
	// When limits the variant to requirements that set these values (a
	// Firehose stream reading a Kinesis stream is judged only for users
	// who have one: sources includes kinesis).
	When  map[string]string   `yaml:"when"`
	Facts map[string]*rawFact `yaml:"facts"`
}

// rawFact is a fact as written; its value is parsed against the catalog.
type rawFact struct {
	Value   yaml.Node    `yaml:"value"`
	Measure string       `yaml:"measure"`
	Per     string       `yaml:"per"`
	Note    string       `yaml:"note"`
	Source  string       `yaml:"source"`
	Checked string       `yaml:"checked"`
	Regions []*rawTier   `yaml:"regions"`
	Options []*rawOption `yaml:"options"`
}

// rawTier is a value that holds in the Regions listed.
type rawTier struct {
	In      []string  `yaml:"in"`
	Value   yaml.Node `yaml:"value"`
	Source  string    `yaml:"source"`
	Checked string    `yaml:"checked"`
}

type rawOption struct {
	Value     yaml.Node  `yaml:"value"`
	Kind      string     `yaml:"kind"`
	Condition string     `yaml:"condition"`
	In        []string   `yaml:"in"`
	Regions   []*rawTier `yaml:"regions"`
	Note      string     `yaml:"note"`
	Source    string     `yaml:"source"`
	Checked   string     `yaml:"checked"`
}

// Versions are the knowledge format versions the loader reads: version 1
// (no variants, untyped options, taken as opt-ins) and version 2.
var Versions = []int{1, 2}

// Context is what entries are checked against: the rules (keys, paradigms)
// and the providers (families, the hosts a source may cite).
type Context struct {
	Rules     *ruleset.Set
	Providers []Provider
}

func (c *Context) provider(id string) (Provider, bool) {
	i := slices.IndexFunc(c.Providers, func(p Provider) bool { return p.ID == id })
	if i < 0 {
		return Provider{}, false
	}
	return c.Providers[i], true
}

// ParseService reads and checks one service entry. Every problem is
// reported at once, each at its file:line:col.
func ParseService(name string, data []byte, ctx *Context) (*Service, error) {
	root, err := yamlx.Parse(name, data)
	if err != nil {
		return nil, err
	}
	var e entryFile
	if err := yamlx.Decode(name, root, &e); err != nil {
		return nil, err
	}
	at := func(keys ...string) diag.Pos { return yamlx.Pos(name, yamlx.Lookup(root, keys...)) }
	s := &Service{ID: e.ID, Name: e.Name, Family: e.Family, Provider: e.Provider, Paradigm: e.Paradigm,
		Summary: e.Summary, Docs: e.Docs, Effort: e.Effort, Pricing: e.Pricing, UseCases: e.UseCases,
		Note: e.Note, Limits: e.Limits, File: name, At: Positions{ID: at("id"), Family: at("family"), Provider: at("provider")}}
	var errs diag.List
	if !slices.Contains(Versions, e.Version) {
		errs.Add(at("version"), "version must be 1 or 2, not %d", e.Version)
	}
	if !validID(e.ID) {
		errs.Add(at("id"), "id %q must be lower-case letters, digits and dashes", e.ID)
	}
	for _, f := range []struct{ key, value string }{{"name", e.Name}, {"family", e.Family}, {"provider", e.Provider}, {"summary", e.Summary}, {"docs", e.Docs}} {
		if strings.TrimSpace(f.value) == "" {
			errs.Add(at(f.key), "%s is missing", f.key)
		}
	}
	provider, known := ctx.provider(e.Provider)
	switch {
	case e.Provider == "":
	case !known:
		ids := providerIDs(ctx.Providers)
		errs.Add(at("provider"), "provider %q is not one of %s%s", e.Provider, diag.OneOf(ids), diag.Suggest(e.Provider, ids))
	case e.Family != "" && !slices.ContainsFunc(provider.Families, func(f Family) bool { return f.ID == e.Family }):
		ids := familyIDs(provider)
		errs.Add(at("family"), "family %q is not one of %s's: %s%s", e.Family, provider.ID, diag.OneOf(ids), diag.Suggest(e.Family, ids))
	}
	paradigms := ctx.Rules.Ranking.Paradigms
	if !slices.Contains(paradigms, e.Paradigm) {
		errs.Add(at("paradigm"), "paradigm %q is not one of %s%s", e.Paradigm, diag.OneOf(paradigms), diag.Suggest(e.Paradigm, paradigms))
	}
	if e.Effort.Value < 1 || e.Effort.Value > 10 {
		errs.Add(at("effort", "value"), "effort must be from 1 (least) to 10 (most), not %d", e.Effort.Value)
	}
	sources := sourceRule{hosts: provider.Sources}
	sources.url(&errs, at("docs"), "docs", e.Docs)
	sources.check(&errs, at("effort"), "effort", e.Effort.Source, e.Effort.Checked)
	sources.check(&errs, at("pricing"), "pricing", e.Pricing.Source, e.Pricing.Checked)
	if len(e.UseCases) == 0 {
		errs.Add(at("use_cases"), "use_cases is missing")
	}
	limits := yamlx.Lookup(root, "limits")
	for i, l := range e.Limits {
		pos := yamlx.Pos(name, nth(limits, i))
		if l.Name == "" || l.Value == "" {
			errs.Add(pos, "a limit needs a name and a value")
		}
		sources.check(&errs, pos, "limit "+l.Name, l.Source, l.Checked)
	}
	fp := factParser{name: name, cat: &ctx.Rules.Catalog, sources: sources, errs: &errs, typed: e.Version >= 2}
	shared, sharedMeasures := fp.facts(e.Facts, yamlx.Lookup(root, "facts"), []string{"facts"}, root)
	jr := judgementRule{cat: &ctx.Rules.Catalog, sources: sources, errs: &errs}
	jr.suits(at("suits"), "entry "+e.ID, e.Suits)
	s.Suits, s.Caveats, s.Consequences = e.Suits, jr.caveats(at("caveats"), e.Caveats), e.Consequences
	jr.consequences(at("consequences"), e.Consequences)
	fp.judge = jr
	s.Variants = []Variant{{Effort: e.Effort, Pricing: e.Pricing, Facts: shared, Measures: sharedMeasures,
		Suits: s.Suits, Caveats: s.Caveats, Consequences: s.Consequences}}
	if len(e.Variants) > 0 {
		s.Variants = fp.variants(s, e.Variants, yamlx.Lookup(root, "variants"), shared, sharedMeasures)
	}
	if len(s.Variants) > 0 {
		s.Facts, s.Measures = s.Variants[0].Facts, s.Variants[0].Measures
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// factParser reads the facts of one entry: its shared ones and each
// variant's.
type factParser struct {
	name    string
	cat     *catalog.Catalog
	sources sourceRule
	errs    *diag.List
	typed   bool // version 2: every option names its kind
	judge   judgementRule
}

// facts reads a map of facts written under path (facts, or a variant's),
// keys in catalog order, then measures in measure order.
func (fp *factParser) facts(raw map[string]*rawFact, node *yaml.Node, path []string, root *yaml.Node) (facts, measures []Fact) {
	for key := range raw {
		if _, ok := fp.cat.Lookup(key); ok {
			continue
		}
		if _, ok := fp.cat.Measure(key); ok {
			continue
		}
		names := append(fp.cat.Names(), measureNames(fp.cat)...)
		fp.errs.Add(yamlx.Pos(fp.name, keyNode(node, key)), "fact for unknown key %q%s", key, diag.Suggest(key, names))
	}
	read := func(keys []catalog.Key) []Fact {
		out := make([]Fact, len(keys))
		for i := range keys {
			k := &keys[i]
			r, ok := raw[k.Key]
			if !ok {
				continue // not recorded here; Missing lists it
			}
			pos := yamlx.Pos(fp.name, yamlx.Lookup(root, append(slices.Clone(path), k.Key)...))
			if r == nil {
				fp.errs.Add(pos, "fact %q is empty; give its value, source and checked date", k.Key)
				continue
			}
			out[i] = r.parse(fp, k, pos)
		}
		return out
	}
	return read(fp.cat.Keys), read(fp.cat.Measures)
}

// variants reads the entry's variants, each the shared facts with its own
// in their place.
func (fp *factParser) variants(s *Service, raws []*rawVariant, node *yaml.Node, shared, sharedMeasures []Fact) []Variant {
	var out []Variant
	seen := map[string]bool{}
	for i, rv := range raws {
		vnode := nth(node, i)
		pos := yamlx.Pos(fp.name, vnode)
		if rv == nil {
			fp.errs.Add(pos, "variant %d is empty; give its id, name and facts", i+1)
			continue
		}
		switch {
		case !validID(rv.ID):
			fp.errs.Add(pos, "variant id %q must be lower-case letters, digits and dashes", rv.ID)
		case seen[rv.ID]:
			fp.errs.Add(pos, "variant id %q is used twice in %s", rv.ID, s.ID)
		}
		seen[rv.ID] = true
		if strings.TrimSpace(rv.Name) == "" {
			fp.errs.Add(pos, "variant %q needs a name", rv.ID)
		}
		v := Variant{ID: rv.ID, Name: rv.Name, Summary: rv.Summary, Docs: rv.Docs, Effort: s.Effort, Pricing: s.Pricing,
			Suits: s.Suits, Caveats: s.Caveats, Consequences: s.Consequences}
		if rv.Suits != nil {
			fp.judge.suits(pos, "variant "+rv.ID, *rv.Suits)
			v.Suits = *rv.Suits
		}
		if len(rv.Caveats) > 0 {
			v.Caveats = append(slices.Clone(s.Caveats), fp.judge.caveats(pos, rv.Caveats)...)
		}
		if len(rv.Consequences) > 0 {
			fp.judge.consequences(pos, rv.Consequences)
			v.Consequences = append(slices.Clone(s.Consequences), rv.Consequences...)
		}
		for _, key := range sortedWhen(rv.When) {
			k, ok := fp.cat.Lookup(key)
			if !ok {
				fp.errs.Add(pos, "variant %q: when names unknown key %q%s", rv.ID, key, diag.Suggest(key, fp.cat.Names()))
				continue
			}
			val, err := k.ParseText(rv.When[key], catalog.InRequirement)
			if err != nil {
				fp.errs.Add(pos, "variant %q: when: %v", rv.ID, err)
				continue
			}
			v.When = append(v.When, Condition{Key: key, Value: val})
		}
		if i == 0 && len(v.When) > 0 {
			fp.errs.Add(pos, "variant %q is the default (the first), which is judged for everyone; it cannot have `when`", rv.ID)
		}
		if rv.Docs != "" {
			fp.sources.url(fp.errs, pos, "variant "+rv.ID+" docs", rv.Docs)
		}
		if rv.Effort != nil {
			v.Effort = *rv.Effort
			if v.Effort.Value < 1 || v.Effort.Value > 10 {
				fp.errs.Add(pos, "variant %q: effort must be from 1 (least) to 10 (most), not %d", rv.ID, v.Effort.Value)
			}
			fp.sources.check(fp.errs, pos, "variant "+rv.ID+" effort", v.Effort.Source, v.Effort.Checked)
		}
		if rv.Pricing != nil {
			v.Pricing = *rv.Pricing
			fp.sources.check(fp.errs, pos, "variant "+rv.ID+" pricing", v.Pricing.Source, v.Pricing.Checked)
		}
		own, ownMeasures := fp.facts(rv.Facts, yamlx.Lookup(vnode, "facts"), []string{"facts"}, vnode)
		v.Facts, v.Measures = overlay(shared, own), overlay(sharedMeasures, ownMeasures)
		out = append(out, v)
	}
	return out
}

// overlay is base with every recorded fact of own in its place.
func overlay(base, own []Fact) []Fact {
	out := slices.Clone(base)
	for i := range own {
		if own[i].Recorded() {
			out[i] = own[i]
		}
	}
	return out
}

// unknownValue is how a fact says AWS does not publish its value.
const unknownValue = "unknown"

func (raw *rawFact) parse(fp *factParser, k *catalog.Key, pos diag.Pos) Fact {
	name, errs := fp.name, fp.errs
	f := Fact{Per: raw.Per, Note: raw.Note, Source: raw.Source, Checked: raw.Checked, Measure: raw.Measure}
	fp.sources.check(errs, pos, "fact "+k.Key, f.Source, f.Checked)
	if raw.Value.Kind == 0 {
		errs.Add(pos, "fact %q has no value", k.Key)
		return Fact{}
	}
	fk := factKey(k)
	if raw.Value.Kind == yaml.ScalarNode && raw.Value.Value == unknownValue && raw.Value.Tag == "!!str" {
		f.Unknown, f.Text = true, unknownValue
		if strings.TrimSpace(f.Measure) == "" {
			errs.Add(pos, "fact %q is unknown; say in `measure` what to measure before relying on it", k.Key)
		}
		if len(raw.Regions) > 0 {
			errs.Add(pos, "fact %q is unknown; it cannot have Region tiers", k.Key)
		}
	} else {
		if f.Measure != "" {
			errs.Add(pos, "fact %q has a value; `measure` is only for an unknown one", k.Key)
		}
		v, err := fk.ParseNode(name, &raw.Value, catalog.InFact)
		if err != nil {
			errs.Append(pos, err)
			return Fact{}
		}
		f.Value, f.Text = v, v.String()
		f.Regions = fp.tiers(fk, raw.Regions, pos, "fact "+k.Key, v)
	}
	for _, o := range raw.Options {
		if o == nil {
			errs.Add(pos, "fact %q has an empty option; give its value, kind and condition", k.Key)
			continue
		}
		opos := yamlx.Pos(name, &o.Value)
		if o.Value.Kind == 0 {
			opos = pos
		}
		if o.Condition == "" {
			errs.Add(opos, "option of fact %q needs a condition", k.Key)
		}
		kind := o.Kind
		switch {
		case kind == "" && !fp.typed:
			kind = ruleset.RequiresOptIn // version 1: an untyped condition
		case !slices.Contains(ruleset.RequirementKinds, kind):
			errs.Add(opos, "option of fact %q: kind %q is not one of %s%s", k.Key, kind, diag.OneOf(ruleset.RequirementKinds), diag.Suggest(kind, ruleset.RequirementKinds))
		case kind == ruleset.RequiresRegion && len(o.In) == 0:
			errs.Add(opos, "option of fact %q is of kind region; list the Regions it is offered in (`in`)", k.Key)
		}
		if o.Source != "" || o.Checked != "" {
			fp.sources.check(errs, opos, "option of "+k.Key, o.Source, o.Checked)
		}
		if o.Value.Kind == 0 {
			errs.Add(opos, "option of fact %q has no value", k.Key)
			continue
		}
		ov, err := fk.ParseNode(name, &o.Value, catalog.InFact)
		if err != nil {
			errs.Append(opos, err)
			continue
		}
		if ov.Type == catalog.List {
			ov.List = fk.Union(f.Value.List, ov.List)
		}
		f.Options = append(f.Options, Option{Value: ov, Text: ov.String(), Kind: kind, Condition: o.Condition,
			In: o.In, Regions: fp.tiers(fk, o.Regions, opos, "option of "+k.Key, ov), Note: o.Note, Source: o.Source, Checked: o.Checked})
	}
	return f
}

// tiers reads Region tiers of a fact or an option.
func (fp *factParser) tiers(fk *catalog.Key, raws []*rawTier, pos diag.Pos, what string, base catalog.Value) []Tier {
	var out []Tier
	for _, t := range raws {
		if t == nil || len(t.In) == 0 || t.Value.Kind == 0 {
			fp.errs.Add(pos, "%s: a Region tier needs `in` (Regions) and a `value`", what)
			continue
		}
		tpos := yamlx.Pos(fp.name, &t.Value)
		if t.Source != "" || t.Checked != "" {
			fp.sources.check(fp.errs, tpos, what+" in "+strings.Join(t.In, ", "), t.Source, t.Checked)
		}
		v, err := fk.ParseNode(fp.name, &t.Value, catalog.InFact)
		if err != nil {
			fp.errs.Append(tpos, err)
			continue
		}
		if v.Type == catalog.List {
			v.List = fk.Union(base.List, v.List)
		}
		out = append(out, Tier{In: t.In, Value: v, Text: v.String(), Source: t.Source, Checked: t.Checked})
	}
	return out
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

// sourceRule is what a source must be: an https page on one of the
// provider's hosts (any host when the provider names none), with the date
// it was read.
type sourceRule struct{ hosts []string }

func (r sourceRule) check(errs *diag.List, pos diag.Pos, what, source, checked string) {
	r.url(errs, pos, what, source)
	if _, err := time.Parse(time.DateOnly, checked); err != nil {
		errs.Add(pos, "%s needs the date it was checked (YYYY-MM-DD), not %q", what, checked)
	}
}

func (r sourceRule) url(errs *diag.List, pos diag.Pos, what, source string) {
	u, err := url.Parse(source)
	switch {
	case err != nil || u.Scheme != "https" || u.Host == "":
		errs.Add(pos, "%s needs a source URL (https://...), not %q", what, source)
	case len(r.hosts) > 0 && !slices.Contains(r.hosts, u.Host):
		errs.Add(pos, "%s cites %s; cite the provider's own pages (%s)", what, u.Host, strings.Join(r.hosts, ", "))
	}
}

// validID reports whether id is lower-case letters, digits and dashes, not starting with a dash.
func validID(id string) bool {
	for i, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0) {
			return false
		}
	}
	return id != ""
}

func keyNode(n *yaml.Node, key string) *yaml.Node {
	n = yamlx.Resolve(n)
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
	n = yamlx.Resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
		return n
	}
	return n.Content[i]
}

func providerIDs(ps []Provider) []string {
	var ids []string
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	return ids
}

func familyIDs(p Provider) []string {
	var ids []string
	for _, f := range p.Families {
		ids = append(ids, f.ID)
	}
	return ids
}

func measureNames(c *catalog.Catalog) []string {
	var out []string
	for _, m := range c.Measures {
		out = append(out, m.Key)
	}
	return out
}

func sortedWhen(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

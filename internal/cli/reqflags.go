package cli

import (
	"slices"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// requirementFlags are the requirements given as flags, kept as text until
// the catalog they are read against is loaded.
type requirementFlags struct {
	Musts   []mustFlag // the key flags in catalog order, then each --must
	Prefers []string   // --prefer key=value[:weight], as given
	Exclude []string   // --exclude ids
	Region  string     // --region, "" when not given
	// UseCases is --use-case as given (nil when not given); its ids are
	// checked against the catalog when the flags are applied.
	UseCases []string
}

// mustFlag is one must given as a flag.
type mustFlag struct {
	Flag  string // "--ordering", or "--must" for --must key=value
	Key   string
	Value string
}

// String names the flag for messages: "--ordering", "--must ordering=strict".
func (m mustFlag) String() string {
	if m.Flag == "--must" {
		return "--must " + m.Key + "=" + m.Value
	}
	return m.Flag
}

// reqFlagSet is the requirement flags registered on a command: one per
// catalog key, plus --must, --prefer, --exclude, --region and --use-case.
type reqFlagSet struct {
	keys     []keyFlag // in catalog order
	musts    []string
	prefers  []string
	exclude  []string
	region   string
	useCases []string
}

// keyFlag is the flag of one catalog key and where its text lands.
type keyFlag struct {
	key, name string
	text      *string
}

// flagName is the flag for a catalog key: message_size -> message-size.
func flagName(key string) string { return strings.ReplaceAll(key, "_", "-") }

// addReqFlags adds one flag per key of cat plus --must, --prefer,
// --exclude, --region and --use-case; their values complete from what
// load gives.
func addReqFlags(cmd *cobra.Command, cat *catalog.Catalog, load func() (*Loaded, error)) *reqFlagSet {
	set := &reqFlagSet{}
	fs := cmd.Flags()
	for i := range cat.Keys {
		k := &cat.Keys[i]
		name := flagName(k.Key)
		text := new(string)
		fs.Var(&textValue{s: text, typ: placeholder(k)}, name, k.Question)
		if k.Type == catalog.Bool {
			fs.Lookup(name).NoOptDefVal = "true"
		}
		_ = fs.SetAnnotation(name, "advisor-group", []string{"requirements"})
		set.keys = append(set.keys, keyFlag{key: k.Key, name: name, text: text})
		_ = cmd.RegisterFlagCompletionFunc(name, completeKeyFlag(load, k.Key))
	}
	fs.StringArrayVar(&set.musts, "must", nil, "a must for any catalog key, as `key=value` (repeatable)")
	fs.StringArrayVar(&set.prefers, "prefer", nil, "prefer: `key=value[:weight]` (repeatable), e.g. latency=realtime:3")
	fs.StringSliceVar(&set.exclude, "exclude", nil, "rule out services by `id,...`")
	fs.StringVar(&set.region, "region", "", "the AWS `Region` that settles Region-dependent limits and prices, such as eu-west-1 (default "+requirements.DefaultRegion+")")
	fs.StringSliceVar(&set.useCases, "use-case", nil, "what the messaging is for, as use case `id,...` (such as broadcast,work-queue); replaces the file's use_case")
	_ = cmd.RegisterFlagCompletionFunc("must", completeKeyValue(load))
	_ = cmd.RegisterFlagCompletionFunc("prefer", completeKeyValue(load))
	_ = cmd.RegisterFlagCompletionFunc("exclude", completeIDList(load))
	_ = cmd.RegisterFlagCompletionFunc("region", completeRegion)
	_ = cmd.RegisterFlagCompletionFunc("use-case", completeUseCases(load))
	return set
}

// read collects the requirement flags given on the command line, checking
// what can be checked without the catalog.
func (s *reqFlagSet) read(fs *pflag.FlagSet) (requirementFlags, error) {
	var r requirementFlags
	for _, k := range s.keys {
		if fs.Changed(k.name) {
			r.Musts = append(r.Musts, mustFlag{Flag: "--" + k.name, Key: k.key, Value: *k.text})
		}
	}
	for _, m := range s.musts {
		key, val, ok := strings.Cut(m, "=")
		if !ok {
			return r, inputErrorf("--must takes key=value, such as ordering=per-key, not %q", m)
		}
		r.Musts = append(r.Musts, mustFlag{Flag: "--must", Key: strings.TrimSpace(key), Value: val})
	}
	r.Prefers, r.Exclude = slices.Clone(s.prefers), slices.Clone(s.exclude)
	if fs.Changed("region") {
		if err := requirements.CheckRegion("--region", s.region); err != nil {
			return r, inputError(err)
		}
		r.Region = s.region
	}
	if fs.Changed("use-case") {
		r.UseCases = append([]string{}, s.useCases...) // not nil: given, if empty
	}
	for _, p := range r.Prefers {
		key, _, _ := strings.Cut(p, "=")
		key = strings.TrimSpace(key)
		for _, m := range r.Musts {
			if m.Key == key {
				return r, inputErrorf("%s and --prefer %s: %q cannot be both a must and a preference; keep one", m, p, key)
			}
		}
	}
	return r, nil
}

// apply puts the flags over req: a flag replaces the same key from the file.
func (r requirementFlags) apply(req *requirements.Requirements, l *Loaded) error {
	cat := &l.Rules.Catalog
	for _, m := range r.Musts {
		k, found := cat.Lookup(m.Key)
		if !found {
			return inputErrorf("%s: unknown requirement key %q%s", m.Flag, m.Key, diag.Suggest(m.Key, cat.Names()))
		}
		v, err := k.ParseText(m.Value, catalog.InRequirement)
		if err != nil {
			return inputErrorf("%s: %v", m.Flag, err)
		}
		req.Set(cat, requirements.Item{Key: k.Key, Value: v, Weight: 1, Text: requirements.QuantityText(k, m.Value)}, true)
	}
	for _, p := range r.Prefers {
		it, err := requirements.ParsePrefer(cat, p)
		if err != nil {
			return inputError(err)
		}
		req.Set(cat, it, false)
	}
	for _, ex := range r.Exclude {
		if err := req.AddExclude(ex, l.Base.IDs()); err != nil {
			return inputError(err)
		}
	}
	if r.Region != "" {
		req.Region = r.Region
	}
	if r.UseCases != nil {
		if err := req.SetUseCases(cat, "--use-case", r.UseCases); err != nil {
			return inputError(err)
		}
	}
	return nil
}

// textValue is a requirement flag's value: kept as text and parsed against
// the catalog when the command runs, so that errors are bad input (exit 2).
type textValue struct {
	s   *string
	typ string
}

func (v *textValue) String() string     { return *v.s }
func (v *textValue) Set(s string) error { *v.s = s; return nil }
func (v *textValue) Type() string       { return v.typ }

// placeholder names what a flag takes in --help: "none|per-key|strict", "7d".
func placeholder(k *catalog.Key) string {
	switch k.Type {
	case catalog.Bool:
		return "bool"
	case catalog.Enum:
		if p := strings.Join(k.Values, "|"); len(p) <= 30 {
			return p
		}
		return "value"
	case catalog.List:
		return strings.Join(k.Values[:min(2, len(k.Values))], ",") + ",..."
	}
	if len(k.Examples) > 0 {
		return k.Examples[0]
	}
	return string(k.Type)
}

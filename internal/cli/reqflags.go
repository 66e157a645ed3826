package cli

import (
	"github.com/advisor-dev/advisor/internal/diag"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// reqFlags are the requirement flags of a command, generated from the catalog.
type reqFlags struct {
	keys    map[string]*string // catalog key -> flag value (a must)
	flags   map[string]string  // catalog key -> flag name
	musts   []string           // --must key=value
	prefers []string           // --prefer key=value[:weight]
	exclude []string           // --exclude id,...
}

// flagName is the flag for a catalog key: message_size -> message-size.
func flagName(key string) string { return strings.ReplaceAll(key, "_", "-") }

// addReqFlags adds one flag per catalog key plus --must, --prefer and --exclude.
func addReqFlags(cmd *cobra.Command, cat *catalog.Catalog) *reqFlags {
	rf := &reqFlags{keys: map[string]*string{}, flags: map[string]string{}}
	fs := cmd.Flags()
	for i := range cat.Keys {
		k := &cat.Keys[i]
		name := flagName(k.Key)
		v := new(string)
		fs.Var(&keyValue{s: v, typ: placeholder(k)}, name, k.Question)
		if k.Type == catalog.Bool {
			fs.Lookup(name).NoOptDefVal = "true"
		}
		fs.SetAnnotation(name, "advisor-group", []string{"requirements"})
		rf.keys[k.Key], rf.flags[k.Key] = v, name
		if len(k.Values) > 0 {
			vals := k.Values
			if k.Type == catalog.Bool {
				vals = []string{"true", "false"}
			}
			_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(vals, cobra.ShellCompDirectiveNoFileComp))
		}
	}
	fs.StringArrayVar(&rf.musts, "must", nil, "a must for any catalog key, as `key=value` (repeatable)")
	fs.StringArrayVar(&rf.prefers, "prefer", nil, "prefer: `key=value[:weight]` (repeatable), e.g. latency=realtime:3")
	fs.StringSliceVar(&rf.exclude, "exclude", nil, "rule out services by `id,...`")
	return rf
}

// apply puts the flags over req: a flag replaces the same key from the file.
func (rf *reqFlags) apply(fs *pflag.FlagSet, req *requirements.Requirements, l *Loaded) error {
	cat := &l.Rules.Catalog
	for _, k := range cat.Keys {
		name, ok := rf.flags[k.Key]
		if !ok || !fs.Changed(name) {
			continue
		}
		key := k
		v, err := key.ParseText(*rf.keys[k.Key], catalog.InRequirement)
		if err != nil {
			return inputErrorf("--%s: %v", name, err)
		}
		req.Set(cat, requirements.Item{Key: k.Key, Value: v, Weight: 1}, true)
	}
	for _, m := range rf.musts {
		key, val, ok := strings.Cut(m, "=")
		k, found := cat.Lookup(strings.TrimSpace(key))
		switch {
		case !ok:
			return inputErrorf("--must takes key=value, such as ordering=per-key, not %q", m)
		case !found:
			return inputErrorf("--must: unknown requirement key %q%s", key, diag.Suggest(key, cat.Names()))
		}
		v, err := k.ParseText(val, catalog.InRequirement)
		if err != nil {
			return inputErrorf("--must: %v", err)
		}
		req.Set(cat, requirements.Item{Key: k.Key, Value: v, Weight: 1}, true)
	}
	for _, p := range rf.prefers {
		it, err := requirements.ParsePrefer(cat, p)
		if err != nil {
			return inputError(err)
		}
		req.Set(cat, it, false)
	}
	for _, ex := range rf.exclude {
		if err := req.AddExclude(ex, l.Base.IDs()); err != nil {
			return inputError(err)
		}
	}
	return nil
}

// keyValue is a requirement flag's value: kept as text and parsed against
// the catalog when the command runs, so that errors are bad input (exit 2).
type keyValue struct {
	s   *string
	typ string
}

func (v *keyValue) String() string     { return *v.s }
func (v *keyValue) Set(s string) error { *v.s = s; return nil }
func (v *keyValue) Type() string       { return v.typ }

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

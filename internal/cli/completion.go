package cli

import (
	"slices"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/spf13/cobra"
)

// Shell completion for flag values. Each function loads the rules and
// knowledge that --knowledge and --rules on the same command line name, so
// it offers what the command would accept.

// completeIDs completes service ids as arguments, each once; with one,
// only the first argument is an id.
func completeIDs(load func() (*Loaded, error), one bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if one && len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		loaded, err := load()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []cobra.Completion
		for _, id := range withPrefix(loaded.Base.IDs(), toComplete) {
			if !slices.Contains(args, id) {
				out = append(out, id)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeIDList completes --exclude's comma-separated service ids.
func completeIDList(load func() (*Loaded, error)) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		loaded, err := load()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return completeList(toComplete, loaded.Base.IDs()), listDirective
	}
}

// completeRegion completes --region with the default Region only: a Region
// is checked by its shape, not against a list, so there is no list to offer;
// the default shows what one looks like. Never file names.
func completeRegion(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return withPrefix([]cobra.Completion{cobra.CompletionWithDesc(requirements.DefaultRegion, "the default")}, toComplete), cobra.ShellCompDirectiveNoFileComp
}

// completeUseCases completes --use-case's comma-separated use case ids,
// each with what it means.
func completeUseCases(load func() (*Loaded, error)) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		loaded, err := load()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var ids []cobra.Completion
		for _, u := range loaded.Rules.Catalog.UseCases {
			ids = append(ids, cobra.CompletionWithDesc(u.ID, u.Meaning))
		}
		return completeList(toComplete, ids), listDirective
	}
}

// completeFamilies completes --family.
func completeFamilies(load func() (*Loaded, error)) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		loaded, err := load()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var families []string
		for _, s := range loaded.Base.Services {
			if !slices.Contains(families, s.Family) {
				families = append(families, s.Family)
			}
		}
		slices.Sort(families)
		return withPrefix(families, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// completeKeyFlag completes the value of a catalog key's own flag.
func completeKeyFlag(load func() (*Loaded, error), key string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		loaded, err := load()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		k, ok := loaded.Rules.Catalog.Lookup(key)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return completeValue(k, toComplete)
	}
}

// completeKeyValue completes --must and --prefer: first the key (with its
// "="), then the key's value.
func completeKeyValue(load func() (*Loaded, error)) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		loaded, err := load()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		cat := &loaded.Rules.Catalog
		key, value, typed := strings.Cut(toComplete, "=")
		if !typed {
			var keys []cobra.Completion
			for _, k := range cat.Keys {
				keys = append(keys, cobra.CompletionWithDesc(k.Key+"=", k.Question))
			}
			return withPrefix(keys, toComplete), cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
		}
		k, ok := cat.Lookup(key)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		values, directive := completeValue(k, value)
		for i := range values {
			values[i] = key + "=" + values[i]
		}
		return values, directive
	}
}

// completeValue completes a value of key k: its values (each of a list,
// after any comma), true or false, or a quantity's examples.
func completeValue(k *catalog.Key, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var values []cobra.Completion
	switch k.Type {
	case catalog.Bool:
		values = []cobra.Completion{"true", "false"}
	case catalog.Enum, catalog.List:
		for _, v := range k.Values {
			values = append(values, cobra.CompletionWithDesc(v, k.Describe[v]))
		}
	default:
		values = k.Examples
	}
	if k.Type == catalog.List {
		return completeList(toComplete, values), listDirective
	}
	return withPrefix(values, toComplete), cobra.ShellCompDirectiveNoFileComp
}

// listDirective leaves the cursor after a list's item, ready for a comma.
const listDirective = cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp

// completeList completes the last item of a comma-separated list: the
// items before it stay as typed, and those already listed are not offered.
func completeList(toComplete string, items []cobra.Completion) []cobra.Completion {
	head, last := "", toComplete
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		head, last = toComplete[:i+1], toComplete[i+1:]
	}
	listed := strings.Split(head, ",")
	var out []cobra.Completion
	for _, item := range withPrefix(items, last) {
		if !slices.Contains(listed, value(item)) {
			out = append(out, head+item)
		}
	}
	return out
}

// withPrefix keeps the completions that start with prefix.
func withPrefix(list []cobra.Completion, prefix string) []cobra.Completion {
	var out []cobra.Completion
	for _, c := range list {
		if strings.HasPrefix(c, prefix) {
			out = append(out, c)
		}
	}
	return out
}

// value is a completion without its description.
func value(c cobra.Completion) string {
	v, _, _ := strings.Cut(c, "\t")
	return v
}

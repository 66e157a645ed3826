package requirements

import (
	"fmt"
	"slices"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/yamlx"
	"go.yaml.in/yaml/v3"
)

// CheckUseCase reports whether id is one of the catalog's use cases, and
// if not, says which it may have meant and which there are. what names
// the input in the message ("use_case", "--use-case").
func CheckUseCase(cat *catalog.Catalog, what, id string) error {
	ids := cat.UseCaseIDs()
	if slices.Contains(ids, id) {
		return nil
	}
	if len(ids) == 0 {
		return fmt.Errorf("%s does not take %q: the catalog has no use cases", what, id)
	}
	if id == "" {
		return fmt.Errorf("%s has an empty use case; use cases are %s", what, strings.Join(ids, ", "))
	}
	return fmt.Errorf("%s does not take %q%s; use cases are %s", what, id, diag.Suggest(id, ids), strings.Join(ids, ", "))
}

// OrderUseCases returns ids in the catalog's order, each once, so that the
// same use cases always print the same; nil for none.
func OrderUseCases(cat *catalog.Catalog, ids []string) []string {
	var out []string
	for _, id := range cat.UseCaseIDs() {
		if slices.Contains(ids, id) {
			out = append(out, id)
		}
	}
	return out
}

// SetUseCases replaces the use cases with ids (--use-case, the
// questionnaire's answer), checking each against the catalog: what names
// the input in messages. Blank ids are skipped, so that "a,,b" and a
// trailing comma are harmless.
func (r *Requirements) SetUseCases(cat *catalog.Catalog, what string, ids []string) error {
	var kept []string
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		if err := CheckUseCase(cat, what, id); err != nil {
			return err
		}
		kept = append(kept, id)
	}
	r.UseCases = OrderUseCases(cat, kept)
	return nil
}

// useCases reads the top-level use_case: one id, or a list of them.
func (l *Loader) useCases(name string, n *yaml.Node, errs *diag.List) []string {
	items, ok := oneOrList(n)
	if !ok {
		errs.Add(yamlx.Pos(name, n), "use_case takes a use case id or a list of them, such as [broadcast], not %s; use cases are %s",
			yamlx.Describe(n), strings.Join(l.Catalog.UseCaseIDs(), ", "))
		return nil
	}
	var ids []string
	for _, c := range items {
		c = yamlx.Resolve(c)
		s, ok := yamlx.Scalar(c)
		if !ok || c.Tag != "!!str" {
			errs.Add(yamlx.Pos(name, c), "use_case takes use case ids, not %s in the list", yamlx.Describe(c))
			continue
		}
		if err := CheckUseCase(l.Catalog, "use_case", s); err != nil {
			errs.Add(yamlx.Pos(name, c), "%v", err)
			continue
		}
		ids = append(ids, s)
	}
	return OrderUseCases(l.Catalog, ids)
}

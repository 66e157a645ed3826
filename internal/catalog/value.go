package catalog

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/units"
	"github.com/advisor-dev/advisor/internal/yamlx"
	"go.yaml.in/yaml/v3"
)

// Value is a typed value of a key, in a requirement or a knowledge fact.
type Value struct {
	Type Type
	Bool bool
	Text string   // enum
	List []string // list, in the catalog's order
	Num  float64  // quantities in seconds, messages/s or bytes; +Inf is unlimited
}

// String writes the value as a user would: "per-key", "true", "7d", "amqp, mqtt".
func (v Value) String() string {
	switch v.Type {
	case Bool:
		if v.Bool {
			return "true"
		}
		return "false"
	case Enum:
		return v.Text
	case List:
		if len(v.List) == 0 {
			return "none"
		}
		return strings.Join(v.List, ", ")
	case Duration:
		return units.FormatDuration(v.Num)
	case Rate:
		return units.FormatRate(v.Num)
	case Size:
		return units.FormatSize(v.Num)
	case Integer:
		return units.FormatCount(v.Num)
	case Bandwidth:
		return units.FormatBandwidth(v.Num)
	case Money:
		return units.FormatMoney(v.Num)
	}
	return ""
}

// Plain is the value for a YAML file: a bool, a string or a list of
// strings. A quantity keeps every digit (70001/s, not String's 70k/s):
// the file is read again, by `advisor check` or `recommend -f`, and a
// rounded number can change the pick.
func (v Value) Plain() any {
	switch v.Type {
	case Bool:
		return v.Bool
	case List:
		return slices.Clone(v.List)
	case Duration:
		return units.ExactDuration(v.Num)
	case Rate:
		return units.ExactRate(v.Num)
	case Size:
		return units.ExactSize(v.Num)
	case Integer:
		if v.IsUnlimited() {
			return "unlimited"
		}
		return int64(v.Num) // a whole number: YAML writes it unquoted
	}
	return v.String()
}

// Context says where a value is parsed: a requirement is stricter than a fact.
type Context int

const (
	// InRequirement parses what a user asks for.
	InRequirement Context = iota
	// InFact parses what a knowledge entry says a service has.
	InFact
)

// ParseNode reads a YAML node as a value of k.
func (k *Key) ParseNode(name string, n *yaml.Node, ctx Context) (Value, error) {
	n = yamlx.Resolve(n)
	pos := yamlx.Pos(name, n)
	fail := func(format string, args ...any) (Value, error) {
		return Value{}, diag.List{{Pos: pos, Msg: fmt.Sprintf(format, args...)}}
	}
	switch k.Type {
	case Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			return fail("%s takes true or false, not %s", k.Key, yamlx.Describe(n))
		}
		return k.ParseText(n.Value, ctx)
	case List:
		var items []string
		switch {
		case n.Kind == yaml.SequenceNode:
			for _, c := range n.Content {
				c = yamlx.Resolve(c)
				s, ok := yamlx.Scalar(c)
				if !ok {
					return Value{}, diag.List{{Pos: yamlx.Pos(name, c), Msg: fmt.Sprintf("%s takes a list of words, not %s in the list", k.Key, yamlx.Describe(c))}}
				}
				if err := k.checkItem(s); err != nil {
					return Value{}, diag.List{{Pos: yamlx.Pos(name, c), Msg: err.Error()}}
				}
				items = append(items, s)
			}
		case n.Kind == yaml.ScalarNode && n.Tag == "!!str":
			return k.parseAt(pos, n.Value, ctx)
		default:
			return fail("%s takes a list such as [%s], not %s", k.Key, strings.Join(k.Values[:min(2, len(k.Values))], ", "), yamlx.Describe(n))
		}
		if len(items) == 0 && ctx == InRequirement {
			return fail("%s needs at least one of %s", k.Key, diag.OneOf(k.Values))
		}
		return Value{Type: List, List: k.ordered(items)}, nil
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return fail("%s takes %s, not %s", k.Key, k.Expect(), yamlx.Describe(n))
	}
	if k.Type == Enum && n.Tag != "!!str" {
		return fail("%s takes %s, not %s", k.Key, k.Expect(), yamlx.Describe(n))
	}
	if k.Type == Integer && ctx == InRequirement {
		return k.parseCountNode(pos, n)
	}
	if what, ok := yamlx.NonFinite(n); ok {
		return fail("%s takes %s, not %s: YAML reads it as %s", k.Key, k.Expect(), n.Value, what)
	}
	return k.parseAt(pos, n.Value, ctx)
}

// parseCountNode reads a requirement on an integer key: a YAML whole number
// (150, not "150", 1.5 or 2k), as the schema has it, so that a file means
// the same to the advisor and to an editor checking it.
func (k *Key) parseCountNode(pos diag.Pos, n *yaml.Node) (Value, error) {
	fail := func(format string, args ...any) (Value, error) {
		return Value{}, diag.List{{Pos: pos, Msg: fmt.Sprintf(format, args...)}}
	}
	switch n.Tag {
	case "!!int":
		var i int64
		if err := n.Decode(&i); err != nil {
			return fail("%s: %q is too large", k.Key, n.Value)
		}
		return k.parseAt(pos, strconv.FormatInt(i, 10), InRequirement)
	case "!!float":
		if strings.Trim(n.Value, "0123456789") == "" { // too many digits for an int
			return fail("%s: %q is too large", k.Key, n.Value)
		}
		return fail("%s takes a whole number, such as %s, not %s", k.Key, strings.Join(k.Examples, " or "), n.Value)
	case "!!str":
		v, err := k.ParseText(n.Value, InRequirement)
		switch {
		case err != nil:
			return Value{}, diag.List{{Pos: pos, Msg: err.Error()}}
		case v.IsUnlimited():
			return v, nil
		}
		return fail("%s takes a whole number, not the text %q: write it without quotes", k.Key, n.Value)
	}
	return fail("%s takes a whole number, such as %s, not %s", k.Key, strings.Join(k.Examples, " or "), yamlx.Describe(n))
}

func (k *Key) parseAt(pos diag.Pos, s string, ctx Context) (Value, error) {
	v, err := k.ParseText(s, ctx)
	if err != nil {
		return Value{}, diag.List{{Pos: pos, Msg: err.Error()}}
	}
	return v, nil
}

// ParseText reads a value written as text, as on the command line
// ("true", "per-key", "7d", "amqp,mqtt").
func (k *Key) ParseText(s string, ctx Context) (Value, error) {
	s = strings.TrimSpace(s)
	switch k.Type {
	case Bool:
		switch s {
		case "true":
			return Value{Type: Bool, Bool: true}, nil
		case "false":
			return Value{Type: Bool}, nil
		}
		return Value{}, fmt.Errorf("%s takes true or false, not %q", k.Key, s)
	case Enum:
		if !slices.Contains(k.Values, s) {
			return Value{}, fmt.Errorf("%s does not take %q: allowed values are %s%s", k.Key, s, diag.OneOf(k.Values), diag.Suggest(s, k.Values))
		}
		return Value{Type: Enum, Text: s}, nil
	case List:
		var items []string
		for _, part := range strings.Split(s, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			if err := k.checkItem(part); err != nil {
				return Value{}, err
			}
			items = append(items, part)
		}
		if len(items) == 0 && ctx == InRequirement {
			return Value{}, fmt.Errorf("%s needs at least one of %s", k.Key, diag.OneOf(k.Values))
		}
		return Value{Type: List, List: k.ordered(items)}, nil
	}
	opts := units.Options{AllowZero: ctx == InFact, AllowUnlimited: ctx == InFact || k.Unlimited}
	var num float64
	var err error
	switch k.Type {
	case Duration:
		num, err = units.ParseDuration(s, opts)
	case Rate:
		num, err = units.ParseRate(s, opts)
	case Size:
		num, err = units.ParseSize(s, opts)
	case Integer:
		num, err = units.ParseCount(s, opts)
	case Bandwidth:
		num, err = units.ParseBandwidth(s, opts)
	case Money:
		num, err = units.ParseMoney(s, opts)
	default:
		return Value{}, fmt.Errorf("key %s has unknown type %q", k.Key, k.Type)
	}
	if err != nil {
		return Value{}, fmt.Errorf("%s: %w", k.Key, err)
	}
	return Value{Type: k.Type, Num: num}, nil
}

func (k *Key) checkItem(s string) error {
	if !slices.Contains(k.Values, s) {
		return fmt.Errorf("%s does not take %q: allowed values are %s%s", k.Key, s, diag.OneOf(k.Values), diag.Suggest(s, k.Values))
	}
	return nil
}

// ordered removes duplicates and sorts items in catalog order, so that equal
// sets print the same.
func (k *Key) ordered(items []string) []string {
	var out []string // nil when empty, as a decoded copy has it
	for _, v := range k.Values {
		if slices.Contains(items, v) {
			out = append(out, v)
		}
	}
	return out
}

// Expect describes what the key takes, for messages and help.
func (k *Key) Expect() string {
	switch k.Type {
	case Bool:
		return "true or false"
	case Enum:
		return "one of " + diag.OneOf(k.Values)
	case List:
		return "a list of " + diag.OneOf(k.Values)
	}
	ex := strings.Join(k.Examples, ", ")
	if k.Unlimited {
		ex += " or unlimited"
	}
	if k.Type == Integer {
		return "a whole number such as " + ex
	}
	return fmt.Sprintf("%s such as %s", k.Type, ex)
}

// IsUnlimited reports whether a quantity has no bound.
func (v Value) IsUnlimited() bool { return math.IsInf(v.Num, 1) }

// Union merges two lists of the key's values in catalog order.
func (k *Key) Union(a, b []string) []string {
	return k.ordered(append(slices.Clone(a), b...))
}

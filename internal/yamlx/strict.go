package yamlx

import (
	"bytes"
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/advisor-dev/advisor/internal/diag"
	"go.yaml.in/yaml/v3"
)

var (
	typeErrLineRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^line (\d+): (.*)$`) })
	unknownFieldRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^field (\S+) not found in type (\S+)$`) })
	cannotRE       = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile("^cannot unmarshal !!(\\w+) `(.*)` into (\\S+)$")
	})
)

// DecodeStrict decodes data into v, refusing unknown fields, and reports each
// problem at its line and column (root is the parsed node of the same data,
// from Parse). Field names in messages come from v's yaml tags.
func DecodeStrict(name string, data []byte, root *yaml.Node, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(v)
	if err == nil {
		return nil
	}
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return syntaxError(name, err)
	}
	fields := fieldNames(reflect.TypeOf(v), map[string][]string{})
	var errs diag.List
	for _, raw := range te.Errors {
		m := typeErrLineRE().FindStringSubmatch(raw)
		if m == nil {
			errs.Add(diag.Pos{File: name}, "%s", raw)
			continue
		}
		line, _ := strconv.Atoi(m[1])
		msg := m[2]
		pos := diag.Pos{File: name, Line: line}
		if u := unknownFieldRE().FindStringSubmatch(msg); u != nil {
			if k := findKey(root, line, u[1]); k != nil {
				pos.Col = k.Column
			}
			allowed := fields[u[2]]
			msg = "unknown key " + strconv.Quote(u[1]) + diag.Suggest(u[1], allowed)
			if len(allowed) > 0 {
				msg += "; allowed here: " + strings.Join(allowed, ", ")
			}
		} else if c := cannotRE().FindStringSubmatch(msg); c != nil {
			if n := findValue(root, line, c[2]); n != nil {
				pos.Col = n.Column
			}
			msg = "expected " + goTypeWord(c[3]) + ", found " + tagWord(c[1]) + " " + strconv.Quote(c[2])
		}
		errs = append(errs, diag.Diagnostic{Pos: pos, Msg: msg})
	}
	return errs.Err()
}

// fieldNames maps each struct type reachable from t to its yaml field names.
func fieldNames(t reflect.Type, out map[string][]string) map[string][]string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return out
	}
	if _, done := out[t.String()]; done {
		return out
	}
	out[t.String()] = nil
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag == "-" || !f.IsExported() {
			continue
		}
		if tag == "" {
			tag = strings.ToLower(f.Name)
		}
		names = append(names, tag)
		fieldNames(f.Type, out)
	}
	out[t.String()] = names
	return out
}

func findKey(n *yaml.Node, line int, key string) *yaml.Node {
	var found *yaml.Node
	walk(n, func(m *yaml.Node) bool {
		if m.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(m.Content); i += 2 {
				if k := m.Content[i]; k.Line == line && k.Value == key {
					found = k
					return false
				}
			}
		}
		return true
	})
	return found
}

func findValue(n *yaml.Node, line int, value string) *yaml.Node {
	var found *yaml.Node
	walk(n, func(m *yaml.Node) bool {
		if m.Kind == yaml.ScalarNode && m.Line == line && m.Value == value {
			found = m
			return false
		}
		return true
	})
	return found
}

// walk visits nodes depth first (not through aliases) until fn returns false.
func walk(n *yaml.Node, fn func(*yaml.Node) bool) bool {
	if n == nil || !fn(n) {
		return false
	}
	for _, c := range n.Content {
		if !walk(c, fn) {
			return false
		}
	}
	return true
}

func goTypeWord(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["):
		return "a mapping"
	case t == "string":
		return "text"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"), strings.HasPrefix(t, "float"):
		return "a number"
	}
	return "a mapping"
}

func tagWord(tag string) string {
	switch tag {
	case "seq":
		return "a list"
	case "map":
		return "a mapping"
	case "str":
		return "the text"
	case "int", "float":
		return "the number"
	case "bool":
		return "the boolean"
	}
	return tag
}

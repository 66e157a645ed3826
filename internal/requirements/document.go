package requirements

import (
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Document is a requirements file as written, keys in catalog order.
type Document struct {
	Version  int
	Title    string
	Context  string
	Provider string
	Region   string
	UseCases []string
	Volume   string
	ReviewBy string
	Exclude  []string
	Must     []KV
	Prefer   []KV
}

// KV is one key and its plain value.
type KV struct {
	Key   string
	Value any
}

// MarshalYAML writes the document with its keys in a stable, readable order.
func (d Document) MarshalYAML() (any, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	var err error
	add := func(parent *yaml.Node, k string, v any, flow bool) {
		vn, e := valueNode(v)
		if e != nil {
			err = errors.Join(err, fmt.Errorf("%s: %w", k, e))
			return
		}
		if flow && (vn.Kind == yaml.SequenceNode || vn.Kind == yaml.MappingNode) {
			vn.Style = yaml.FlowStyle
		}
		parent.Content = append(parent.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, vn)
	}
	add(root, "version", d.Version, false)
	if d.Title != "" {
		add(root, "title", d.Title, false)
	}
	if d.Context != "" {
		add(root, "context", d.Context, false)
	}
	if d.Provider != "" {
		add(root, "provider", d.Provider, false)
	}
	if d.Region != "" {
		add(root, "region", d.Region, false)
	}
	if len(d.UseCases) > 0 {
		add(root, "use_case", d.UseCases, true)
	}
	if d.Volume != "" {
		add(root, "volume", d.Volume, false)
	}
	if d.ReviewBy != "" {
		add(root, "review_by", d.ReviewBy, false)
	}
	if len(d.Exclude) > 0 {
		add(root, "exclude", d.Exclude, false)
	}
	for _, sec := range []struct {
		name string
		kvs  []KV
	}{{"must", d.Must}, {"prefer", d.Prefer}} {
		if len(sec.kvs) == 0 {
			continue
		}
		m := &yaml.Node{Kind: yaml.MappingNode}
		for _, kv := range sec.kvs {
			add(m, kv.Key, kv.Value, true)
		}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: sec.name}, m)
	}
	return root, err
}

// valueNode encodes v. A text goes double-quoted, where every character
// is escaped as needed, when the encoder's own choice would not read back
// as the same text: it writes "\tx\n" as a literal block its parser
// refuses ("found a tab character where an indentation space is expected").
func valueNode(v any) (*yaml.Node, error) {
	if s, isText := v.(string); isText {
		if n, ok := encoderChoice(s); ok {
			return n, nil
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: s}, nil
	}
	var n yaml.Node
	err := n.Encode(v)
	return &n, err
}

// encoderChoice is s as the encoder writes it, if that reads back as s.
func encoderChoice(s string) (*yaml.Node, bool) {
	var n yaml.Node
	if n.Encode(s) != nil {
		return nil, false
	}
	return &n, readsBack(&n, s)
}

// readsBack reports whether n, written as a top-level value as the
// document writes title and context, reads back as s.
func readsBack(n *yaml.Node, s string) bool {
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "k"}, n}})
	if err != nil {
		return false
	}
	var back struct {
		K *string `yaml:"k"`
	}
	return yaml.Unmarshal(out, &back) == nil && back.K != nil && *back.K == s
}

package requirements

import (
	"go.yaml.in/yaml/v3"
)

// Document is a requirements file as written, keys in catalog order.
type Document struct {
	Version  int
	Title    string
	Context  string
	Provider string
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
	add := func(k string, v any) {
		var vn yaml.Node
		_ = vn.Encode(v)
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, &vn)
	}
	add("version", d.Version)
	if d.Title != "" {
		add("title", d.Title)
	}
	if d.Context != "" {
		add("context", d.Context)
	}
	if d.Provider != "" {
		add("provider", d.Provider)
	}
	if len(d.Exclude) > 0 {
		add("exclude", d.Exclude)
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
			var vn yaml.Node
			_ = vn.Encode(kv.Value)
			if vn.Kind == yaml.SequenceNode || vn.Kind == yaml.MappingNode {
				vn.Style = yaml.FlowStyle
			}
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: kv.Key}, &vn)
		}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: sec.name}, m)
	}
	return root, nil
}

package pricing

import (
	"bytes"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"
)

// Encode writes f as a price file that Parse reads back to the same
// prices: every field in the order of the format, defaults left out,
// prices as plain decimals (0.0000004, never 4e-07). header, when not
// empty, is written first as a comment.
func Encode(f *File, header string) ([]byte, error) {
	doc := mapping(
		"version", intNode(f.Version),
		"service", str(f.Service),
		"region", str(f.Region),
		"currency", str(f.Currency),
	)
	if f.Note != "" {
		add(doc, "note", quoted(f.Note))
	}
	models := &yaml.Node{Kind: yaml.SequenceNode}
	for _, m := range f.Models {
		mn := mapping()
		if len(m.Variants) > 0 {
			add(mn, "variants", flowList(m.Variants))
		}
		if len(m.Assumptions) > 0 {
			add(mn, "assumptions", list(m.Assumptions))
		}
		if len(m.Capacities) > 0 {
			caps := mapping()
			for _, c := range m.Capacities {
				add(caps, c.Name, quoted(c.Expr.String()))
			}
			add(mn, "capacity", caps)
		}
		dims := &yaml.Node{Kind: yaml.SequenceNode}
		for _, d := range m.Dimensions {
			dims.Content = append(dims.Content, dimensionNode(&d))
		}
		add(mn, "dimensions", dims)
		models.Content = append(models.Content, mn)
	}
	add(doc, "models", models)
	if header != "" {
		doc.HeadComment = header
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{doc}}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func dimensionNode(d *Dimension) *yaml.Node {
	n := mapping("id", str(d.ID))
	if d.What != "" {
		add(n, "what", quoted(d.What))
	}
	add(n, "unit", quoted(d.Unit), "price", number(d.Price))
	if d.Per != 0 && d.Per != 1 {
		add(n, "per", number(d.Per))
	}
	add(n, "quantity", quoted(d.Quantity))
	if d.Baseline {
		add(n, "baseline", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	add(n, "source", str(d.Source), "checked", day(d.Checked), "confidence", str(d.Confidence))
	if d.Note != "" {
		add(n, "note", quoted(d.Note))
	}
	if d.Offer != nil {
		match := mapping()
		match.Style = yaml.FlowStyle
		for _, k := range sortedKeys(d.Offer.Match) {
			add(match, k, quoted(d.Offer.Match[k]))
		}
		offer := mapping("code", str(d.Offer.Code), "match", match)
		offer.Style = yaml.FlowStyle
		add(n, "offer", offer)
	}
	return n
}

func mapping(kv ...any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	add(n, kv...)
	return n
}

// add appends key, value pairs to a mapping.
func add(n *yaml.Node, kv ...any) {
	for i := 0; i+1 < len(kv); i += 2 {
		n.Content = append(n.Content, str(kv[i].(string)), kv[i+1].(*yaml.Node))
	}
}

// str is a string the encoder quotes when it must (a date, a number, a
// word YAML reads as true): Parse reads it back as the same string.
func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// quoted is a string always written in double quotes, as the format's
// examples write words and expressions.
func quoted(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

// day is a date written plain (checked: 2026-11-30), as the format's
// files write it; Parse reads it back as the same string. Anything else
// is a string.
func day(s string) *yaml.Node {
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: s}
	}
	return str(s)
}

func intNode(i int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(i)}
}

// number is a plain decimal with the fewest digits that read back as f.
func number(f float64) *yaml.Node {
	v := strconv.FormatFloat(f, 'f', -1, 64)
	tag := "!!float"
	if !bytes.ContainsRune([]byte(v), '.') {
		tag = "!!int"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v}
}

func list(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range items {
		n.Content = append(n.Content, quoted(s))
	}
	return n
}

func flowList(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range items {
		n.Content = append(n.Content, str(s))
	}
	return n
}

package adr

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Provenance is what a record keeps of how its decision was made, so that
// `advisor check` can tell what changed since: which advisor and which
// knowledge and rules made it, what ranked first, why the team chose
// otherwise if it did, and the facts the choice relied on.
type Provenance struct {
	Advisor   string `yaml:"advisor"`
	Knowledge string `yaml:"knowledge"` // the knowledge base's digest
	Rules     string `yaml:"rules"`     // the rules' digest
	Written   string `yaml:"written"`   // the record's date
	Variant   string `yaml:"variant,omitempty"`
	// Top is the advisor's pick when the record was written; Reason, when
	// the team chose another option on purpose, says why.
	Top      string   `yaml:"top"`
	Reason   string   `yaml:"reason,omitempty"`
	ReliedOn []Relied `yaml:"relied_on,omitempty"`
}

// Relied is one fact of the chosen service a decision relied on.
type Relied struct {
	Key     string `yaml:"key"`
	Value   string `yaml:"value"`
	Source  string `yaml:"source,omitempty"`
	Checked string `yaml:"checked,omitempty"`
}

// Deliberate reports whether the team chose other than the advisor's pick,
// and said why.
func (p *Provenance) Deliberate(chosen string) bool {
	return p != nil && p.Reason != "" && p.Top != chosen
}

// ProvenanceMarker precedes the provenance block, after the requirements.
const ProvenanceMarker = "<!-- advisor: provenance -->"

// writeProvenance writes the marker and the block.
func writeProvenance(b *strings.Builder, p Provenance) error {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(p); err != nil {
		return err
	}
	data := buf.String()
	fence := Fence(data)
	fmt.Fprintf(b, "\n%s\n%syaml\n%s%s\n", ProvenanceMarker, fence, data, fence)
	return nil
}

// readProvenance reads the provenance block that follows the requirements
// block ending on line end (0-based index of its closing fence); nil when
// the record has none (written before provenance was kept).
func readProvenance(name string, lines []string, from int) (*Provenance, error) {
	for i := from; i+1 < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t") != ProvenanceMarker {
			continue
		}
		fence, ok := openingFence(lines[i+1])
		if !ok {
			return nil, fmt.Errorf("%s:%d: the provenance marker is not followed by a ```yaml block", name, i+2)
		}
		var body strings.Builder
		for j := i + 2; j < len(lines); j++ {
			if closesFence(lines[j], fence) {
				var p Provenance
				if err := yaml.Unmarshal([]byte(body.String()), &p); err != nil {
					return nil, fmt.Errorf("%s:%d: the provenance block does not read: %w", name, i+3, err)
				}
				return &p, nil
			}
			body.WriteString(lines[j] + "\n")
		}
		return nil, fmt.Errorf("%s:%d: the provenance block is not closed: end it with a line of %d backticks", name, i+2, fence)
	}
	return nil, nil
}

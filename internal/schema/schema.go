// Package schema writes the JSON Schemas (draft-07, the newest that editors'
// YAML language servers fully support) of the version-1 requirements file,
// generated from the catalog so that it cannot drift from what the advisor
// accepts, and of the result document the advisor writes.
package schema

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/requirements"
)

// Patterns of the quantities, as the unit parsers read them.
const (
	durationPattern = `^[0-9]+(\.[0-9]+)?(s|m|h|d)$`
	ratePattern     = `^[0-9]+(\.[0-9]+)?(k|M)?(/s)?$`
	sizePattern     = `^[0-9]+(\.[0-9]+)?([Bb]|[KkMmGg][Bb]|[KkMmGg][Ii][Bb])$`
	// regionPattern is the shape the requirements loader checks a Region id by.
	regionPattern = `^[a-z]{2}(-[a-z]+)+-[0-9]+$`
)

type object = map[string]any

// Requirements returns the schema for requirements files, given the catalog
// and the service ids an exclude may name.
func Requirements(cat *catalog.Catalog, ids []string) ([]byte, error) {
	must, prefer := object{}, object{}
	for _, k := range cat.Keys {
		v := valueSchema(k)
		must[k.Key] = v
		prefer[k.Key] = object{"anyOf": []any{v, object{
			"type":                 "object",
			"description":          "a value with a weight",
			"properties":           object{"value": v, "weight": object{"type": "number", "exclusiveMinimum": 0, "maximum": 100}},
			"required":             []string{"value"},
			"additionalProperties": false,
		}}}
	}
	s := object{
		"$schema":     "http://json-schema.org/draft-07/schema#",
		"title":       "advisor requirements, version 1",
		"description": "What a messaging design needs; see docs/requirements.md.",
		"type":        "object",
		"required":    []string{"version"},
		"properties": object{
			"version":  object{"const": 1, "description": "the format version; only 1 exists"},
			"title":    object{"type": "string", "description": "heads the report and the ADR"},
			"context":  object{"type": "string", "description": "free text, copied into the ADR"},
			"provider": object{"type": "string", "default": "aws", "description": "filters the knowledge base"},
			"region": object{"type": "string", "pattern": regionPattern, "default": requirements.DefaultRegion,
				"examples": []string{"eu-west-1", "us-gov-west-1"}, "description": "the AWS Region; settles Region-dependent limits and prices"},
			"volume": object{"description": "average messages a second over a month, for the cost estimate", "anyOf": []any{
				object{"type": "string", "pattern": ratePattern, "examples": []string{"300/s", "1.5k/s"}},
				object{"type": "number", "exclusiveMinimum": 0},
			}},
			"review_by": object{"type": "string", "pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, "examples": []string{"2027-06-30"},
				"description": "a date (YYYY-MM-DD) after which `advisor check` flags the decision for review"},
			"exclude": object{"description": "service ids ruled out by policy", "anyOf": []any{
				object{"type": "array", "items": object{"enum": ids}, "uniqueItems": true},
				object{"enum": ids},
			}},
			"must":   section("hard constraints: a service that misses one is not eligible", must),
			"prefer": section("soft wishes: raise the score of services that meet them", prefer),
		},
		"additionalProperties": false,
	}
	if uses := cat.UseCaseIDs(); len(uses) > 0 {
		// As the loader takes it: one id, or a list of them (a repeated id
		// is harmless, so not refused).
		s["properties"].(object)["use_case"] = object{
			"description": "what the messaging is for; steers the kind of service, never rules one out",
			"anyOf": []any{
				object{"type": "array", "items": object{"enum": uses}},
				object{"enum": uses},
			},
		}
	}
	return encode(s)
}

// encode writes a schema as indented JSON, its keys sorted, so that the
// published files change only when the schema does.
func encode(s object) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(s)
	return buf.Bytes(), err
}

func section(desc string, props object) object {
	return object{"type": []string{"object", "null"}, "description": desc, "properties": props, "additionalProperties": false}
}

func valueSchema(k catalog.Key) object {
	desc := k.Question + " " + k.Help
	switch k.Type {
	case catalog.Bool:
		return object{"type": "boolean", "description": desc}
	case catalog.Enum:
		return object{"enum": k.Values, "description": desc}
	case catalog.List:
		return object{"description": desc, "anyOf": []any{
			object{"type": "array", "items": object{"enum": k.Values}, "minItems": 1},
			object{"type": "string", "description": "one value, or several separated by commas"},
		}}
	case catalog.Duration:
		d := object{"type": "string", "pattern": durationPattern, "description": desc, "examples": k.Examples}
		if k.Unlimited {
			return object{"description": desc, "anyOf": []any{d, object{"const": "unlimited"}}}
		}
		return d
	case catalog.Rate:
		return object{"description": desc, "anyOf": []any{
			object{"type": "string", "pattern": ratePattern, "examples": k.Examples},
			object{"type": "number", "exclusiveMinimum": 0},
		}}
	case catalog.Size:
		return object{"type": "string", "pattern": sizePattern, "description": desc, "examples": k.Examples}
	case catalog.Money:
		return object{"description": desc, "anyOf": []any{
			object{"type": "string", "pattern": `^\$?[0-9]+(\.[0-9]+)?[kM]?(/month)?$`, "examples": k.Examples},
			object{"type": "number", "exclusiveMinimum": 0},
		}}
	case catalog.Integer:
		// A YAML whole number, as the loader takes it: 150, not "150".
		var examples []int
		for _, ex := range k.Examples {
			if n, err := strconv.Atoi(ex); err == nil {
				examples = append(examples, n)
			}
		}
		i := object{"type": "integer", "minimum": 1, "description": desc}
		if len(examples) > 0 {
			i["examples"] = examples
		}
		if k.Unlimited {
			return object{"description": desc, "anyOf": []any{i, object{"const": "unlimited"}}}
		}
		return i
	}
	return object{"description": desc}
}

package schema

import (
	"fmt"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/ruleset"
)

// Result returns the schema of the result document that `--output json`
// writes (and, as YAML, `--output yaml`). It leaves objects open to more
// properties: the spec adds fields within version 1, and a pipeline that
// validates with this schema must not fail on a later advisor's result.
func Result() ([]byte, error) {
	str := func(desc string) object { return object{"type": "string", "description": desc} }
	num := func(desc string) object { return object{"type": "number", "description": desc} }
	texts := func(desc string) object {
		return object{"type": "array", "items": object{"type": "string"}, "description": desc}
	}
	record := func(desc string, required []string, props object) object {
		return object{"type": "object", "description": desc, "required": required, "properties": props}
	}
	list := func(desc string, item object) object {
		return object{"type": "array", "description": desc, "items": item}
	}
	// A check met may need a condition; a check missed names what is
	// missing and carries the service's note.
	check := func(desc string, as string) object {
		props := object{
			"key":    str("the requirement key"),
			"kind":   object{"enum": []string{engine.Must, engine.Prefer}, "description": "whether the key is a must or a preference"},
			"want":   str("the value asked for, as the requirements say it"),
			"have":   str(`the service's value; "unknown" where the knowledge base has no fact`),
			"reason": str("why the service meets or misses the key, in words"),
			"weight": num("how much the key counts in the fit"),
			"fit":    object{"type": "number", "minimum": 0, "maximum": 1, "description": "1 met; less under a requirement (by its kind) or unverified; 0 missed"},
		}
		switch as {
		case "met":
			props["condition"] = str("met only under this requirement of the service's, such as a mode to turn on")
			props["requires"] = object{"enum": ruleset.RequirementKinds, "description": "the kind of the condition's requirement"}
		case "unverified":
			props["measure"] = str("what to measure, since AWS does not publish the limit")
			props["note"] = str("what AWS does publish that comes close")
		default:
			props["missing"] = texts("of a list key: only the wanted values the service lacks")
			props["note"] = str("the service's own note on the fact")
		}
		return record(desc, []string{"key", "kind", "want", "have", "reason", "weight", "fit"}, props)
	}
	points, most := num("the points the service gets"), num("the most this part can give")
	part := func(desc string) object {
		return record(desc, []string{"points", "max"}, object{"points": points, "max": most})
	}
	simplicity := record("how little it takes to run and pay for", []string{"points", "max", "effort"}, object{
		"points": points,
		"max":    most,
		"effort": object{"type": "integer", "minimum": 1, "maximum": 10, "description": "what it takes to run and pay for, 1 (least) to 10"},
		"note":   str("why the effort is what it is"),
		"cost_share": object{"type": "number", "minimum": 0, "maximum": 1,
			"description": "with a volume: the cheapest estimate of any service ranked over this one's (1 for the cheapest)"},
	})
	estimate := record("the monthly cost at the requirements' volume, from dated prices; the free tier is not counted",
		[]string{"monthly_usd", "baseline_usd", "region", "breakdown", "assumptions"}, object{
			"monthly_usd":  num("US dollars a month, to the cent"),
			"baseline_usd": num("what of it is billed with no traffic at all (broker, cluster, stream or shard hours)"),
			"region":       str("the Region whose prices were used"),
			"breakdown": list("each billing dimension: quantity × price / per", record("one dimension", []string{"service", "id", "what", "quantity", "unit", "price", "per", "usd", "source", "checked", "confidence"}, object{
				"service":    str("the service billed (a part, for a combination)"),
				"id":         str("the dimension id"),
				"what":       str("the dimension in words"),
				"quantity":   num("how many units a month"),
				"unit":       str("the unit the price is per"),
				"price":      num("US dollars per `per` units"),
				"per":        num("how many units the price is for"),
				"usd":        num("the line's cost, to the cent"),
				"baseline":   object{"type": "boolean", "description": "billed with no traffic at all"},
				"source":     str("the page the price was read on"),
				"checked":    str("the day it was read"),
				"confidence": object{"enum": []string{"aws-page", "secondary"}, "description": "read on an AWS pricing page, or from a secondary source"},
			})),
			"capacity": list("the capacity sized for the workload", record("a capacity", []string{"service", "name", "value"}, object{
				"service": str("the service"), "name": str("what is sized (shards, brokers...)"), "value": num("how many"),
			})),
			"assumptions": texts("what the estimate takes for granted"),
			"partial":     texts("what the service bills but the price data does not price: monthly_usd is then a floor"),
		})
	variant := record("the configuration judged: one coherent configuration, never a mix", []string{"id", "name"}, object{
		"id": str("the variant's id"), "name": str("the variant's name"),
	})
	kinds := append([]string{ruleset.RequiresVariant}, ruleset.RequirementKinds...)
	requires := list("what the service needs to meet what it meets: a variant chosen, opt-ins, client changes, Regions, quota increases",
		record("one requirement", []string{"kind", "text", "source"}, object{
			"kind":   object{"enum": kinds, "description": "what it asks of a team"},
			"text":   str("the requirement in words"),
			"source": str("the page that says so"),
			"keys":   texts("the keys it is needed for; none for a variant"),
		}))
	ranked := record("one service or combination considered", []string{"id", "name", "family", "paradigm", "eligible", "score", "requires", "met", "violations", "notes", "breakdown"}, object{
		"id":         str("the service id"),
		"name":       str("the service's name"),
		"family":     str("the family it belongs to; combinations for services used together"),
		"paradigm":   str("its kind of service: queue, pubsub, stream, event-bus, delivery or broker"),
		"variant":    variant,
		"parts":      texts("of a combination: its services, in the order messages pass them"),
		"roles":      texts("of a combination: each part's role (entry, fan-out, buffer, archive, reader), in the order of parts"),
		"requires":   requires,
		"eligible":   object{"type": "boolean", "description": "whether it meets every must"},
		"score":      object{"type": "number", "minimum": 0, "maximum": 100, "description": "0 to 100: the breakdown's three parts summed"},
		"met":        list("the keys it meets, in the order asked", check("a key met", "met")),
		"violations": list("the musts it misses", check("a must missed", "missed")),
		"missed":     list("the preferences it misses", check("a preference missed", "missed")),
		"unverified": list("the keys whose limit AWS does not publish: neither met nor missed", check("a key unverified", "unverified")),
		"use_cases": list("each use case the requirements state, and how the service stands to it", record("a stated use case", []string{"id", "role"}, object{
			"id":   str("the use case id"),
			"role": object{"enum": []string{"primary", "secondary", "none"}, "description": "built for it, serves it, or not for it"},
		})),
		"estimate": estimate,
		"caveats": list("the service's known traps for what the requirements state", record("a caveat", []string{"text", "source"}, object{
			"text":   str("the trap in one line"),
			"source": str("the page that says so"),
		})),
		"notes": texts("the conditions it needs for what it meets only under one"),
		"breakdown": record("how the score is made", []string{"fit", "affinity", "simplicity"}, object{
			"fit":        part("how well it meets the keys asked"),
			"affinity":   part("how well its kind of service suits what was asked"),
			"simplicity": simplicity,
		}),
	})
	s := object{
		"$schema":     "http://json-schema.org/draft-07/schema#",
		"title":       "advisor result, version 1",
		"description": "What `advisor recommend --output json` writes; see docs/requirements.md. Fields may be added within version 1, never removed or changed in meaning.",
		"type":        "object",
		"required":    []string{"version", "advisor", "recommendation", "ranking"},
		"properties": object{
			"version": object{"const": 1, "description": "the result format version"},
			"title":   str("the requirements' title"),
			"advisor": record("which advisor and which knowledge made the result, as `advisor version` says", []string{"version", "knowledge"}, object{
				"version": str(`the advisor's version: a release such as v1.2.3, a pseudo-version, or "devel"`),
				"knowledge": record("the knowledge base the ranking used", []string{"digest", "oldest_check"}, object{
					"digest":       object{"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "the SHA-256 of its files, hex"},
					"oldest_check": object{"type": "string", "pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, "description": "the earliest date a fact of it was checked"},
				}),
			}),
			"recommendation": object{
				"type":        []string{"object", "null"},
				"description": "the best eligible service; null when none meets every must (exit 3)",
				"required":    []string{"id", "name", "score"},
				"properties":  object{"id": str("the service id"), "name": str("the service's name"), "score": num("its score"), "variant": variant},
			},
			"ranking":  list("every service considered, each in its best variant: eligible ones first, then by score, highest first; ties by fewer requires, then lower effort, then id", ranked),
			"excluded": texts("the ids the requirements' exclude or provider left out, and every combination using one"),
			"hints": list("the ranking hints the requirements triggered, which make affinity", record("a ranking hint", []string{"when", "because", "weight", "suits"}, object{
				"when":    str("the requirement that triggers it"),
				"because": str("why it favours some kinds of service"),
				"weight":  num("how much it counts in affinity"),
				"suits":   texts("the kinds of service it favours"),
			})),
			"what_if": list("with a pick: the smallest changes that would change it", record("one change", []string{"kind", "key", "then", "text"}, object{
				"kind":   object{"enum": []string{engine.Drop, engine.Above}, "description": "drop: without this must; above: wanting more than a number the pick reaches"},
				"key":    str("the requirement key"),
				"want":   str("drop: the value of the must dropped"),
				"above":  str("above: the number past which the pick changes"),
				"effect": str(`above: what happens to the pick, "needs CONDITION" or "is out"`),
				"then":   str(`the pick after the change; "" when no service would meet every must`),
				"text":   str("the change in words"),
			})),
			"crossover": record("with a volume: where the cheapest eligible queue or topic option and the cheapest stream option trade places", []string{"queue", "stream", "at", "cheaper_below", "text"}, object{
				"queue":         str("the queue or topic option"),
				"stream":        str("the stream option"),
				"at":            num("messages a second where they cost the same; 0 when they never do between 1/s and 1M/s"),
				"cheaper_below": str("the option that costs less below it"),
				"text":          str("the crossover in words"),
			}),
			"cost_curves": record("with a volume: each leading option's monthly estimate at some volumes", []string{"volumes", "series"}, object{
				"volumes": object{"type": "array", "items": object{"type": "number"}, "description": "messages a second"},
				"series": list("one option's estimates", record("an option", []string{"id", "usd"}, object{
					"id":  str("the option"),
					"usd": object{"type": "array", "items": object{"type": []string{"number", "null"}}, "description": "US dollars a month at each volume; null where it has no estimate"},
				})),
			}),
			"relax": list(fmt.Sprintf("with no pick: each smallest set of musts to drop so that a service meets the rest, closest service first, at most %d", engine.MaxRelaxations), record("one set of musts to drop", []string{"drop", "then", "text"}, object{
				"drop": object{"type": "array", "items": object{"type": "string"}, "minItems": 1, "description": "the keys of the musts to drop"},
				"then": str("the pick without them"),
				"text": str("the relaxation in words"),
			})),
		},
	}
	return encode(s)
}

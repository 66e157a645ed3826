// Package docsgen writes the documentation pages that are generated from the
// catalog, so that they cannot drift from what the advisor accepts.
package docsgen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/requirements"
)

// Requirements writes docs/requirements.md: the requirements file format,
// a row per catalog key and the service ids of the knowledge base.
func Requirements(cat *catalog.Catalog, base *kb.Base) string {
	var b strings.Builder
	b.WriteString(`<!-- Generated from rules/ and knowledge/ by internal/docsgen; run 'make generate' after changing them. -->
# Requirements file, version 1

A requirements file says what your messaging needs are. ` + "`advisor recommend -f FILE`" + ` reads it
(` + "`-f -`" + ` reads standard input); every key can also be given as a flag, which overrides the file.

` + "```yaml" + `
# yaml-language-server: $schema=schema/requirements.schema.json
version: 1                      # required; any other value is an error
title: Order events for fulfilment   # optional; heads the report and the ADR
context: |                      # optional free text, copied into the ADR
  The shop publishes order events; three teams consume them.
provider: aws                   # optional, default aws; filters the knowledge base
region: eu-west-1               # optional, default ` + requirements.DefaultRegion + `; settles Region-dependent limits and prices
use_case: [broadcast]           # optional; what the messaging is for (use cases below); steers the kind of service
review_by: 2027-06-30           # optional; ` + "`advisor check`" + ` flags the decision for review after this date
exclude: [mq-activemq]          # optional; service ids ruled out by policy
must:                           # hard constraints: a service that misses one is not eligible
  ordering: per-key
  fanout: true
prefer:                         # soft wishes: raise the score of services that meet them
  serverless: true
  latency: {value: realtime, weight: 3}   # any prefer may carry a weight (default 1, at most 100)
` + "```" + `

The first line lets editors with the YAML language server (VS Code's YAML extension, Neovim,
IntelliJ) complete and check the file against [the schema](schema/requirements.schema.json), which
` + "`advisor schema`" + ` prints; give the schema's path relative to the file, or its URL.

` + "`region`" + ` is an AWS Region id in lower case (` + "`eu-west-1`, `us-gov-west-1`" + `); ` + "`--region`" + ` overrides it.
It describes the situation: it never makes a service ineligible by itself.

` + "`use_case`" + ` says what the messaging is for: one id from [the use cases](#use-cases), or a list of them
(` + "`use_case: [broadcast, work-queue]`" + `); ` + "`--use-case broadcast,work-queue`" + ` replaces it. It steers which kind
of service fits; like ` + "`region`" + `, it never makes a service ineligible by itself.

Both ` + "`must`" + ` and ` + "`prefer`" + ` take the same keys; a key may appear in one of them, not both.
A ` + "`must`" + ` on a number means "at least this much": the service's limit must reach it.
Setting a bool key to ` + "`false`" + ` asks for nothing. A key you leave out never penalises a service.

## Keys

| key | flag | type | values | question |
|---|---|---|---|---|
`)
	for _, k := range cat.Keys {
		fmt.Fprintf(&b, "| `%s` | `--%s` | %s | %s | %s %s |\n", k.Key, strings.ReplaceAll(k.Key, "_", "-"),
			k.Type, values(k), cell(k.Question), cell(k.Help))
	}
	var ordered []string
	for _, k := range cat.Keys {
		if len(k.Strength) > 0 {
			ordered = append(ordered, "`"+k.Key+"`")
		}
	}
	fmt.Fprintf(&b, `
Enum keys with an order (%s) are met by a service that offers at least as much:
a service keeping the stronger value meets the weaker one. List keys are met by a service that
has every value listed%s. A bool key set to `+"`true`"+` is met by a service that does it; `+"`false`"+` asks nothing.

### Values

`, strings.Join(ordered, ", "), covers(cat))
	for _, k := range cat.Keys {
		values := k.Values
		if k.Type == catalog.Bool {
			values = []string{"true", "false"}
		}
		var parts []string
		for _, v := range values {
			if d := k.Describe[v]; d != "" {
				parts = append(parts, fmt.Sprintf("`%s` %s", v, d))
			}
		}
		if len(parts) > 0 {
			fmt.Fprintf(&b, "- `%s`: %s.\n", k.Key, strings.Join(parts, "; "))
		}
	}
	if len(cat.UseCases) > 0 {
		b.WriteString(`
## Use cases

` + "`use_case`" + ` (top level) and ` + "`--use-case`" + ` take these ids; ` + "`advisor ask`" + ` asks for them first.

| id | meaning |
|---|---|
`)
		for _, u := range cat.UseCases {
			fmt.Fprintf(&b, "| `%s` | %s |\n", u.ID, cell(u.Meaning))
		}
	}
	b.WriteString(`
## Units

- Durations: a number and ` + "`s`, `m`, `h` or `d`" + ` (` + "`30s`, `15m`, `12h`, `7d`" + `); ` + "`retention`" + ` also takes ` + "`unlimited`" + `.
- Rates: messages per second, with optional ` + "`k`" + ` or ` + "`M`" + ` and ` + "`/s`" + ` (` + "`500/s`, `20k/s`, `1M/s`" + `).
- Sizes: ` + "`B`, `KB`/`KiB`, `MB`/`MiB`, `GB`/`GiB`" + ` (KB = 1000 bytes, KiB = 1024).
- Integers (counts): a plain whole number with no unit and no quotes (` + "`3`, `200`" + `); ` + "`1.5`, `\"3\"`, `2k`" + ` are refused.
- Numbers are plain decimals: no signs, exponents or spaces (` + "`7 days`, `-5/s`, `1e3/s`" + ` are refused), and more than zero.

## Service ids

` + "`exclude`" + ` and ` + "`advisor compare`" + ` take these ids; ` + "`advisor services`" + ` lists them with a line on each.
The default knowledge base has, by family:

` + serviceIDs(base) + `
## Result (` + "`--output json`" + `)

` + "```json" + `
{
  "version": 1,
  "title": "Order events for fulfilment",
  "advisor": {"version": "v1.2.3", "knowledge": {"digest": "0e6347a5...", "oldest_check": "2026-11-27"}},
  "recommendation": {"id": "kinesis-data-streams", "name": "Amazon Kinesis Data Streams", "score": 92.4},
  "ranking": [
    {"id": "...", "name": "...", "family": "...", "paradigm": "...", "eligible": true, "score": 92.4,
     "met": [{"key": "ordering", "kind": "must", "want": "per-key", "have": "per-key", "reason": "...", "weight": 2, "fit": 1}],
     "violations": [],
     "notes": ["serverless true needs on-demand capacity mode"],
     "breakdown": {"fit": {"points": 59.1, "max": 60}, "affinity": {"points": 25, "max": 25},
                   "simplicity": {"points": 8.3, "max": 15, "effort": 5, "note": "..."}}}
  ],
  "hints": [{"when": "fanout: true", "because": "...", "weight": 2, "suits": ["pubsub", "event-bus", "stream"]}],
  "what_if": [{"kind": "drop", "key": "ordering", "want": "per-key", "then": "sns", "text": "without ordering per-key as a must, sns would win"}]
}
` + "```" + `

With no pick (exit 3), ` + "`recommendation`" + ` is ` + "`null`" + ` and ` + "`relax`" + ` says what to give up:

` + "```json" + `
  "relax": [{"drop": ["throughput"], "then": "mq-activemq", "text": "drop throughput 1M/s, and mq-activemq would win"}]
` + "```" + `

- ` + "`advisor`" + ` is which advisor and which knowledge made the result, as ` + "`advisor version`" + ` says (the digest in full).
- ` + "`recommendation`" + ` is the best eligible service, or ` + "`null`" + ` when none meets every must.
- ` + "`ranking`" + ` lists every service considered: eligible first, each group by score, highest first; ties by id.
  A violation (a missed must) and a missed prefer carry ` + "`reason`" + ` and the service's own ` + "`note`" + `. Of a list
  key, ` + "`want`" + ` is the requirement as asked, and ` + "`missing`" + ` (and the reason) only the values the service lacks.
- ` + "`score`" + ` is 0–100: the breakdown's three parts, which sum to it.
- ` + "`what_if`" + ` (with a pick): each must whose removal changes the pick, and each number past which the pick needs
  a condition (` + "`effect`" + `) or drops out.
- ` + "`relax`" + ` (with no pick): the fewest musts to drop so that a service meets the rest. Each smallest set is listed
  by key (` + "`drop`" + `), closest service first, at most three, with the pick then (` + "`then`" + `).
- The same input, knowledge base and advisor always give the same output, byte for byte.
- [schema/result.schema.json](schema/result.schema.json) (` + "`advisor schema --result`" + `) is the JSON Schema of the result;
  it leaves objects open for the fields later versions add.

## Exit codes

| code | meaning |
|---|---|
| 0 | a recommendation was made |
| 2 | bad input: the message names file, line and column where there is a file (see [errors](errors.md)) |
| 3 | the input is valid but no service meets every must (the report still shows the closest and what to relax; ` + "`--output id`" + ` writes nothing) |
| 4 | ` + "`advisor check`" + `: a recorded decision is no longer what the advisor recommends |
| 130 | the user aborted the questionnaire (Ctrl-C, SIGINT, end of input) |
| 143 | the questionnaire was stopped by SIGTERM |
| 1 | anything else (a bug) |
`)
	return b.String()
}

// serviceIDs lists the base's ids by family, in the providers' order; the
// combinations (services used together) last, with their parts.
func serviceIDs(base *kb.Base) string {
	var b strings.Builder
	for _, family := range base.Families() {
		var ids []string
		for _, s := range base.Services {
			if s.Family != family {
				continue
			}
			if len(s.Parts) > 0 {
				ids = append(ids, fmt.Sprintf("`%s` (%s)", s.ID, strings.Join(s.Parts, " into ")))
			} else {
				ids = append(ids, "`"+s.ID+"`")
			}
		}
		fmt.Fprintf(&b, "- %s: %s\n", familyName(base, family), strings.Join(ids, ", "))
	}
	return b.String()
}

func familyName(base *kb.Base, id string) string {
	if id == kb.CombinationFamily {
		return "services used together"
	}
	for _, p := range base.Providers {
		for _, f := range p.Families {
			if f.ID == id {
				return f.Name
			}
		}
	}
	return id
}

// covers says which list values meet a wanted value other than itself
// (rules/catalog.yaml's covers): ", and a wanted `amqp` is met by
// `amqp-0-9-1` or `amqp-1.0` (`protocols`)"; "" when no key has any.
func covers(cat *catalog.Catalog) string {
	var parts []string
	for _, k := range cat.Keys {
		wanted := make([]string, 0, len(k.Covers))
		for v := range k.Covers {
			wanted = append(wanted, v)
		}
		slices.Sort(wanted)
		for _, v := range wanted {
			by := make([]string, len(k.Covers[v]))
			for i, c := range k.Covers[v] {
				by[i] = "`" + c + "`"
			}
			parts = append(parts, fmt.Sprintf("a wanted `%s` is met by %s (`%s`)", v, orList(by), k.Key))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return ". " + strings.ToUpper(parts[0][:1]) + parts[0][1:] + strings.Join(append([]string{""}, parts[1:]...), "; ")
}

// orList is "a", "a or b", "a, b or c".
func orList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

func values(k catalog.Key) string {
	switch k.Type {
	case catalog.Enum, catalog.List:
		return "`" + strings.Join(k.Values, "`, `") + "`"
	case catalog.Bool:
		return "`true`, `false`"
	}
	ex := "`" + strings.Join(k.Examples, "`, `") + "`"
	if k.Unlimited {
		ex += ", `unlimited`"
	}
	return ex
}

func cell(s string) string {
	return strings.ReplaceAll(s, "|", `\|`)
}

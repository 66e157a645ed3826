// Package rules embeds the default catalog of requirement keys
// (catalog.yaml), how each key is judged against the knowledge base
// (judging.yaml) and how services are ranked (ranking.yaml).
package rules

import "embed"

// FS holds the embedded rule files.
//
//go:embed *.yaml
var FS embed.FS

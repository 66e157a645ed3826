// Package knowledge embeds the default knowledge base: one YAML file per
// service under services/, each fact with its source and the date it was checked.
package knowledge

import "embed"

// FS holds the embedded knowledge entries.
//
//go:embed services/*.yaml
var FS embed.FS

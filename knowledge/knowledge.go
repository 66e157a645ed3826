// Package knowledge embeds the default knowledge base: one YAML file per
// service under services/, each fact with its source and the date it was
// checked, and the combinations of services under combinations/.
package knowledge

import "embed"

// FS holds the embedded knowledge entries.
//
//go:embed providers/*.yaml services/*.yaml combinations/*.yaml prices
var FS embed.FS

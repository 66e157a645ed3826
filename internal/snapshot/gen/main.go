// Command gen parses rules/ and knowledge/ and writes the snapshot the
// advisor embeds (internal/snapshot/data.go). Run by `make generate`.
package main

import (
	"fmt"
	"os"

	"github.com/advisor-dev/advisor/internal/snapshot/source"
)

func main() {
	data, err := source.Fresh()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile("data.go", data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

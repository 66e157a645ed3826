// Command advisor recommends an AWS messaging service for a set of
// requirements and explains why.
package main

import (
	"os"

	"github.com/advisor-dev/advisor/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}

// Command floor only links the libraries advisor uses and exits: the cost
// of starting any program built on them, which BenchmarkProcess compares
// advisor against.
package main

import (
	_ "github.com/charmbracelet/huh"
	_ "github.com/mattn/go-isatty"
	_ "github.com/olekukonko/tablewriter"
	_ "github.com/spf13/cobra"
	_ "go.yaml.in/yaml/v3"
)

func main() {}

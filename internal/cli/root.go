package cli

import (
	"github.com/spf13/cobra"
)

// NewCmdRoot builds the command tree.
func NewCmdRoot(f *Factory) *cobra.Command {
	root := newRoot(f)
	root.AddCommand(
		NewCmdRecommend(f, nil),
		NewCmdAsk(f, nil),
		NewCmdADR(f),
		NewCmdCheck(f, nil),
		NewCmdCompare(f, nil),
		NewCmdValidate(f, nil),
		NewCmdSchema(f, nil),
		NewCmdServices(f, nil),
		NewCmdPrices(f),
		NewCmdVersion(f, nil),
	)
	return root
}

// newRoot is the root command without its subcommands: help, the flags
// every command takes, and flag errors as bad input (exit 2).
func newRoot(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "advisor",
		Short: "Pick the right AWS messaging service and defend the choice",
		Long: `advisor recommends an AWS messaging service (SNS, SQS, Amazon MQ, MSK, Kinesis
Data Streams, Data Firehose, EventBridge and their variants) for your
requirements, and explains every point of the ranking.

Shell completion knows service ids, families, requirement keys and their
values, and each command's output formats. To load it, see
'advisor completion bash --help' (or zsh, fish, powershell); for example,
in ~/.bashrc:

  source <(advisor completion bash)`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		DisableAutoGenTag: true,
	}
	// --version prints what `advisor version` prints; cobra's own flag
	// would print a fixed string, without the knowledge base's digest.
	showVersion := root.Flags().Bool("version", false, "print the version, as `advisor version` does")
	root.RunE = func(c *cobra.Command, _ []string) error {
		if *showVersion {
			return versionRun(&VersionOptions{IO: f.IOStreams, Loaded: f.Loaded})
		}
		return c.Help()
	}
	root.SetOut(f.IOStreams.Out)
	root.SetErr(f.IOStreams.ErrOut)
	root.SetIn(f.IOStreams.In)
	root.PersistentFlags().StringArrayVar(&f.Sources.KnowledgeDirs, "knowledge", nil, "add or override knowledge entries from `DIR` (repeatable)")
	root.PersistentFlags().StringVar(&f.Sources.RulesDir, "rules", "", "add or override catalog keys and rules, or replace the ranking, from `DIR`")
	_ = root.MarkPersistentFlagDirname("knowledge")
	_ = root.MarkPersistentFlagDirname("rules")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return inputErrorf("%v\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	return root
}

// exactArgs wraps cobra's argument checks so that a wrong count is bad input (exit 2).
func exactArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(c, args); err != nil {
			return inputErrorf("%v\nRun '%s --help' for usage.", err, c.CommandPath())
		}
		return nil
	}
}

package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/advisor-dev/advisor/internal/adr"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/iostreams"
	"github.com/spf13/cobra"
)

// CheckOptions are the inputs of `advisor check`.
type CheckOptions struct {
	IO     *iostreams.IOStreams
	Loaded func() (*Loaded, error)
	Now    func() time.Time

	Records []string
	// Strict fails on soft drift too: another option now ranks above the
	// chosen one, or the record is past its review_by date.
	Strict bool
	// Today replaces the clock (YYYY-MM-DD), for review dates and stale facts.
	Today string
}

// NewCmdCheck builds `advisor check ADR.md...`; runF replaces the run step in tests.
func NewCmdCheck(f *Factory, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: f.IOStreams, Loaded: f.Loaded, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "check ADR.md...",
		Short: "Re-check recorded decisions against today's knowledge base",
		Long: `Re-run the requirements each record embeds and compare with what the
record chose and relied on. For CI:

  exit 0  every checked record holds; records whose status is superseded,
          deprecated or rejected, and files advisor did not write, are
          listed as skipped
  exit 4  hard drift: the chosen service now misses a must, or a fact the
          decision relied on changed (each named old -> new, with its
          source); with --strict also soft drift (another option now ranks
          above the chosen one) and records past their review_by date
  exit 2  a record that does not read, or whose requirements do not

Every change says whether it comes from the knowledge (AWS changed a fact)
or from the advisor's rules (a new release ranks differently).`,
		Example: `  advisor check docs/decisions/*.md
  advisor check --strict docs/decisions/*.md`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return inputErrorf("check needs at least one record\nRun '%s --help' for usage.", c.CommandPath())
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Records = args
			if opts.Today != "" {
				if _, err := time.Parse(time.DateOnly, opts.Today); err != nil {
					return inputErrorf("--today takes YYYY-MM-DD, not %q", opts.Today)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return checkRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "also fail (exit 4) when another option now ranks higher or a review date has passed")
	cmd.Flags().StringVar(&opts.Today, "today", "", "the `YYYY-MM-DD` to check review dates and stale facts against (default today)")
	return cmd
}

func checkRun(opts *CheckOptions) error {
	loaded, err := opts.Loaded()
	if err != nil {
		return err
	}
	today := opts.Today
	if today == "" {
		now := opts.Now
		if now == nil {
			now = time.Now
		}
		today = now().UTC().Format(time.DateOnly)
	}
	bad, hard, soft := 0, 0, 0
	for _, file := range opts.Records {
		lines, err := checkRecord(opts.IO, loaded, file, today)
		if err != nil {
			bad++
			printError(opts.IO.ErrOut, err)
			continue
		}
		for _, l := range lines {
			fmt.Fprintln(opts.IO.Out, diag.Message(l.text))
			switch l.kind {
			case hardDrift:
				hard++
			case softDrift:
				soft++
			}
		}
	}
	switch {
	case bad > 0:
		return &ExitError{Code: ExitInput}
	case hard > 0, opts.Strict && soft > 0:
		return &ExitError{Code: ExitDrift}
	}
	return nil
}

// The kinds of line check prints about a record.
const (
	fine      = iota // ok, skipped, or a note
	hardDrift        // the decision no longer holds
	softDrift        // it holds, but something asks for a look (--strict fails)
)

type checkLine struct {
	kind int
	text string
}

// checkRecord checks one record and says what it found, a line each.
func checkRecord(io *iostreams.IOStreams, loaded *Loaded, file, today string) ([]checkLine, error) {
	name, data, err := readInput(io, file)
	if err != nil {
		return nil, err
	}
	rec, err := adr.Read(name, data)
	switch {
	case errors.Is(err, adr.ErrNoBlock):
		return []checkLine{{fine, fmt.Sprintf("skipped: %s: not written by advisor (no embedded requirements)", name)}}, nil
	case err != nil:
		return nil, inputError(err)
	case !adr.Checked(rec.Status):
		return []checkLine{{fine, fmt.Sprintf("skipped: %s: status %s", name, rec.Status)}}, nil
	}
	return judgeRecord(loaded, name, rec, today)
}

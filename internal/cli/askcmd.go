package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/advisor-dev/advisor/internal/ask"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/iostreams"
	"github.com/advisor-dev/advisor/internal/prompter"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/spf13/cobra"
)

// AskOptions are the inputs of `advisor ask`.
type AskOptions struct {
	IO       *iostreams.IOStreams
	Loaded   func() (*Loaded, error)
	Prompter func(ctx context.Context, accessible bool) prompter.Prompter
	Now      func() time.Time

	File       string
	Report     reportOptions
	Save       string
	Force      bool
	Accessible bool
}

// NewCmdAsk builds `advisor ask`; runF replaces the run step in tests.
func NewCmdAsk(f *Factory, runF func(*AskOptions) error) *cobra.Command {
	opts := &AskOptions{IO: f.IOStreams, Loaded: f.Loaded, Prompter: f.Prompter, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "ask",
		Short: "Answer a few questions and get the same report as recommend",
		Long: `Ask first what the messaging is for (tick any of the use cases, or none),
then, in one list, what the service must do or work with (the answers most
likely to change the pick first), then, only when they could change it,
the numbers on one line ("throughput=3k/s, consumers=150"); stop as soon as
the questions left are unlikely to change the pick. Every answer is a must
as ticked or typed; n on a ticked line (full screen), or ~ before a name
(line prompts), makes it nice to have, shown on the answer. Before the
result a review lists every answer, must or nice, and lets you change any,
add a title and context, or save a draft. The current leader is shown
after each answer; the questions go to standard error and the report to
standard output.

Keys of the full-screen form: Space ticks, n must/nice, ? help,
Shift-Tab or Esc back, Ctrl-X that's enough, Enter goes on.

Without a terminal on standard input, or with --accessible, the questions
are numbered line prompts that screen readers read and scripts answer one
line at a time: numbers or names separated by commas, "?" for the help,
"back", "done" for that's enough. A line "id: answer" (each prompt says its
id) answers that question whenever it comes, so a script works whatever
order the questions come in. Ctrl-C or the end of input stops with exit
status 130 and writes nothing; so does SIGINT, and SIGTERM with exit status
143, at any point before the answers are saved.`,

		Example: `  # Ask, then keep the answers as a requirements file
  advisor ask --save requirements.yaml

  # Answer from a script, by question ids and names, in any order
  printf 'use_case: broadcast\nneeds: fanout, ~serverless\nreview: result\n' | advisor ask -o id

  # Start from a file, asking only what it leaves open
  advisor ask -f draft.yaml --output markdown`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkReportCommand(c, &opts.Report, opts.File, opts.IO.Getenv); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return askRun(c.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.File, "file", "f", "", "start from the requirements in `FILE` (its keys are not asked)")
	addReportFlags(cmd, &opts.Report)
	cmd.Flags().StringVar(&opts.Save, "save", "", "write the answers to `FILE` as a version-1 requirements file")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "let --save replace an existing file")
	cmd.Flags().BoolVar(&opts.Accessible, "accessible", false, "numbered line prompts instead of the full-screen form")
	_ = cmd.MarkFlagFilename("file", "yaml", "yml")
	return cmd
}

func askRun(ctx context.Context, opts *AskOptions) error {
	// From here until the answers are saved, SIGINT and SIGTERM do not end
	// the process: they cancel ctx, which stops the prompt on screen (even
	// a read blocked on standard input) and everything after it, so that
	// the questionnaire ends at once, writes nothing and leaves no
	// temporary file.
	ctx, stop := notifyStop(ctx)
	defer stop()
	if opts.Save != "" {
		if err := checkWritable(opts.Save, opts.Force, "--save"); err != nil {
			return err
		}
	}
	loaded, start, err := loadWith(opts.IO, opts.Loaded, opts.File)
	if err != nil {
		return err
	}
	ios := opts.IO
	accessible := opts.Accessible || !ios.CanPrompt() || ios.Getenv("ACCESSIBLE") != ""
	p := opts.Prompter(ctx, accessible)
	session := ask.New(loaded.Rules, loaded.Base, start)
	q := &questionnaire{ctx: ctx, ios: ios, p: p, session: session, save: opts.Save, force: opts.Force}
	draft, err := q.run()
	if err != nil {
		return err
	}
	fmt.Fprintf(ios.ErrOut, "\nAsked %d question%s.\n\n", q.prompts, plural(q.prompts))
	if draft != "" {
		data, err := requirementsYAML(session.Req)
		if err != nil {
			return err
		}
		header := "# A draft saved by `advisor ask`; `advisor ask -f` on this file goes on from it.\n"
		if err := writeNewContext(ctx, draft, append([]byte(header), data...), opts.Force && draft == opts.Save); err != nil {
			if stopped := askStopped(ctx); stopped != nil {
				return stopped
			}
			if errors.Is(err, errExists) {
				return inputErrorf("%s: file exists; nothing was written", draft)
			}
			return fmt.Errorf("%s: %w", draft, err)
		}
		fmt.Fprintf(ios.ErrOut, "Saved a draft to %s; `advisor ask -f %s` goes on from it.\n", diag.EscapeLine(draft), diag.EscapeLine(draft))
		return nil
	}
	opts.Report.Date = recordDate(opts.Report.Date, ios, opts.Now)
	// The report is made before the answers are saved, and nothing is
	// written until both are done: a signal while either is under way
	// writes nothing.
	report, reportErr, err := reportUnlessStopped(ctx, ios, session.Req, loaded, opts.Report)
	if err != nil {
		return err
	}
	if opts.Save != "" {
		data, err := requirementsYAML(session.Req)
		if err != nil {
			return err
		}
		header := "# Requirements saved by `advisor ask`; `advisor recommend -f` on this file gives the same report.\n"
		if err := writeNewContext(ctx, opts.Save, append([]byte(header), data...), opts.Force); err != nil {
			if stopped := askStopped(ctx); stopped != nil {
				return stopped
			}
			if errors.Is(err, errExists) {
				return inputErrorf("--save %s: file exists; use --force to replace it", opts.Save)
			}
			return fmt.Errorf("--save %s: %w", opts.Save, err)
		}
	}
	// Saved: nothing is left to undo, so a signal ends the process as usual.
	stop()
	if opts.Save != "" {
		fmt.Fprintf(ios.ErrOut, "Saved the answers to %s.\n\n", diag.EscapeLine(opts.Save))
	}
	if _, err := ios.Out.Write(report); err != nil {
		return err
	}
	return reportErr
}

// askStopped is how a questionnaire whose ctx is done ends: with the
// signal's exit status (130 for SIGINT, 143 for SIGTERM) and word that
// nothing was written. It is nil while ctx is not done.
func askStopped(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	var s stoppedBy
	if errors.As(context.Cause(ctx), &s) {
		return &ExitError{Code: s.exitCode(), Err: fmt.Errorf("questionnaire stopped by %w; nothing was written", s)}
	}
	return &ExitError{Code: ExitAborted, Err: errors.New("questionnaire aborted; nothing was written")}
}

// reportUnlessStopped makes the report of req into a buffer, giving up
// as soon as ctx is done: the ranking cannot be interrupted, so it runs on
// while the command returns err, the stop. reportErr is what present
// returned (exit 3 when no service meets every must).
func reportUnlessStopped(ctx context.Context, ios *iostreams.IOStreams, req *requirements.Requirements, loaded *Loaded, o reportOptions) (report []byte, reportErr, err error) {
	type made struct {
		out []byte
		err error
	}
	done := make(chan made, 1)
	go func() {
		var buf bytes.Buffer
		buffered := *ios // the same terminal, colour and width; only the writer differs
		buffered.Out = &buf
		err := present(&buffered, req, loaded, o)
		done <- made{buf.Bytes(), err}
	}()
	select {
	case <-ctx.Done():
		return nil, nil, askStopped(ctx)
	case m := <-done:
		return m.out, m.err, askStopped(ctx)
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

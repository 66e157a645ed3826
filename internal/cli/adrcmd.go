package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/advisor-dev/advisor/internal/adr"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/iostreams"
	"github.com/advisor-dev/advisor/internal/report"
	"github.com/spf13/cobra"
)

// ADRNewOptions are the inputs of `advisor adr new`.
type ADRNewOptions struct {
	IO     *iostreams.IOStreams
	Loaded func() (*Loaded, error)
	Now    func() time.Time

	File   string
	Dir    string
	Report reportOptions // the record's flags and --top

	// Supersede is the number of the record the new one replaces (adr
	// supersede); 0 for adr new.
	Supersede int
}

// NewCmdADR builds `advisor adr`, the group of `advisor adr new`.
func NewCmdADR(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "adr",
		Short: "Write architecture decision records",
		Args:  exactArgs(0),
		RunE:  func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	cmd.AddCommand(NewCmdADRNew(f, nil), NewCmdADRSupersede(f, nil))
	return cmd
}

// NewCmdADRNew builds `advisor adr new`; runF replaces the run step in tests.
func NewCmdADRNew(f *Factory, runF func(*ADRNewOptions) error) *cobra.Command {
	opts := &ADRNewOptions{IO: f.IOStreams, Loaded: f.Loaded, Now: f.Now, Report: reportOptions{Output: "adr"}}
	cmd := &cobra.Command{
		Use:   "new -f FILE [--dir DIR]",
		Short: "Write the next numbered decision record for a requirements file",
		Long: `Write the recommendation for a requirements file as the next numbered
record, NNNN-title-in-kebab-case.md, numbered and named as adr-tools does,
in --dir, else the directory named in .adr-dir, else docs/decisions; the
last two come with the repository and must stay inside it (the git work
tree, else the current directory), through links too. It never
overwrites a file and never leaves one half-written, and several
run at once never take one number; it prints the path it wrote. When a
record there already holds the same requirements or title, it still
writes, and says which record and how to supersede it instead.`,
		Example: `  advisor adr new -f requirements.yaml --decision-makers "Ana,Ben"
  advisor adr new -f requirements.yaml --adr-format nygard --dir doc/adr`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, _ []string) error {
			return runRecordCmd(c, opts, "adr new needs the requirements: -f FILE", runF)
		},
	}
	addRecordCmdFlags(cmd, opts)
	return cmd
}

// runRecordCmd checks what adr new and adr supersede share (the report
// flags and -f) and runs the command, or runF in tests.
func runRecordCmd(c *cobra.Command, opts *ADRNewOptions, needsFile string, runF func(*ADRNewOptions) error) error {
	if err := opts.Report.check(opts.IO.Getenv); err != nil {
		return err
	}
	if err := checkFileFlag(c, opts.File); err != nil {
		return err
	}
	if opts.File == "" {
		return inputErrorf("%s", needsFile)
	}
	if runF != nil {
		return runF(opts)
	}
	return adrNewRun(opts)
}

// addRecordCmdFlags adds the flags adr new and adr supersede share.
func addRecordCmdFlags(cmd *cobra.Command, opts *ADRNewOptions) {
	cmd.Flags().StringVarP(&opts.File, "file", "f", "", "the requirements `FILE` (- for standard input)")
	cmd.Flags().StringVar(&opts.Dir, "dir", "", "the records' `DIR` (default: .adr-dir's, else docs/decisions)")
	cmd.Flags().IntVar(&opts.Report.Top, "top", 0, "weigh the first `N` eligible services as the options (default 4)")
	addRecordFlags(cmd, &opts.Report, "")
	_ = cmd.MarkFlagFilename("file", "yaml", "yml")
	_ = cmd.MarkFlagDirname("dir")
}

func adrNewRun(opts *ADRNewOptions) error {
	dir, err := adrDir(opts.Dir)
	if err != nil {
		return err
	}
	loaded, req, err := loadWith(opts.IO, opts.Loaded, opts.File)
	if err != nil {
		return err
	}
	// The record replaced is found, read and checked before anything is
	// written: a wrong number writes nothing.
	var old *oldRecord
	if opts.Supersede > 0 {
		if old, err = findRecord(dir, opts.Supersede); err != nil {
			return err
		}
	}
	reqYAML, err := requirementsYAML(req)
	if err != nil {
		return err
	}
	warnRecorded(opts, dir, req, string(reqYAML))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return inputErrorf("--dir %s: %s", dir, pathError(err))
	}
	res := engine.Rank(req, loaded.Base, loaded.Rules)
	res.Relax = engine.Relaxations(req, loaded.Base, loaded.Rules, res)
	engine.Costs(req, loaded.Base, loaded.Rules, &res)
	rep := report.Build(res, req, loaded.Rules, 0)
	opts.Report.Date = recordDate(opts.Report.Date, opts.IO, opts.Now)
	at := recordPlace{}
	if old != nil {
		at.Supersedes = &old.link
	}
	// The Nygard heading and the Confirmation hold the number and the
	// path: the record is written for the number it gets.
	var writeErr error // a bug: the record is written to memory
	path, err := writeNumbered(dir, func(number int) (string, []byte, error) {
		var buf bytes.Buffer
		name := adr.FileName(number, req.Title)
		at.Number, at.Path = number, ciPath(filepath.Join(dir, name))
		writeErr = writeADR(&buf, req, loaded, res, rep, opts.Report, at)
		return name, buf.Bytes(), writeErr
	})
	var exit *ExitError
	switch {
	case writeErr != nil:
		return writeErr
	case errors.As(err, &exit):
		return err
	case err != nil:
		return inputErrorf("%s: cannot write the record: %s", dir, pathError(err))
	}
	fmt.Fprintln(opts.IO.Out, path)
	if old != nil {
		title := req.Title
		if title == "" {
			title = adr.DefaultTitle
		}
		if err := old.markSuperseded(opts.IO, adr.Link{Number: at.Number, Title: diag.EscapeLine(title), File: filepath.Base(path)}, path); err != nil {
			return err
		}
	}
	if res.Recommendation == nil {
		return &ExitError{Code: ExitNoEligible, Err: errors.New("no service meets every must; the record says so")}
	}
	return nil
}

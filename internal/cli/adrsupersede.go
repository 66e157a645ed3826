package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/advisor-dev/advisor/internal/adr"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/iostreams"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/spf13/cobra"
)

// NewCmdADRSupersede builds `advisor adr supersede`; runF replaces the run
// step in tests.
func NewCmdADRSupersede(f *Factory, runF func(*ADRNewOptions) error) *cobra.Command {
	opts := &ADRNewOptions{IO: f.IOStreams, Loaded: f.Loaded, Now: f.Now, Report: reportOptions{Output: "adr"}}
	cmd := &cobra.Command{
		Use:   "supersede N -f FILE [--dir DIR]",
		Short: "Replace record N with a new record for a requirements file, linking both",
		Long: `Write the recommendation for a requirements file as the next numbered
record, as adr new does, and link it with record N (the file in the
records' directory whose name starts with N, as adr-tools numbers them):
the new record says it supersedes N, and N's status becomes "superseded
by" the new one (MADR: the front matter's status; adr-tools' layout: the
Status section, where Accepted or Proposed gives way to the link). The
rest of N stays as it was, byte for byte, and N is rewritten only once the
new record is in place, never half-written. A record N with no status to
change is left alone, with a warning.`,
		Example: `  # Requirement changed, or check says AWS moved: replace record 3.
  advisor adr supersede 3 -f requirements.yaml
  advisor adr supersede 0003 -f requirements.yaml --adr-format nygard --dir doc/adr`,
		Args:              exactArgs(1),
		ValidArgsFunction: completeRecordNumbers,
		RunE: func(c *cobra.Command, args []string) error {
			n, err := recordNumberArg(args[0])
			if err != nil {
				return err
			}
			opts.Supersede = n
			return runRecordCmd(c, opts, "adr supersede needs the requirements of the new record: -f FILE", runF)
		},
	}
	addRecordCmdFlags(cmd, opts)
	return cmd
}

// recordNumberArg reads a record number as adr-tools takes one: 3 or 0003.
func recordNumberArg(arg string) (int, error) {
	n, err := strconv.Atoi(arg)
	if err != nil || n < 1 || strings.TrimLeft(arg, "0123456789") != "" {
		return 0, inputErrorf("adr supersede takes the number of the record to replace (3, or 0003), not %q", diag.EscapeLine(arg))
	}
	return n, nil
}

// completeRecordNumbers offers the numbers of the records in the records'
// directory, each with its file name.
func completeRecordNumbers(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	flag, _ := c.Flags().GetString("dir")
	dir, err := adrDir(flag)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	entries, _ := os.ReadDir(dir)
	var out []cobra.Completion
	for _, e := range entries {
		if n, ok := recordName(e.Name()); ok && strings.HasPrefix(strconv.Itoa(n), toComplete) {
			out = append(out, cobra.CompletionWithDesc(strconv.Itoa(n), diag.EscapeLine(e.Name())))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// recordName is the number of a record's file name, NNNN-slug.md as
// adr-tools names records; ok is false for any other name.
func recordName(name string) (int, bool) {
	n, ok, err := adr.Number(name)
	digits := len(name) - len(strings.TrimLeft(name, "0123456789"))
	if !ok || err != nil || !strings.HasPrefix(name[digits:], "-") || !strings.HasSuffix(name, ".md") {
		return 0, false
	}
	return n, true
}

// oldRecord is the record adr supersede replaces, as read before the new
// one is written.
type oldRecord struct {
	path string // as found in the records' directory
	real string // the file written: path, or where a link in the directory leads
	data []byte
	mode fs.FileMode
	link adr.Link // the link to it, from the new record
}

// findRecord finds record n in dir: the one file whose name starts with
// n's number. A symbolic link is followed only as far as the records'
// directory: the file rewritten is one of the records, not whatever a
// link in a cloned repository points at.
func findRecord(dir string, n int) (*oldRecord, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, inputErrorf("%s: %s; no record %d to supersede", dir, pathError(err), n)
	}
	var names []string
	for _, e := range entries {
		if m, ok := recordName(e.Name()); ok && m == n {
			names = append(names, e.Name())
		}
	}
	switch len(names) {
	case 0:
		return nil, inputErrorf("%s: no record numbered %d: no file there is named %04d-TITLE.md", dir, n, n)
	case 1:
	default:
		return nil, inputErrorf("%s: %d records are numbered %d (%s); rename all but one, then supersede it", dir, len(names), n, diag.EscapeLine(strings.Join(names, ", ")))
	}
	old := &oldRecord{path: filepath.Join(dir, names[0])}
	old.real, err = insideRecords(dir, old.path)
	if err != nil {
		return nil, err
	}
	if old.data, err = readRegular(old.real); err != nil {
		return nil, inputErrorf("%s: %s", diag.EscapeLine(old.path), pathError(err))
	}
	st, err := os.Stat(old.real)
	if err != nil {
		return nil, inputErrorf("%s: %s", diag.EscapeLine(old.path), pathError(err))
	}
	old.mode = st.Mode().Perm()
	title := adr.Title(old.data)
	if title == "" { // a record without a heading: its name says it
		title = strings.ReplaceAll(strings.TrimSuffix(names[0][strings.Index(names[0], "-")+1:], ".md"), "-", " ")
	}
	old.link = adr.Link{Number: n, Title: title, File: names[0]}
	return old, nil
}

// insideRecords is where path, a file in dir, leads: path itself, or the
// target of a symbolic link when that is in dir too. A link out of dir is
// refused.
func insideRecords(dir, path string) (string, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return "", inputErrorf("%s: %s", diag.EscapeLine(path), pathError(err))
	}
	if st.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", inputErrorf("%s: %s", diag.EscapeLine(dir), pathError(err))
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", inputErrorf("%s: %s", diag.EscapeLine(path), pathError(err))
	}
	if !within(realDir, real) {
		return "", inputErrorf("%s is a symbolic link to %s, outside the records' directory %s; advisor rewrites only the records in it: replace the link with the record", diag.EscapeLine(path), diag.EscapeLine(real), diag.EscapeLine(dir))
	}
	return real, nil
}

// markSuperseded rewrites the old record as superseded by the new one at
// newPath: whole or not at all (a file beside it, renamed over it), and
// not when it changed since it was read. A record with no status to
// change is left as it is, with a warning: the new record stands.
func (old *oldRecord) markSuperseded(streams *iostreams.IOStreams, by adr.Link, newPath string) error {
	data, ok := adr.Supersede(old.data, by)
	if !ok {
		fmt.Fprintf(streams.ErrOut, "advisor: warning: %s has no status to change (no front matter status: and no ## Status section), so it does not say it is superseded; add \"Superseded by %s\" to it by hand\n",
			diag.EscapeLine(old.path), diag.EscapeLine(by.NygardRef()))
		return nil
	}
	if err := replaceFile(old.real, old.data, data, old.mode); err != nil {
		return inputErrorf("%s is written, but %s is not marked superseded: %s", diag.EscapeLine(newPath), diag.EscapeLine(old.path), err)
	}
	// Superseding a superseded record is allowed (the first successor may
	// be the wrong one), but rarely meant.
	if status, _ := adr.Status(old.data); adr.Superseded(status) {
		fmt.Fprintf(streams.ErrOut, "advisor: warning: %s was already superseded (%s); its status now names %s\n",
			diag.EscapeLine(old.path), diag.EscapeLine(strings.ReplaceAll(status, "\n", "; ")), diag.EscapeLine(filepath.Base(newPath)))
	}
	return nil
}

// replaceFile replaces the file at path, which held was, with data: into a
// file beside it, synced, renamed over it, so that it is never seen
// half-written; with the file's permissions. A file that no longer holds
// was (someone edited it meanwhile) is left alone.
func replaceFile(path string, was, data []byte, mode fs.FileMode) error {
	tmp, err := createBeside(path)
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // gone after the rename; cleans up after a failure
	if err := fill(tmp, data); err != nil {
		return errors.New(pathError(err))
	}
	if err := os.Chmod(name, mode); err != nil {
		return errors.New(pathError(err))
	}
	now, err := readRegular(path)
	if err != nil {
		return errors.New(pathError(err))
	}
	if !bytes.Equal(now, was) {
		return errors.New("it changed while the new record was written; run adr supersede again, or link the two by hand")
	}
	if err := os.Rename(name, path); err != nil {
		return errors.New(pathError(err))
	}
	return nil
}

// warnRecorded warns, before adr new writes, when a record in dir already
// records these requirements, or a decision of the same title: the newest
// such record that is not superseded, and the command that replaces it.
// Records advisor cannot read its requirements from are not looked at;
// nor is the one being superseded.
func warnRecorded(opts *ADRNewOptions, dir string, req *requirements.Requirements, reqYAML string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	if !strings.HasSuffix(reqYAML, "\n") {
		reqYAML += "\n"
	}
	slug := recordSlug(adr.FileName(1, req.Title))
	best, bestSame, bestName := 0, false, ""
	for _, e := range entries {
		n, ok := recordName(e.Name())
		if !ok || n == opts.Supersede {
			continue
		}
		sameTitle := recordSlug(e.Name()) == slug
		data, err := readRegular(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		embedded, err := adr.Read(e.Name(), data)
		if err != nil {
			continue
		}
		if status, ok := adr.Status(data); ok && adr.Superseded(status) {
			continue
		}
		same := embedded.Requirements == reqYAML
		if !same && !sameTitle {
			continue
		}
		// The same requirements win over the same title; then the newest.
		if bestName == "" || same && !bestSame || same == bestSame && n > best {
			best, bestSame, bestName = n, same, e.Name()
		}
	}
	if bestName == "" {
		return
	}
	what := "these requirements"
	if !bestSame {
		what = "a decision with this title"
	}
	command := "advisor adr supersede " + strconv.Itoa(best) + " -f " + shellWord(opts.File)
	if opts.Dir != "" {
		command += " --dir " + shellWord(opts.Dir)
	}
	if opts.Report.ADRFormat != adr.Madr {
		command += " --adr-format " + opts.Report.ADRFormat
	}
	fmt.Fprintf(opts.IO.ErrOut, "advisor: %s already records %s; to replace it, run: %s\n",
		diag.EscapeLine(filepath.Join(dir, bestName)), what, diag.EscapeLine(command))
}

// recordSlug is the title part of a record's file name: NNNN-slug.md.
func recordSlug(name string) string {
	_, slug, _ := strings.Cut(strings.TrimSuffix(name, ".md"), "-")
	return slug
}

// shellWord is s as one word of a POSIX shell command line: as it is when
// it holds nothing the shell would act on, else in single quotes.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-=:,+@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ciPath is a record's path as CI names it: from the git work tree's root,
// with slashes, when it is inside one; else as given.
func ciPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return filepath.ToSlash(path)
	}
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(wd, abs)
	}
	if root := gitRoot(wd); root != "" && within(root, abs) {
		if rel, err := filepath.Rel(root, abs); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(path)
}

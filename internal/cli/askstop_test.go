package cli

import (
	"context"
	"errors"
	"github.com/advisor-dev/advisor/internal/ask"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/advisor-dev/advisor/internal/prompter"
)

// A signal that comes after the last answer, while the report is being
// made, stops the command as one during a question does: exit 143 for
// SIGTERM, no report, nothing saved (not even over a file with --force).
// The clock, read once the questions are over and before the report, is
// where the signal comes here.
func TestAskStoppedWhileReporting(t *testing.T) {
	p := &scriptedPrompter{t: t, script: map[string][]string{ask.Checklist: {"fanout,done"}}}
	f, _, out, errOut := newTestFactory(p)
	ctx, signal := context.WithCancelCause(context.Background())
	f.Now = func() time.Time {
		signal(stoppedBy{syscall.SIGTERM})
		return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	}
	dir := t.TempDir()
	save := filepath.Join(dir, "req.yaml")
	if err := os.WriteFile(save, []byte("# by hand\nversion: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := NewCmdRoot(f)
	root.SetArgs([]string{"ask", "--save", save, "--force"})
	err := root.ExecuteContext(ctx)
	var ee *ExitError
	if !errors.As(err, &ee) || ee.Code != ExitTerminated {
		t.Fatalf("error %v, want exit %d", err, ExitTerminated)
	}
	if want := "questionnaire stopped by SIGTERM; nothing was written"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if out.Len() > 0 {
		t.Errorf("wrote a report:\n%s", out)
	}
	if strings.Contains(errOut.String(), "Saved the answers") {
		t.Errorf("says it saved:\n%s", errOut)
	}
	if got, _ := os.ReadFile(save); string(got) != "# by hand\nversion: 1\n" {
		t.Errorf("the file became:\n%s", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left in the directory: %v", entries)
	}
}

// A stopped context keeps a save from happening, with force too: the
// target stays as it was, and the temporary file is gone.
func TestWriteNewContextStopped(t *testing.T) {
	for _, force := range []bool{false, true} {
		dir := t.TempDir()
		path := filepath.Join(dir, "req.yaml")
		if force {
			if err := os.WriteFile(path, []byte("by hand\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		ctx, cancel := context.WithCancelCause(context.Background())
		cancel(stoppedBy{syscall.SIGINT})
		err := writeNewContext(ctx, path, []byte("version: 1\n"), force)
		if !errors.As(err, new(stoppedBy)) {
			t.Errorf("force %v: error %v, want the signal", force, err)
		}
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		want := ""
		if force {
			want = "req.yaml"
		}
		if got := strings.Join(names, " "); got != want {
			t.Errorf("force %v: left %q, want %q", force, got, want)
		}
		if got, _ := os.ReadFile(path); force && string(got) != "by hand\n" {
			t.Errorf("force: the file became %q", got)
		}
	}
}

// The prompter's ctx reaches askRun: the signal that stops a prompt is
// the one the exit status tells, whatever the prompter made of it.
func TestAskStoppedAtAQuestion(t *testing.T) {
	for _, tt := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, ExitAborted}, {syscall.SIGTERM, ExitTerminated}} {
		f, _, out, _ := newTestFactory(nil)
		ctx, signal := context.WithCancelCause(context.Background())
		f.Prompter = func(ctx context.Context, _ bool) prompter.Prompter {
			return stoppingPrompter{ctx: ctx, stop: func() { signal(stoppedBy{tt.sig}) }}
		}
		root := NewCmdRoot(f)
		root.SetArgs([]string{"ask", "-o", "json"})
		err := root.ExecuteContext(ctx)
		var ee *ExitError
		if !errors.As(err, &ee) || ee.Code != tt.code {
			t.Errorf("%v: error %v, want exit %d", tt.sig, err, tt.code)
		}
		if out.Len() > 0 {
			t.Errorf("%v: wrote a report:\n%s", tt.sig, out)
		}
	}
}

// stoppingPrompter is a signal at the first prompt: it stops the context
// and, as huh would, answers with the first option once the context is done.
type stoppingPrompter struct {
	ctx  context.Context
	stop func()
}

func (s stoppingPrompter) wait() { s.stop(); <-s.ctx.Done() }

func (s stoppingPrompter) Select(_ prompter.Prompt, options []prompter.Option) (string, error) {
	s.wait()
	return options[0].Value, nil
}

func (s stoppingPrompter) MultiSelect(prompter.Prompt, []prompter.Option) ([]prompter.Tick, error) {
	s.wait()
	return nil, nil
}

func (s stoppingPrompter) Input(prompter.Prompt, func(string) error) (string, error) {
	s.wait()
	return "", nil
}

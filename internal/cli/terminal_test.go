package cli_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/advisor-dev/advisor/internal/termbg"
	"github.com/advisor-dev/advisor/internal/testpty"
)

// terminalQuery matches what a program sends to ask a terminal something:
// OSC 10/11 (foreground, background colour), DA1 (device attributes), CPR
// (cursor position).
var terminalQuery = regexp.MustCompile(`\x1b\]1[01];\?|\x1b\[0?c|\x1b\[6n`)

// sgr is a colour a report paints with: no width on screen.
var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// stallLimit is how long a command may take at a terminal that never
// answers: far above what one takes (a few tens of milliseconds), far below
// the 5 s a terminal query used to wait for its answer.
const stallLimit = 2 * time.Second

// atSilentTerminal runs advisor with args at a terminal cols wide that
// never answers, with only env in its environment: no CI or COLORFGBG from
// the environment running the tests, either of which would keep a query
// from being sent.
func atSilentTerminal(t *testing.T, env []string, o testpty.Options, stdout *bytes.Buffer, args ...string) testpty.Result {
	t.Helper()
	advisor, err := exec.LookPath("advisor") // the test binary, as TestMain sets it up
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(advisor, args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, env...)
	if stdout != nil {
		cmd.Stdout = stdout
	}
	res, err := testpty.Run(cmd, o)
	if errors.Is(err, testpty.ErrUnsupported) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s at a silent terminal %d columns wide, %s: %.3f s", args, o.Cols, env, res.Elapsed.Seconds())
	if res.TimedOut {
		t.Fatalf("still running after %s: waiting for the terminal to answer?\nit wrote: %.300q", o.Limit, res.Output)
	}
	return res
}

// At a terminal that never answers, commands that print a report neither
// query the terminal nor wait: not with NO_COLOR, not with TERM=dumb, not
// with colour on (their colours are fixed ANSI codes, which need no
// question), not in a terminal 4 columns wide, not with standard output
// redirected.
func TestSilentTerminal(t *testing.T) {
	commands := [][]string{
		{"services"},
		{"recommend", "--fanout"},
	}
	environments := []struct {
		name     string
		env      []string
		cols     int
		redirect bool // standard output to a file, the other streams at the terminal
	}{
		{name: "NO_COLOR", env: []string{"TERM=xterm-256color", "NO_COLOR=1"}, cols: 80},
		{name: "TERM=dumb", env: []string{"TERM=dumb"}, cols: 80},
		{name: "colour", env: []string{"TERM=xterm-256color"}, cols: 80},
		{name: "4 columns", env: []string{"TERM=xterm-256color"}, cols: 4},
		{name: "stdout redirected", env: []string{"TERM=xterm-256color"}, cols: 80, redirect: true},
	}
	for _, e := range environments {
		for _, args := range commands {
			t.Run(e.name+"/"+args[0], func(t *testing.T) {
				var stdout *bytes.Buffer
				if e.redirect {
					stdout = &bytes.Buffer{}
				}
				res := atSilentTerminal(t, e.env, testpty.Options{Cols: e.cols, Limit: stallLimit}, stdout, args...)
				if res.Err != nil {
					t.Fatalf("%v\n%s", res.Err, res.Output)
				}
				if q := terminalQuery.Find(res.Output); q != nil {
					t.Errorf("it queried the terminal: %q in %.300q", q, res.Output)
				}
				report := res.Output
				if stdout != nil {
					report = stdout.Bytes()
				}
				if len(report) < 100 {
					t.Errorf("it wrote only %q", report)
				}
				// A terminal narrower than any layout gets the 40-column
				// one, which it wraps; nothing is cut or lost.
				for _, line := range strings.Split(sgr.ReplaceAllString(string(report), ""), "\n") {
					if n := utf8.RuneCountInString(strings.TrimSuffix(line, "\r")); n > max(e.cols, 40) {
						t.Errorf("a line of %d columns at a terminal %d wide:\n%s", n, e.cols, line)
					}
				}
			})
		}
	}
}

// The questionnaire asks the terminal for its background colour only when
// its form is in colour, and then waits at most termbg.Timeout for an
// answer before showing the first question; Ctrl-C in the form, or the end
// of input at a line prompt, then ends it.
func TestQuestionnaireAtSilentTerminal(t *testing.T) {
	// The form is up, reading keys in raw mode, once it turns bracketed
	// paste on; a line prompt ends its question with this.
	const form, linePrompt = "\x1b[?2004h", "numbers or names"
	tests := []struct {
		name        string
		env         []string
		cols        int
		after, keys string
		queries     int
	}{
		{name: "colour", env: []string{"TERM=xterm-256color"}, cols: 80, after: form, keys: "\x03", queries: 2}, // OSC 11 and DA1, once
		{name: "NO_COLOR", env: []string{"TERM=xterm-256color", "NO_COLOR=1"}, cols: 80, after: form, keys: "\x03"},
		{name: "TERM=dumb", env: []string{"TERM=dumb"}, cols: 80, after: linePrompt, keys: "\x04"}, // no form at a dumb terminal
		{name: "4 columns", env: []string{"TERM=xterm-256color"}, cols: 4, after: form, keys: "\x03", queries: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testpty.Options{Cols: tt.cols, Limit: stallLimit + termbg.Timeout, After: tt.after, Keys: tt.keys}
			res := atSilentTerminal(t, tt.env, o, nil, "ask")
			var exit *exec.ExitError
			if !errors.As(res.Err, &exit) || exit.ExitCode() != 130 {
				t.Errorf("exit %v after %q, want 130", res.Err, tt.keys)
			}
			if got := terminalQuery.FindAll(res.Output, -1); len(got) != tt.queries {
				t.Errorf("queries %q, want %d", got, tt.queries)
			}
			if res.Prompted > termbg.Timeout+time.Second {
				t.Errorf("the first question took %s", res.Prompted)
			}
		})
	}
}

package cli

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/prompter"
	"github.com/advisor-dev/advisor/internal/testfixture"
)

// TestAskScripted runs the questionnaire on the test fixture's rules and
// knowledge, so that it checks how answers are asked, kept and reported,
// whatever the real services offer: back, ticks must or nice, the
// review changing an answer and adding a title, the answers saved and the leader recommended.
func TestAskScripted(t *testing.T) {
	p := &scriptedPrompter{t: t, script: map[string][]string{
		"use_case": {"work-queue", "work-queue,broadcast"},
		"needs":    {"back", "fanout,~replay,serverless", "fanout,serverless"},
		"review":   {"needs", "title", "result"},
		"title":    {"Order events"},
	}}
	f, _, out, errOut := newTestFactory(p)
	f.Loaded = func() (*Loaded, error) {
		set, base := testfixture.Base(t)
		return &Loaded{Rules: set, Base: base}, nil
	}
	dir := t.TempDir()
	draft, save := filepath.Join(dir, "draft.yaml"), filepath.Join(dir, "req.yaml")
	if err := os.WriteFile(draft, []byte("version: 1\nprovider: acme\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := Run(f, []string{"ask", "-f", draft, "--save", save, "-o", "json"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	saved, err := os.ReadFile(save)
	if err != nil {
		t.Fatal(err)
	}
	want := "# Requirements saved by `advisor ask`; `advisor recommend -f` on this file gives the same report.\n" +
		"version: 1\ntitle: Order events\nprovider: acme\nuse_case: [broadcast, work-queue]\nmust:\n  fanout: true\n  serverless: true\n"
	if string(saved) != want {
		t.Errorf("saved\n%s\nwant\n%s", saved, want)
	}
	if !strings.Contains(out.String(), `"recommendation": {`+"\n"+`    "id": "topic"`) {
		t.Errorf("stdout does not recommend the leader, topic:\n%s", out)
	}
	for _, line := range []string{"Leader so far: Acme Topic standard topics (topic)", "Asked 8 questions.", "Saved the answers to " + save} {
		if !strings.Contains(errOut.String(), line) {
			t.Errorf("stderr lacks %q:\n%s", line, errOut)
		}
	}
	if got := strings.Join(p.asked, " "); got != "use_case needs use_case needs review needs review title review" {
		t.Errorf("asked %q", got)
	}
}

func TestAskAborted(t *testing.T) {
	p := &scriptedPrompter{t: t, script: map[string][]string{"use_case": {"abort"}}}
	f, _, out, errOut := newTestFactory(p)
	save := filepath.Join(t.TempDir(), "never.yaml")
	if code := Run(f, []string{"ask", "--save", save}); code != ExitAborted {
		t.Fatalf("exit %d, want %d: %s", code, ExitAborted, errOut)
	}
	if _, err := os.Stat(save); err == nil {
		t.Error("an aborted questionnaire wrote its file")
	}
	if out.Len() > 0 {
		t.Errorf("an aborted questionnaire wrote a report:\n%s", out)
	}
	if !strings.Contains(errOut.String(), "questionnaire aborted; nothing was written") {
		t.Errorf("stderr: %s", errOut)
	}
}

// The full-screen form runs only where it can: line prompts otherwise.
func TestAskChoosesAccessibleMode(t *testing.T) {
	tests := []struct {
		name           string
		args           []string
		stdin, stderr  bool
		env            map[string]string
		wantAccessible bool
	}{
		{name: "terminal", stdin: true, stderr: true, wantAccessible: false},
		{name: "piped answers", stdin: false, stderr: true, wantAccessible: true},
		{name: "questions redirected", stdin: true, stderr: false, wantAccessible: true},
		{name: "--accessible", args: []string{"--accessible"}, stdin: true, stderr: true, wantAccessible: true},
		{name: "ACCESSIBLE", env: map[string]string{"ACCESSIBLE": "1"}, stdin: true, stderr: true, wantAccessible: true},
		{name: "dumb terminal", env: map[string]string{"TERM": "dumb"}, stdin: true, stderr: true, wantAccessible: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, io, _, errOut := newTestFactory(nil)
			io.SetStdinTTY(tt.stdin)
			io.SetStderrTTY(tt.stderr)
			io.Getenv = func(k string) string { return tt.env[k] }
			var got []bool
			f.Prompter = func(_ context.Context, accessible bool) prompter.Prompter {
				got = append(got, accessible)
				return &scriptedPrompter{t: t, script: map[string][]string{"use_case": {"done"}}}
			}
			if code := Run(f, append([]string{"ask", "-o", "json"}, tt.args...)); code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if len(got) != 1 || got[0] != tt.wantAccessible {
				t.Errorf("prompter asked for with accessible %v, want [%v]", got, tt.wantAccessible)
			}
		})
	}
}

func TestNewCmdAsk(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    AskOptions
		wantErr string
	}{
		{name: "no flags", want: AskOptions{Report: reportOptions{Output: "table", ADRFormat: "madr"}}},
		{
			name: "every flag",
			args: []string{"-f", "draft.yaml", "--save", "req.yaml", "--force", "--accessible", "-o", "markdown", "--top", "2"},
			want: AskOptions{File: "draft.yaml", Save: "req.yaml", Force: true, Accessible: true,
				Report: reportOptions{Output: "markdown", Top: 2, ADRFormat: "madr"}},
		},
		{name: "unknown format", args: []string{"-o", "xml"}, wantErr: `unknown output format "xml"`},
		{name: "an empty file name", args: []string{"-f", ""}, wantErr: "it was given an empty name"},
		{name: "an argument", args: []string{"fanout"}, wantErr: "accepts 0 arg(s), received 1"},
		{name: "requirement flags belong to recommend", args: []string{"--fanout"}, wantErr: "unknown flag: --fanout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _, _ := newTestFactory(nil)
			var got *AskOptions
			err := execute(f, NewCmdAsk(f, func(o *AskOptions) error { got = o; return nil }), tt.args...)
			checkError(t, err, tt.wantErr)
			if tt.wantErr != "" {
				return
			}
			got.IO, got.Loaded, got.Prompter, got.Now = nil, nil, nil, nil
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("options\n%+v\nwant\n%+v", *got, tt.want)
			}
		})
	}
}

// Answers piped to the line prompts, as scripts and hostile input send
// them: the last answer may lack its newline ("done" was lost, and the
// questionnaire aborted with 130); a long answer after a refused one is
// read whole (the refused one was taken instead, and a select crashed with
// exit 1); a line longer than any answer is refused with exit 2 rather
// than taken for the default.
func TestAskPipedAnswers(t *testing.T) {
	tests := []struct {
		name, input string
		code        int
		stderr      string
	}{
		{name: "no newline after the last answer", input: "done\nresult", code: ExitOK, stderr: "Saved the answers"},
		{name: "a long answer after a refused one", input: "1\n\nx\n+" + strings.Repeat("0", prompter.MaxLine-3) + "3\n", code: ExitAborted,
			stderr: "advisor: questionnaire aborted; nothing was written"},
		{name: "a line too long", input: strings.Repeat(" ", prompter.MaxLine) + "\n", code: ExitInput,
			stderr: "advisor: an answer line is longer than 4096 bytes; nothing was written"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, io, _, errOut := newTestFactory(nil)
			io.In = strings.NewReader(tt.input)
			f.Prompter = func(ctx context.Context, accessible bool) prompter.Prompter {
				return prompter.New(ctx, io.In, io.ErrOut, accessible, 80)
			}
			save := filepath.Join(t.TempDir(), "req.yaml")
			if code := Run(f, []string{"ask", "--save", save, "-o", "id"}); code != tt.code {
				t.Fatalf("exit %d, want %d:\n%s", code, tt.code, errOut)
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errOut)
			}
			if saved, _ := os.ReadFile(save); tt.code == ExitOK && !strings.Contains(string(saved), "version: 1") {
				t.Errorf("saved:\n%s", saved)
			}
		})
	}
}

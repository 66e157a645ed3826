package cli_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedBuffer collects what a process writes, for a test to read while it
// runs.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor polls b until it holds text, for up to 10 seconds.
func waitFor(t *testing.T, b *lockedBuffer, text string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(b.String(), text); {
		if time.Now().After(deadline) {
			t.Fatalf("never showed %q:\n%s", text, b)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestAskStopsOnSignal sends SIGINT or SIGTERM to the real `advisor ask`
// in line-prompt mode while it waits for an answer on a pipe that stays
// open (no answer and no end of input ever come): it must exit within a
// second, with 130 for SIGINT and 143 for SIGTERM, having written nothing —
// no report, no saved answers, no temporary file, and with --force the
// user's file as it was.
func TestAskStopsOnSignal(t *testing.T) {
	const handWritten = "# written by hand\nversion: 1\nmust:\n  fanout: true\n  ordering: per-key\n"
	tests := []struct {
		name    string
		sig     syscall.Signal
		code    int
		answers string // typed before the signal
		force   bool   // --save over a hand-written file
	}{
		{name: "SIGINT at the first question", sig: syscall.SIGINT, code: 130},
		{name: "SIGTERM at the first question", sig: syscall.SIGTERM, code: 143},
		{name: "SIGTERM after some answers, with --force", sig: syscall.SIGTERM, code: 143, answers: "\n1\n\n", force: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			save := filepath.Join(dir, "out.yaml")
			args := []string{"ask", "--accessible", "--save", save}
			if tt.force {
				if err := os.WriteFile(save, []byte(handWritten), 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(args, "--force")
			}
			cmd := exec.Command("advisor", args...)
			cmd.Dir = dir
			var stdout, stderr lockedBuffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close() // only once the process is gone: no end of input before
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var waitErr error
			exited := make(chan struct{})
			go func() { waitErr = cmd.Wait(); close(exited) }()
			defer func() {
				select {
				case <-exited:
				default:
					_ = cmd.Process.Kill()
					<-exited
				}
			}()

			waitFor(t, &stderr, "What is the messaging for?")
			if tt.answers != "" {
				if _, err := io.WriteString(stdin, tt.answers); err != nil {
					t.Fatal(err)
				}
				waitFor(t, &stderr, "Leader so far: Amazon SNS")
			}
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			sent := time.Now()
			select {
			case <-exited:
				err = waitErr
			case <-time.After(time.Second):
				t.Fatalf("still running a second after %v:\n%s", tt.sig, &stderr)
			}
			t.Logf("exited %v after %v", time.Since(sent).Round(time.Millisecond), tt.sig)

			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("exit: %v, want status %d", err, tt.code)
			}
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				t.Fatalf("killed by %v, want exit status %d", ws.Signal(), tt.code)
			}
			if got := ee.ExitCode(); got != tt.code {
				t.Errorf("exit status %d, want %d:\n%s", got, tt.code, &stderr)
			}
			if want := "questionnaire stopped by " + strings.Fields(tt.name)[0] + "; nothing was written"; !strings.Contains(stderr.String(), want) {
				t.Errorf("stderr does not say %q:\n%s", want, &stderr)
			}
			if stdout.String() != "" {
				t.Errorf("wrote a report:\n%s", &stdout)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var left []string
			for _, e := range entries {
				left = append(left, e.Name())
			}
			want := ""
			if tt.force {
				want = "out.yaml"
			}
			if strings.Join(left, " ") != want {
				t.Errorf("left in the directory: %q, want %q", left, want)
			}
			if tt.force {
				if got, _ := os.ReadFile(save); string(got) != handWritten {
					t.Errorf("the hand-written file became:\n%s", got)
				}
			}
		})
	}
}

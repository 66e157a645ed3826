package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewCmdADRSupersede(t *testing.T) {
	tests := []flagCase[ADRNewOptions]{
		{
			name: "a number and a file",
			args: []string{"3", "-f", "req.yaml"},
			want: ADRNewOptions{File: "req.yaml", Supersede: 3, Report: reportOptions{Output: "adr", ADRFormat: "madr"}},
		},
		{
			name: "adr-tools' number, every flag",
			args: []string{"0012", "-f", "-", "--dir", "doc/adr", "--top", "3", "--adr-format", "nygard", "--date", "2026-02-03", "--decision-makers", "Ana"},
			want: ADRNewOptions{File: "-", Dir: "doc/adr", Supersede: 12, Report: reportOptions{Output: "adr", Top: 3, ADRFormat: "nygard", Date: "2026-02-03", Makers: []string{"Ana"}}},
		},
		{name: "no number", args: []string{"-f", "req.yaml"}, wantErr: "accepts 1 arg(s), received 0"},
		{name: "not a number", args: []string{"3a", "-f", "req.yaml"}, wantErr: `not "3a"`},
		{name: "a sign", args: []string{"+3", "-f", "req.yaml"}, wantErr: `not "+3"`},
		{name: "zero", args: []string{"0", "-f", "req.yaml"}, wantErr: `not "0"`},
		{name: "no file", args: []string{"3"}, wantErr: "adr supersede needs the requirements of the new record: -f FILE"},
		{name: "bad layout", args: []string{"3", "-f", "req.yaml", "--adr-format", "y"}, wantErr: `unknown --adr-format "y"`},
	}
	testFlags(t, NewCmdADRSupersede, func(o *ADRNewOptions) { o.IO, o.Loaded, o.Now = nil, nil, nil }, tests)
}

// The old record is replaced whole, keeping its permissions, and not at
// all when it changed since it was read; no temporary file stays behind.
func TestReplaceFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "0001-x.md")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := replaceFile(path, []byte("old"), []byte("new"), 0o640); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "new" {
		t.Errorf("replaced file holds %q", data)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	err := replaceFile(path, []byte("old"), []byte("newer"), 0o640)
	if err == nil || !strings.Contains(err.Error(), "it changed while the new record was written") {
		t.Errorf("replaceFile over a changed file: %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "new" {
		t.Errorf("a changed file was replaced: %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestShellWordAndRecordName(t *testing.T) {
	for in, want := range map[string]string{
		"req.yaml":          "req.yaml",
		"-":                 "-",
		"my req.yaml":       "'my req.yaml'",
		"it's.yaml":         `'it'\''s.yaml'`,
		"$(rm -rf x).yaml":  "'$(rm -rf x).yaml'",
		"":                  "''",
		"dir/sub=1/r@2.yml": "dir/sub=1/r@2.yml",
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
	for name, want := range map[string]int{"0003-x.md": 3, "3-x.md": 3, "0003.md": 0, "0003-x.txt": 0, ".3.tmp": 0, "x-0003.md": 0} {
		if n, ok := recordName(name); n != want || ok != (want > 0) {
			t.Errorf("recordName(%q) = %d, %v; want %d", name, n, ok, want)
		}
	}
}

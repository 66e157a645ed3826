package cli

import (
	"testing"
)

func TestNewCmdCheck(t *testing.T) {
	tests := []flagCase[CheckOptions]{
		{name: "records", args: []string{"a.md", "b.md"}, want: CheckOptions{Records: []string{"a.md", "b.md"}}},
		{name: "strict, a day", args: []string{"--strict", "--today", "2027-07-01", "a.md"},
			want: CheckOptions{Records: []string{"a.md"}, Strict: true, Today: "2027-07-01"}},
		{name: "not a day", args: []string{"--today", "2027-13-01", "a.md"}, wantErr: "--today takes YYYY-MM-DD"},
		{name: "no record", wantErr: "check needs at least one record"},
		{name: "unknown flag", args: []string{"--fix", "a.md"}, wantErr: "unknown flag: --fix"},
	}
	testFlags(t, NewCmdCheck, func(o *CheckOptions) { o.IO, o.Loaded, o.Now = nil, nil, nil }, tests)
}

package adr

import "testing"

func TestCodeSpan(t *testing.T) {
	for in, want := range map[string]string{
		"advisor check d/0001-x.md": "`advisor check d/0001-x.md`",
		"advisor check d/a`b.md":    "`` advisor check d/a`b.md ``",
		"advisor check d/a``b`c.md": "``` advisor check d/a``b`c.md ```",
	} {
		if got := codeSpan(in); got != want {
			t.Errorf("codeSpan(%q) = %q, want %q", in, got, want)
		}
	}
}

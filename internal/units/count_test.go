package units

import (
	"strings"
	"testing"
)

func TestParseCount(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{{"3", 3}, {"200", 200}, {" 7 ", 7}, {"0150", 150}} { // surrounding spaces are trimmed
		if got, err := ParseCount(c.in, Options{}); err != nil || got != c.want {
			t.Errorf("ParseCount(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	if got, err := ParseCount("0", Options{AllowZero: true}); err != nil || got != 0 {
		t.Errorf("a fact may be 0: %v, %v", got, err)
	}
	if got, err := ParseCount("unlimited", Options{AllowUnlimited: true}); err != nil || got != Unlimited {
		t.Errorf("a fact may be unlimited: %v, %v", got, err)
	}
	for s, want := range map[string]string{
		"0":                    `"0" must be more than zero`,
		"-3":                   `"-3" is negative: want a whole number, such as 3 or 200, more than zero`,
		"1.5":                  `"1.5" is not a whole number: want a whole number, such as 3 or 200`,
		"3.0":                  `"3.0" is not a whole number`,
		"unlimited":            `"unlimited" is not allowed here: want a whole number, such as 3 or 200`,
		"2k":                   `"2k" is not a count: want a whole number, such as 3 or 200 (a count takes no unit)`,
		"1e3":                  `"1e3" is not a count`,
		"1 000":                `"1 000" has a space in it: write 1000`,
		"":                     `"" is not a count`,
		"99999999999999999999": `"99999999999999999999" is too large`,
		"1000000000000000001":  `"1000000000000000001" is too large`,
	} {
		if _, err := ParseCount(s, Options{}); err == nil || err.Error() != want && !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ParseCount(%q): got %v, want %s", s, err, want)
		}
	}
	if FormatCount(150) != "150" || FormatCount(Unlimited) != "unlimited" {
		t.Errorf("FormatCount: %s, %s", FormatCount(150), FormatCount(Unlimited))
	}
}

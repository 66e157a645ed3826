package units

import (
	"math"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	req := Options{}
	fact := Options{AllowZero: true, AllowUnlimited: true}
	for _, c := range []struct {
		parse func(string, Options) (float64, error)
		in    string
		opts  Options
		want  float64
		err   string
	}{
		{ParseDuration, "30s", req, 30, ""},
		{ParseDuration, "15m", req, 900, ""},
		{ParseDuration, "12h", req, 43200, ""},
		{ParseDuration, "7d", req, 604800, ""},
		{ParseDuration, "1.5h", req, 5400, ""},
		{ParseDuration, "unlimited", fact, math.Inf(1), ""},
		{ParseDuration, "unlimited", req, 0, "not allowed here"},
		{ParseDuration, "0s", fact, 0, ""},
		{ParseDuration, "0s", req, 0, "more than zero"},
		{ParseDuration, "7 days", req, 0, `unknown unit "days"`},
		{ParseDuration, "7", req, 0, "has no unit"},
		{ParseDuration, "-1d", req, 0, "want a number"},
		{ParseDuration, "d", req, 0, "want a number"},
		{ParseRate, "500/s", req, 500, ""},
		{ParseRate, "500", req, 500, ""},
		{ParseRate, "20k/s", req, 20000, ""},
		{ParseRate, "1M/s", req, 1e6, ""},
		{ParseRate, "-5/s", req, 0, "not a rate"},
		{ParseRate, "1e400/s", req, 0, "not a rate"},
		{ParseRate, "5/min", req, 0, "not a rate"},
		{ParseRate, "1m/s", req, 0, "not a rate"},
		{ParseSize, "200KiB", req, 200 * 1024, ""},
		{ParseSize, "1MiB", req, 1 << 20, ""},
		{ParseSize, "5MB", req, 5e6, ""},
		{ParseSize, "256kb", req, 256000, ""},
		{ParseSize, "0KiB", req, 0, "more than zero"},
		{ParseSize, "1TB", req, 0, `unknown unit "TB"`},
		{ParseSize, "99999999999999GiB", req, 0, "too large"},
	} {
		got, err := c.parse(c.in, c.opts)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want one containing %q", c.in, err, c.err)
		case c.err == "" && err != nil:
			t.Errorf("%q: %v", c.in, err)
		case c.err == "" && got != c.want:
			t.Errorf("%q = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{FormatDuration(1209600), "14d"},
		{FormatDuration(86400), "1d"},
		{FormatDuration(5400), "90m"},
		{FormatDuration(0), "0s"},
		{FormatDuration(math.Inf(1)), "unlimited"},
		{FormatRate(300), "300/s"},
		{FormatRate(70000), "70k/s"},
		{FormatRate(1e6), "1M/s"},
		{FormatRate(1500), "1500/s"},
		{FormatRate(1234567), "1.2M/s"},
		{FormatSize(262144), "256KiB"},
		{FormatSize(1 << 20), "1MiB"},
		{FormatSize(5e6), "5MB"},
		{FormatSize(256000), "256KB"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// FuzzUnits checks that the parsers never panic and that whatever parses
// formats back to text that parses to (nearly) the same quantity.
func FuzzUnits(f *testing.F) {
	for _, s := range []string{"30s", "7d", "20k/s", "1M/s", "256KiB", "5MB", "unlimited", "1e400/s", "-5/s", "0KiB", "1.5h", "..", "9."} {
		f.Add(s)
	}
	opts := Options{AllowZero: true, AllowUnlimited: true}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range []struct {
			parse  func(string, Options) (float64, error)
			format func(float64) string
		}{{ParseDuration, FormatDuration}, {ParseRate, FormatRate}, {ParseSize, FormatSize}} {
			v, err := p.parse(s, opts)
			if err != nil {
				continue
			}
			if math.IsNaN(v) || v < 0 {
				t.Fatalf("%q parsed to %v", s, v)
			}
			back, err := p.parse(p.format(v), opts)
			if err != nil {
				t.Fatalf("%q -> %q does not parse: %v", s, p.format(v), err)
			}
			if math.Abs(back-v) > 0.06*v {
				t.Fatalf("%q -> %q -> %v, want about %v", s, p.format(v), back, v)
			}
		}
	})
}

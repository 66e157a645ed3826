// Package units parses and formats the quantities of requirements and
// knowledge: durations (7d), rates (20k/s) and sizes (256KiB).
package units

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Unlimited stands for a quantity without a bound ("unlimited").
var Unlimited = math.Inf(1)

// maxQuantity keeps numbers far from float64 overflow and absurd inputs.
const maxQuantity = 1e18

// Options say which special values a parse accepts.
type Options struct {
	AllowZero      bool // "0s": a service that keeps nothing
	AllowUnlimited bool // "unlimited"
}

var durationUnits = []unit{{"s", 1}, {"m", 60}, {"h", 3600}, {"d", 86400}}

var rateUnits = []unit{{"", 1}, {"k", 1e3}, {"M", 1e6}}

var sizeUnits = []unit{
	{"B", 1}, {"KB", 1e3}, {"KiB", 1 << 10}, {"MB", 1e6}, {"MiB", 1 << 20}, {"GB", 1e9}, {"GiB", 1 << 30},
}

type unit struct {
	name   string
	factor float64
}

// ParseDuration reads "30s", "15m", "12h", "7d" (or "unlimited") into seconds.
func ParseDuration(s string, o Options) (float64, error) {
	const want = "a number followed by s, m, h or d, such as 30s, 15m, 12h or 7d"
	return parse(s, o, durationUnits, false, want)
}

// ParseRate reads "500/s", "20k/s", "1M/s" (the "/s" is optional) into messages per second.
func ParseRate(s string, o Options) (float64, error) {
	const want = "messages per second, such as 500/s, 20k/s or 1M/s"
	if err := spaced(s, func(t string) bool { _, err := ParseRate(t, o); return err == nil }); err != nil {
		return 0, err
	}
	t := strings.TrimSuffix(strings.TrimSpace(s), "/s")
	if strings.Contains(t, "/") {
		return 0, fmt.Errorf("%q is not a rate: want %s", s, want)
	}
	v, err := parse(t, o, rateUnits, false, want)
	if err != nil {
		return 0, fmt.Errorf("%q is not a rate: want %s", s, want)
	}
	return v, nil
}

// ParseCount reads a whole number of things ("3", "200", "12.5M" is not
// one: counts take no units), or "unlimited".
func ParseCount(s string, o Options) (float64, error) {
	const want = "a whole number, such as 3 or 200"
	t := strings.TrimSpace(s)
	if t == "unlimited" {
		if o.AllowUnlimited {
			return Unlimited, nil
		}
		return 0, fmt.Errorf("%q is not allowed here: want %s", s, want)
	}
	if joined := strings.Join(strings.Fields(t), ""); joined != t {
		if _, err := ParseCount(joined, o); err == nil {
			return 0, fmt.Errorf("%q has a space in it: write %s", s, joined)
		}
	}
	v, err := strconv.ParseUint(t, 10, 64)
	switch {
	case err != nil && strings.HasPrefix(t, "-"):
		return 0, fmt.Errorf("%q is negative: want %s, more than zero", s, want)
	case err != nil && isFraction(t):
		return 0, fmt.Errorf("%q is not a whole number: want %s", s, want)
	case errors.Is(err, strconv.ErrRange):
		return 0, fmt.Errorf("%q is too large", s)
	case err != nil:
		return 0, fmt.Errorf("%q is not a count: want %s (a count takes no unit)", s, want)
	case v > uint64(maxQuantity):
		return 0, fmt.Errorf("%q is too large", s)
	case v == 0 && !o.AllowZero:
		return 0, fmt.Errorf("%q must be more than zero", s)
	}
	return float64(v), nil
}

// isFraction reports whether s is a plain decimal with a point (1.5, 3.0).
func isFraction(s string) bool {
	num, suffix := splitNumber(s)
	return num != "" && suffix == "" && strings.Contains(num, ".")
}

// ParseMoney reads US dollars a month: "500/month", "500", "1.5k/month".
func ParseMoney(s string, o Options) (float64, error) {
	const want = "US dollars a month, such as 500/month or 2k/month"
	t, _ := strings.CutSuffix(strings.TrimSpace(s), "/month")
	t = strings.TrimPrefix(t, "$")
	v, err := parse(t, o, rateUnits, false, want)
	if err != nil {
		return 0, fmt.Errorf("%q is not an amount: want %s", s, want)
	}
	return v, nil
}

// FormatMoney writes dollars a month as "500/month".
func FormatMoney(usd float64) string {
	if math.IsInf(usd, 1) {
		return "unlimited"
	}
	return strings.TrimSuffix(format(usd, rateUnits, ""), "") + "/month"
}

// FormatCount writes a count as a whole number, or "unlimited".
func FormatCount(n float64) string {
	if math.IsInf(n, 1) {
		return "unlimited"
	}
	return strconv.FormatFloat(n, 'f', -1, 64)
}

// ParseBandwidth reads bytes per second, "5MiB/s" or "200MB/s" (the "/s" is
// required: a bandwidth without it reads as a size), or "unlimited".
func ParseBandwidth(s string, o Options) (float64, error) {
	const want = "bytes per second, such as 1MiB/s or 200MB/s"
	t := strings.TrimSpace(s)
	if t == "unlimited" {
		return parse(t, o, sizeUnits, true, want)
	}
	size, ok := strings.CutSuffix(t, "/s")
	if !ok {
		return 0, fmt.Errorf("%q is not a bandwidth: want %s", s, want)
	}
	return parse(size, o, sizeUnits, true, want)
}

// FormatBandwidth writes bytes per second as "5MiB/s".
func FormatBandwidth(b float64) string {
	if math.IsInf(b, 1) {
		return "unlimited"
	}
	return FormatSize(b) + "/s"
}

// ParseSize reads "200KiB", "1MiB", "5MB" into bytes (KB = 1000, KiB = 1024).
func ParseSize(s string, o Options) (float64, error) {
	const want = "a number followed by B, KB, KiB, MB, MiB, GB or GiB, such as 256KiB or 1MB"
	return parse(s, o, sizeUnits, true, want)
}

func parse(s string, o Options, units []unit, foldCase bool, want string) (float64, error) {
	if err := spaced(s, func(t string) bool { _, err := parse(t, o, units, foldCase, want); return err == nil }); err != nil {
		return 0, err
	}
	t := strings.TrimSpace(s)
	if t == "unlimited" {
		if o.AllowUnlimited {
			return Unlimited, nil
		}
		return 0, fmt.Errorf("%q is not allowed here: want %s", s, want)
	}
	num, suffix := splitNumber(t)
	if num == "" {
		return 0, fmt.Errorf("%q: want %s", s, want)
	}
	var factor float64
	found := false
	for _, u := range units {
		if suffix == u.name || foldCase && strings.EqualFold(suffix, u.name) {
			factor, found = u.factor, true
			break
		}
	}
	if !found {
		if strings.TrimSpace(suffix) == "" {
			return 0, fmt.Errorf("%q has no unit: want %s", s, want)
		}
		return 0, fmt.Errorf("%q has an unknown unit %q: want %s", s, strings.TrimSpace(suffix), want)
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("%q: want %s", s, want)
	}
	v *= factor
	switch {
	case v > maxQuantity:
		return 0, fmt.Errorf("%q is too large", s)
	case v == 0 && !o.AllowZero:
		return 0, fmt.Errorf("%q must be more than zero", s)
	}
	return v, nil
}

// spaced refuses a quantity with a space in it ("1 MiB", "500 /s") that
// parses without: the space is the whole mistake, so the message names it
// and the way to write it, rather than call the unit unknown or, as it
// once did for a rate, read "500 /s" as 500/s. It says nothing when the
// text is wrong in another way too ("7 days"): the parse says what.
func spaced(s string, reads func(string) bool) error {
	t := strings.TrimSpace(s)
	if !strings.ContainsFunc(t, unicode.IsSpace) {
		return nil
	}
	joined := strings.Join(strings.Fields(t), "")
	if !reads(joined) {
		return nil
	}
	where := "in it"
	if num, suffix := splitNumber(t); num != "" && strings.TrimLeftFunc(suffix, unicode.IsSpace) != suffix {
		where = "before its unit"
	}
	return fmt.Errorf("%q has a space %s: write %s", s, where, joined)
}

// splitNumber splits "12.5KiB" into "12.5" and "KiB". Only plain decimal
// digits with at most one point count as a number: no signs, exponents or spaces.
func splitNumber(s string) (num, suffix string) {
	i, dots := 0, 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		if s[i] == '.' {
			dots++
		}
		i++
	}
	if i == 0 || dots > 1 || s[0] == '.' || s[i-1] == '.' {
		return "", ""
	}
	return s[:i], s[i:]
}

// FormatDuration writes seconds in the largest unit that keeps the number short.
func FormatDuration(sec float64) string {
	if math.IsInf(sec, 1) {
		return "unlimited"
	}
	return format(sec, durationUnits, "")
}

// FormatRate writes messages per second as "300/s", "70k/s" or "1M/s".
func FormatRate(r float64) string {
	if math.IsInf(r, 1) {
		return "unlimited"
	}
	return format(r, rateUnits, "/s")
}

// FormatSize writes bytes in binary units when exact (256KiB), else decimal (5MB).
func FormatSize(b float64) string {
	if math.IsInf(b, 1) {
		return "unlimited"
	}
	binary := []unit{{"B", 1}, {"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}}
	decimal := []unit{{"B", 1}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}}
	bs, bExact := formatExact(b, binary, "")
	ds, dExact := formatExact(b, decimal, "")
	if dExact && (!bExact || len(ds) < len(bs)) {
		return ds
	}
	return bs
}

// ExactDuration writes seconds so that ParseDuration reads back exactly the
// same number, for files that are read again (FormatDuration rounds for
// people: 90.5m is not 91m to `advisor check`).
func ExactDuration(sec float64) string {
	return exact(sec, FormatDuration(sec), durationUnits, "", ParseDuration)
}

// ExactRate is FormatRate that never rounds: 70001/s stays 70001/s.
func ExactRate(r float64) string {
	return exact(r, FormatRate(r), rateUnits, "/s", ParseRate)
}

// ExactSize is FormatSize that never rounds: 262145 bytes is 262145B, not 256KiB.
func ExactSize(b float64) string {
	return exact(b, FormatSize(b), sizeUnits, "", ParseSize)
}

// exact returns the first text that parses back to exactly v: the rounded
// text people read, when it happens to be exact (70k/s); else a whole
// number in the largest unit that gives one (70001/s); else the shortest
// decimal in the largest unit that reads back exactly; else the decimal
// in the base unit, which always does (its factor is 1, and strconv
// writes the shortest digits that read back the same float).
func exact(v float64, rounded string, units []unit, tail string, parse func(string, Options) (float64, error)) string {
	if math.IsInf(v, 1) {
		return "unlimited"
	}
	readsBack := func(s string) bool {
		back, err := parse(s, Options{AllowZero: true, AllowUnlimited: true})
		return err == nil && back == v
	}
	if readsBack(rounded) {
		return rounded
	}
	for i := len(units) - 1; i >= 0; i-- {
		if q := v / units[i].factor; q >= 1 && q == math.Trunc(q) {
			if s := strconv.FormatFloat(q, 'f', -1, 64) + units[i].name + tail; readsBack(s) {
				return s
			}
		}
	}
	for i := len(units) - 1; i >= 0; i-- {
		if q := v / units[i].factor; q >= 1 {
			if s := strconv.FormatFloat(q, 'f', -1, 64) + units[i].name + tail; readsBack(s) {
				return s
			}
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + units[0].name + tail
}

// format writes v in the largest unit where it is a whole number of at
// most four digits (70k/s, 1500/s, 90m); failing that, with one decimal in
// the largest unit that keeps it at least 1 (1.2M/s).
func format(v float64, units []unit, tail string) string {
	s, _ := formatExact(v, units, tail)
	return s
}

// formatExact is format, also telling whether the text is exact.
func formatExact(v float64, units []unit, tail string) (string, bool) {
	if v == 0 {
		return "0" + units[0].name + tail, true
	}
	for i := len(units) - 1; i >= 0; i-- {
		q := v / units[i].factor
		if q >= 1 && q == math.Trunc(q) && q < 10000 {
			return strconv.FormatFloat(q, 'f', -1, 64) + units[i].name + tail, true
		}
	}
	for i := len(units) - 1; i >= 0; i-- {
		if q := v / units[i].factor; q >= 1 {
			r := math.Round(q*10) / 10
			return strconv.FormatFloat(r, 'f', -1, 64) + units[i].name + tail, r == q
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + units[0].name + tail, true
}

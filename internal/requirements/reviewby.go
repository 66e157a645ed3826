package requirements

import (
	"strings"
	"time"

	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/units"
	"github.com/advisor-dev/advisor/internal/yamlx"
	"go.yaml.in/yaml/v3"
)

// reviewBy reads the top-level review_by: a date (YYYY-MM-DD) after which
// `advisor check` flags the decision for review. YAML reads an unquoted
// date as a timestamp; both it and a quoted date are taken.
func reviewBy(name string, n *yaml.Node, errs *diag.List) string {
	s, ok := yamlx.Scalar(n)
	tag := yamlx.Resolve(n).Tag
	if !ok || tag != "!!str" && tag != "!!timestamp" {
		errs.Add(yamlx.Pos(name, n), "review_by takes a date such as 2027-06-30, not %s", yamlx.Describe(n))
		return ""
	}
	if err := CheckDate("review_by", s); err != nil {
		errs.Add(yamlx.Pos(name, n), "%v", err)
		return ""
	}
	return s
}

// CheckDate reports whether s is a calendar date written YYYY-MM-DD.
func CheckDate(what, s string) error {
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return &dateError{what: what, s: s}
	}
	return nil
}

type dateError struct{ what, s string }

func (e *dateError) Error() string {
	return e.what + " takes a date written YYYY-MM-DD, such as 2027-06-30, not " + quote(e.s)
}

func quote(s string) string { return `"` + s + `"` }

// volume reads the top-level volume: the average messages a second over
// a month (300/s, 1.5k/s), for the cost estimate; kept as written too, so
// that a file written back says it digit for digit.
func volume(name string, n *yaml.Node, errs *diag.List) (float64, string) {
	s, ok := yamlx.Scalar(n)
	if !ok {
		errs.Add(yamlx.Pos(name, n), "volume takes messages a second, such as 300/s or 1.5k/s, not %s", yamlx.Describe(n))
		return 0, ""
	}
	v, err := units.ParseRate(s, units.Options{})
	if err != nil {
		errs.Add(yamlx.Pos(name, n), "volume: %v", err)
		return 0, ""
	}
	text := strings.TrimSpace(s)
	if !strings.HasSuffix(text, "/s") {
		text += "/s"
	}
	return v, text
}

package requirements

import (
	"fmt"
	"regexp"
	"strings"
)

// regionID is the shape of an AWS Region id: a two-letter area, one or more
// words, a number (eu-west-1, us-gov-west-1, ap-southeast-5). It is checked
// by shape only, so that a Region AWS opens after this advisor was built is
// not refused; whether the knowledge base has limits or prices for it is
// the report's business.
var regionID = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)

// regionHelp says what a Region id looks like, for messages.
const regionHelp = "an AWS Region id in lower case, such as eu-west-1, us-gov-west-1 or ap-southeast-5"

// CheckRegion reports whether s looks like an AWS Region id, and if not,
// says what is wrong and what is allowed. what names the input in the
// message ("region", "--region").
func CheckRegion(what, s string) error {
	if regionID.MatchString(s) {
		return nil
	}
	switch {
	case s == "":
		return fmt.Errorf("%s is empty: give %s, or leave it out for %s", what, regionHelp, DefaultRegion)
	case regionID.MatchString(strings.ToLower(s)):
		return fmt.Errorf("%s %q is not in lower case: write %s", what, s, strings.ToLower(s))
	case regionID.MatchString(strings.TrimSpace(s)):
		return fmt.Errorf("%s %q has spaces around it: write %s", what, s, strings.TrimSpace(s))
	case isZone(s):
		return fmt.Errorf("%s %q is an Availability Zone, not a Region: write %s", what, s, s[:len(s)-1])
	}
	return fmt.Errorf("%s %q is not an AWS Region id: want %s", what, s, regionHelp)
}

// isZone reports whether s is an Availability Zone name (eu-west-1a): a
// Region id with a letter after it.
func isZone(s string) bool {
	n := len(s)
	return n > 1 && s[n-1] >= 'a' && s[n-1] <= 'z' && regionID.MatchString(s[:n-1])
}

package cli

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/advisor-dev/advisor/internal/adr"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/iostreams"
	"github.com/spf13/cobra"
)

// addReportFlags adds the flags that shape a report: its format, its
// length, --explain, and a decision record's details.
func addReportFlags(cmd *cobra.Command, o *reportOptions) {
	fs := cmd.Flags()
	reportFormats.addFlag(cmd, &o.Output)
	fs.IntVar(&o.Top, "top", 0, "show only the first `N` services (0: all; adr: the options weighed, default 4)")
	fs.BoolVar(&o.Explain, "explain", false, "take every score apart, rule by rule (table and markdown)")
	addRecordFlags(cmd, o, "with --output adr: ")
}

// addRecordFlags adds the flags of a decision record; when says when they apply.
func addRecordFlags(cmd *cobra.Command, o *reportOptions, when string) {
	fs := cmd.Flags()
	fs.StringVar(&o.ADRFormat, "adr-format", adr.Madr, when+"`layout` madr (MADR 4.0) or nygard (adr-tools)")
	fs.StringVar(&o.Date, "date", "", when+"the record's `YYYY-MM-DD` (default today, or SOURCE_DATE_EPOCH)")
	fs.StringSliceVar(&o.Makers, "decision-makers", nil, when+"who decides (`names`, comma-separated)")
	fs.StringSliceVar(&o.Consulted, "consulted", nil, when+"who was consulted (`names`)")
	fs.StringSliceVar(&o.Informed, "informed", nil, when+"who is kept informed (`names`)")
	fs.StringVar(&o.Choose, "choose", "", when+"record this eligible service `ID` as the choice instead of the advisor's pick (needs --because)")
	fs.StringVar(&o.Because, "because", "", when+"why the team chose --choose's service: the record keeps it, and check then holds the choice to its musts")
	_ = cmd.RegisterFlagCompletionFunc("adr-format", cobra.FixedCompletions(adr.Formats, cobra.ShellCompDirectiveNoFileComp))
}

// check validates the flags of the report and the record (the format is
// the command's to check: adr new has none to give), and SOURCE_DATE_EPOCH
// when it will date a record: before any work, so that ask refuses it
// before the first question.
func (o *reportOptions) check(getenv func(string) string) error {
	if o.Top < 0 {
		return inputErrorf("--top takes a number of services, 0 or more, not %d", o.Top)
	}
	if (o.Choose == "") != (strings.TrimSpace(o.Because) == "") {
		return inputErrorf("--choose and --because go together: name the service the team chose and say why")
	}
	if !slices.Contains(adr.Formats, o.ADRFormat) {
		return inputErrorf("unknown --adr-format %q: use %s%s", o.ADRFormat, diag.OneOf(adr.Formats), diag.Suggest(o.ADRFormat, adr.Formats))
	}
	if o.Date != "" {
		if _, err := time.Parse(time.DateOnly, o.Date); err != nil {
			return inputErrorf("--date takes YYYY-MM-DD, not %q", o.Date)
		}
	} else if o.Output == "adr" {
		if _, err := sourceDateEpoch(getenv); err != nil {
			return err
		}
	}
	return nil
}

// lastEpoch is the last second of the last day --date can name, 9999-12-31.
const lastEpoch = 253402300799

// sourceDateEpoch is the day SOURCE_DATE_EPOCH names (reproducible builds:
// seconds since 1970-01-01 UTC), or "" when it is unset. A value that is
// not such a number, or names a day --date could not, is refused rather
// than ignored or written as the year 292277026596.
func sourceDateEpoch(getenv func(string) string) (string, error) {
	s := getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return "", nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > lastEpoch || strings.TrimLeft(s, "0123456789") != "" {
		return "", inputErrorf("SOURCE_DATE_EPOCH takes the seconds since 1970-01-01 UTC, from 0 to %d (9999-12-31), not %q", lastEpoch, s)
	}
	return time.Unix(n, 0).UTC().Format(time.DateOnly), nil
}

// recordDate is a decision record's date: --date, else SOURCE_DATE_EPOCH
// (reproducible builds; check has refused a bad one), else today by the clock.
func recordDate(date string, io *iostreams.IOStreams, now func() time.Time) string {
	if date != "" {
		return date
	}
	if day, err := sourceDateEpoch(io.Getenv); err == nil && day != "" {
		return day
	}
	return now().Format(time.DateOnly)
}

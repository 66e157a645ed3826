package cli

import (
	"testing"
)

func TestNewCmdRecommend(t *testing.T) {
	report := func(change func(*reportOptions)) reportOptions {
		o := reportOptions{Output: "table", ADRFormat: "madr"}
		if change != nil {
			change(&o)
		}
		return o
	}
	tests := []flagCase[RecommendOptions]{
		{name: "no flags", want: RecommendOptions{Report: report(nil)}},
		{
			name: "a file and a format",
			args: []string{"-f", "req.yaml", "-o", "json", "--top", "3", "--explain"},
			want: RecommendOptions{File: "req.yaml", Report: report(func(o *reportOptions) { o.Output, o.Top, o.Explain = "json", 3, true })},
		},
		{
			name: "key flags, in catalog order, then --must",
			args: []string{"--ordering", "strict", "--fanout", "--must", "schedule=true", "--protocols", "amqp,mqtt"},
			want: RecommendOptions{Report: report(nil), Requirements: requirementFlags{Musts: []mustFlag{
				{Flag: "--fanout", Key: "fanout", Value: "true"},
				{Flag: "--ordering", Key: "ordering", Value: "strict"},
				{Flag: "--protocols", Key: "protocols", Value: "amqp,mqtt"},
				{Flag: "--must", Key: "schedule", Value: "true"},
			}}},
		},
		{
			name: "preferences and exclusions",
			args: []string{"--prefer", "latency=realtime:3", "--prefer", "serverless=true", "--exclude", "sqs,sns", "--exclude", "msk"},
			want: RecommendOptions{Report: report(nil), Requirements: requirementFlags{
				Prefers: []string{"latency=realtime:3", "serverless=true"},
				Exclude: []string{"sqs", "sns", "msk"},
			}},
		},
		{
			name: "a count, a key rate and a Region",
			args: []string{"--consumers", "150", "--must", "key_throughput=300/s", "--region", "eu-west-1"},
			want: RecommendOptions{Report: report(nil), Requirements: requirementFlags{Region: "eu-west-1", Musts: []mustFlag{
				{Flag: "--consumers", Key: "consumers", Value: "150"},
				{Flag: "--must", Key: "key_throughput", Value: "300/s"},
			}}},
		},
		{name: "a Region in capitals", args: []string{"--region", "EU-WEST-1"}, wantErr: `--region "EU-WEST-1" is not in lower case: write eu-west-1`},
		{name: "an Availability Zone for a Region", args: []string{"--region", "eu-west-1a"}, wantErr: `--region "eu-west-1a" is an Availability Zone, not a Region: write eu-west-1`},
		{name: "an empty Region", args: []string{"--region", ""}, wantErr: `--region is empty: give an AWS Region id`},
		{
			name: "use cases, as a comma list and repeated, as given",
			args: []string{"--use-case", "work-queue,broadcast", "--use-case", "notifications"},
			want: RecommendOptions{Report: report(nil), Requirements: requirementFlags{UseCases: []string{"work-queue", "broadcast", "notifications"}}},
		},
		{
			name: "no use case, given: the file's are replaced by none",
			args: []string{"--use-case", ""},
			want: RecommendOptions{Report: report(nil), Requirements: requirementFlags{UseCases: []string{}}},
		},
		{
			name: "a decision record",
			args: []string{"-o", "adr", "--adr-format", "nygard", "--date", "2026-01-02", "--decision-makers", "Ana,Ben", "--consulted", "Cy", "--informed", "Dee"},
			want: RecommendOptions{Report: report(func(o *reportOptions) {
				o.Output, o.ADRFormat, o.Date = "adr", "nygard", "2026-01-02"
				o.Makers, o.Consulted, o.Informed = []string{"Ana", "Ben"}, []string{"Cy"}, []string{"Dee"}
			})},
		},
		{name: "unknown format", args: []string{"-o", "xml"}, wantErr: `unknown output format "xml"`},
		{name: "format typo", args: []string{"-o", "jsn"}, wantErr: `(did you mean "json"?)`},
		{name: "negative top", args: []string{"--top", "-1"}, wantErr: "--top takes a number of services, 0 or more"},
		{name: "top not a number", args: []string{"--top", "many"}, wantErr: `invalid argument "many" for "--top"`},
		{name: "record layout typo", args: []string{"--adr-format", "madrr"}, wantErr: `(did you mean "madr"?)`},
		{name: "bad date", args: []string{"--date", "2026-13-01"}, wantErr: `--date takes YYYY-MM-DD, not "2026-13-01"`},
		{name: "--must without a value", args: []string{"--must", "ordering"}, wantErr: "--must takes key=value"},
		{name: "a key flag and --prefer on one key", args: []string{"--serverless", "--prefer", "serverless=true"}, wantErr: `--serverless and --prefer serverless=true: "serverless" cannot be both a must and a preference`},
		{name: "--must and --prefer on one key", args: []string{"--must", "ordering=strict", "--prefer", " ordering=per-key:2"}, wantErr: `--must ordering=strict and --prefer  ordering=per-key:2: "ordering" cannot be both`},
		{name: "an empty file name", args: []string{"-f", ""}, wantErr: "-f takes a requirements file, or - for standard input; it was given an empty name"},
		{name: "a blank file name", args: []string{"--file= "}, wantErr: "it was given an empty name"},
		{name: "unknown flag", args: []string{"--bogus"}, wantErr: "unknown flag: --bogus"},
		{name: "an argument", args: []string{"extra"}, wantErr: "accepts 0 arg(s), received 1"},
	}
	testFlags(t, NewCmdRecommend, func(o *RecommendOptions) { o.IO, o.Loaded, o.Now = nil, nil, nil }, tests)
}

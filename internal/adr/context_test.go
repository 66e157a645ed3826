package adr_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/adr"
	"github.com/advisor-dev/advisor/internal/golden"
)

// A record whose requirements give no context states the problem from
// what they do give: the title and the use cases, with the catalog's
// meaning of each. Not one sentence for every record.
func TestContextFromTitleAndUseCases(t *testing.T) {
	f := golden.Ranking(t)
	for _, c := range []struct {
		title    string
		useCases []string
		want     string
	}{
		{"Order events for fulfilment", []string{"broadcast"},
			"Order events for fulfilment: the messaging is for broadcast (fan business events out to many independent subscribers). Which Acme Cloud messaging service should carry it?"},
		{"Jobs and alerts.", []string{"notifications", "broadcast", "work-queue"},
			"Jobs and alerts: the messaging is for notifications (alert people or systems: push, SMS, email, alarms), broadcast (fan business events out to many independent subscribers) and work-queue (decouple producers from workers: asynchronous jobs, load levelling, retries). Which Acme Cloud messaging service should carry it?"},
		{"Order events for fulfilment", nil,
			"Order events for fulfilment: which Acme Cloud messaging service should carry it, given the drivers below?"},
		{"", []string{"broadcast"},
			"The messaging is for broadcast (fan business events out to many independent subscribers). Which Acme Cloud messaging service should carry it?"},
		{"", nil,
			"Which Acme Cloud messaging service should carry these messages? The drivers below decide it."},
	} {
		for _, format := range adr.Formats {
			var b bytes.Buffer
			err := adr.Write(&b, adr.Record{Format: format, Date: "2026-11-27", Title: c.title, UseCases: c.useCases,
				Result: f.Result, Report: f.Report, Catalog: &f.Rules.Catalog, Base: f.Base, Requirements: golden.Requirements})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), "\n\n"+c.want+"\n\n") {
				t.Errorf("%s, title %q, use cases %v: no paragraph\n%s\nin\n%s", format, c.title, c.useCases, c.want, b.String()[:600])
			}
		}
	}
}

package adr

import "testing"

func TestSlugAndNumberFollowADRTools(t *testing.T) {
	for title, want := range map[string]string{
		"Use MySQL Database":                 "use-mysql-database",
		"Order events: SNS FIFO -> SQS!":     "order-events-sns-fifo-sqs",
		"  --Leading and trailing--  ":       "leading-and-trailing",
		"Café au lait":                       "caf-au-lait",
		"Price updates in strict order (v2)": "price-updates-in-strict-order-v2",
	} {
		if got := Slug(title); got != want {
			t.Errorf("Slug(%q) = %q, want %q", title, got, want)
		}
	}
	if n := NextNumber([]string{"0001-a.md", "0012-b.md", "README.md", "0003-c.md", "templates"}); n != 13 {
		t.Errorf("NextNumber = %d, want 13", n)
	}
	if n := NextNumber(nil); n != 1 {
		t.Errorf("NextNumber(empty) = %d, want 1", n)
	}
	if got := FileName(7, "Use Kafka"); got != "0007-use-kafka.md" {
		t.Errorf("FileName = %q", got)
	}
}

func TestFindRequirementsAndChoice(t *testing.T) {
	rec := "# T\n\n```go\nx\n```\n\n<!-- advisor: chosen=sqs-fifo -->\nChosen option: \"X (sns)\"\n\n```yaml\nversion: 1\nmust: {fanout: true}\n```\n"
	block, line, ok := Requirements(rec)
	if !ok || line != 11 || block != "version: 1\nmust: {fanout: true}\n" {
		t.Errorf("Requirements = %q, %d, %v", block, line, ok)
	}
	if id, ok := Chosen(rec); !ok || id != "sqs-fifo" {
		t.Errorf("Chosen = %q, %v; the marker wins", id, ok)
	}
	if id, ok := Chosen("## Decision\n\nWe will use Amazon SQS (sqs), because\n"); !ok || id != "sqs" {
		t.Errorf("Chosen from Nygard text = %q, %v", id, ok)
	}
	if _, _, ok := Requirements("no block here"); ok {
		t.Error("found requirements where there are none")
	}
}

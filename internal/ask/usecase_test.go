package ask_test

import (
	"slices"
	"testing"

	"github.com/advisor-dev/advisor/internal/ask"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/testfixture"
)

// The questionnaire asks what the messaging is for first, once, with the
// catalog's use cases; the answer fills use_case in catalog order; a start
// that names use cases, or a catalog with none, skips the screen.
func TestUseCaseScreenFirst(t *testing.T) {
	set, base := testfixture.Base(t)
	s := ask.New(set, base, nil)
	c, ok := s.Next()
	if !ok || c.Question.ID != ask.UseCase || c.Question.Title != "What is the messaging for?" || len(c.Keys) != 0 ||
		len(c.UseCases) != len(set.Catalog.UseCases) || c.UseCases[0].ID != "notifications" {
		t.Fatalf("first screen %+v, %v", c, ok)
	}
	s.Record(c, []ask.Answer{ask.UseCaseAnswer([]string{"event-sourcing", "broadcast", "broadcast"})})
	if want := []string{"broadcast", "event-sourcing"}; !slices.Equal(s.Req.UseCases, want) || len(s.Req.Must)+len(s.Req.Prefer) != 0 {
		t.Errorf("use cases %q, musts %v, prefers %v; want %q and no keys", s.Req.UseCases, s.Req.Must, s.Req.Prefer, want)
	}
	if c, ok := s.Next(); ok && c.Question.ID == ask.UseCase {
		t.Errorf("asked again after an answer")
	}

	// None ticked: not asked again either.
	s = ask.New(set, base, nil)
	c, _ = s.Next()
	s.Record(c, nil)
	if c, ok := s.Next(); ok && c.Question.ID == ask.UseCase || s.Req.UseCases != nil {
		t.Errorf("asked again after none, or use cases %q", s.Req.UseCases)
	}

	// A file that names use cases: not asked, and the session's copy is
	// its own.
	start := requirements.New()
	start.UseCases = []string{"work-queue"}
	s = ask.New(set, base, start)
	if c, ok := s.Next(); ok && c.Question.ID == ask.UseCase {
		t.Errorf("asked though the start names use cases")
	}
	s.Req.UseCases[0] = "broadcast"
	if start.UseCases[0] != "work-queue" {
		t.Errorf("the session changed its start's use cases")
	}

	set.Catalog.UseCases = nil
	s = ask.New(set, base, nil)
	if c, ok := s.Next(); ok && c.Question.ID == ask.UseCase {
		t.Errorf("asked with no use cases in the catalog")
	}
}

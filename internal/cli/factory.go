package cli

import (
	"context"
	"sync"
	"time"

	"github.com/advisor-dev/advisor/internal/iostreams"
	"github.com/advisor-dev/advisor/internal/prompter"
	"github.com/advisor-dev/advisor/internal/termbg"
)

// Factory is what every command is built from: the streams, the prompter,
// the clock, and the rules and knowledge. Commands copy what they need
// into their options, so tests can replace any of it.
type Factory struct {
	IOStreams *iostreams.IOStreams
	// Prompter asks the questionnaire's questions: numbered line prompts
	// when accessible, a full-screen form otherwise; either shows the
	// catalog's text escaped. The prompt shown stops when ctx is done.
	Prompter func(ctx context.Context, accessible bool) prompter.Prompter
	Now      func() time.Time
	// Sources are where --knowledge and --rules say the rules and the
	// knowledge come from besides the embedded ones.
	Sources *Sources
	// Loaded returns the rules and knowledge of Sources. It loads them on
	// its first call, after the flags are parsed, and keeps them.
	Loaded func() (*Loaded, error)
}

// NewFactory returns the real Factory over io: huh prompts, the system
// clock, and loadSources reading Sources as the flags leave them.
func NewFactory(io *iostreams.IOStreams) *Factory {
	src := &Sources{}
	return &Factory{
		IOStreams: io,
		Prompter: func(ctx context.Context, accessible bool) prompter.Prompter {
			if !accessible && io.ColorEnabled() {
				// The form's colours suit a dark or a light background:
				// the terminal is asked which only here, where they are
				// used, and briefly; never at start-up (see termbg).
				termbg.Detect(io.In, io.ErrOut, termbg.Timeout)
			}
			return prompter.Escaping(prompter.New(ctx, io.In, io.ErrOut, accessible, io.PromptWidth()))
		},
		Now:     time.Now,
		Sources: src,
		Loaded:  sync.OnceValues(func() (*Loaded, error) { return loadSources(*src) }),
	}
}

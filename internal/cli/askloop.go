package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/advisor-dev/advisor/internal/ask"
	"github.com/advisor-dev/advisor/internal/catalog"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/iostreams"
	"github.com/advisor-dev/advisor/internal/prompter"
	"github.com/advisor-dev/advisor/internal/report"
	"github.com/advisor-dev/advisor/internal/textwrap"
)

// questionnaire is `advisor ask` under way: the questions, then the
// review, with every prompt answered counted.
type questionnaire struct {
	ctx     context.Context
	ios     *iostreams.IOStreams
	p       prompter.Prompter
	session *ask.Session
	save    string
	force   bool
	// taken holds the answers of questions taken back, by question id,
	// for the prompt to start from when they are asked again.
	taken map[string][]ask.Answer
	// prompts counts every prompt the user answered: questions, the
	// review, the title and context; going back or asking for help is no
	// answer.
	prompts int
}

// The review's choices besides its steps.
const (
	reviewResult  = "result"
	reviewTitle   = catalog.QuestionTitle
	reviewContext = catalog.QuestionContext
	reviewDraft   = "draft"
)

// run asks until the questions left are unlikely to change the pick or
// the user says that's enough, then reviews the answers. It returns the
// path to save a draft to when the user asked for one ("" for the
// result), or the error that ends the questionnaire.
func (q *questionnaire) run() (draft string, err error) {
	for {
		if err := q.questions(); err != nil {
			return "", err
		}
		draft, back, err := q.review()
		if err != nil || !back {
			return draft, err
		}
		q.back()
	}
}

// back takes the last answer back, keeping it for the prompt to start
// from when its question comes again.
func (q *questionnaire) back() {
	if n := len(q.session.Steps); n > 0 {
		if q.taken == nil {
			q.taken = map[string][]ask.Answer{}
		}
		last := q.session.Steps[n-1]
		q.taken[last.Candidate.Question.ID] = last.Answers
	}
	q.session.Back()
}

// questions asks the next question until there is none worth asking or
// the user says that's enough.
func (q *questionnaire) questions() error {
	for {
		if err := askStopped(q.ctx); err != nil {
			fmt.Fprintln(q.ios.ErrOut)
			return err
		}
		c, ok := q.session.Next()
		if !ok {
			return nil
		}
		fmt.Fprintln(q.ios.ErrOut)
		answers, err := askQuestion(q.p, c, len(q.session.Steps) > 0, true, q.taken[c.Question.ID])
		if err := q.failed(err); err != nil {
			return err
		}
		if errors.Is(err, prompter.ErrBack) {
			q.back()
			continue
		}
		q.prompts++
		q.session.Record(c, answers)
		if errors.Is(err, prompter.ErrEnough) {
			return nil
		}
		q.showLeader()
	}
}

// failed is the error that ends the questionnaire, if err is one: a
// signal, Ctrl-C or the end of input, a line too long.
func (q *questionnaire) failed(err error) error {
	switch {
	case q.ctx.Err() != nil:
		fmt.Fprintln(q.ios.ErrOut)
		return askStopped(q.ctx)
	case errors.Is(err, prompter.ErrAborted):
		fmt.Fprintln(q.ios.ErrOut)
		return &ExitError{Code: ExitAborted, Err: errors.New("questionnaire aborted; nothing was written")}
	case errors.Is(err, prompter.ErrLineTooLong):
		fmt.Fprintln(q.ios.ErrOut)
		return inputErrorf("%v; nothing was written", err)
	case err == nil, errors.Is(err, prompter.ErrBack), errors.Is(err, prompter.ErrEnough):
		return nil
	}
	return err
}

// review lists every answer, must or nice, and lets the user change any
// of them, add a title and context, save a draft, or go on to the result.
// back says the user went back to the last question.
func (q *questionnaire) review() (draft string, back bool, err error) {
	for {
		steps := q.session.Steps
		options := []prompter.Option{{Value: reviewResult, Label: reviewResult + ": show the result"}}
		for _, st := range steps {
			options = append(options, prompter.Option{
				Value: st.Candidate.Question.ID,
				Label: st.Candidate.Question.ID + ": " + describeAnswers(st.Answers) + " (change)",
			})
		}
		req := q.session.Req
		options = append(options,
			prompter.Option{Value: reviewTitle, Label: reviewTitle + ": " + orNone(req.Title) + " (change)"},
			prompter.Option{Value: reviewContext, Label: reviewContext + ": " + orNone(req.Context) + " (change)"},
			prompter.Option{Value: reviewDraft, Label: reviewDraft + ": save the answers as a draft and stop"})
		fmt.Fprintln(q.ios.ErrOut)
		words := q.session.Rules.Catalog.Question(catalog.QuestionReview)
		choice, err := q.p.Select(prompter.Prompt{ID: words.ID, Title: words.Title, Help: words.Help, Back: len(steps) > 0}, options)
		if err := q.failed(err); err != nil {
			return "", false, err
		}
		if errors.Is(err, prompter.ErrBack) {
			return "", true, nil
		}
		q.prompts++
		switch choice {
		case reviewResult:
			return "", false, nil
		case reviewTitle, reviewContext:
			if err := q.askText(choice); err != nil {
				return "", false, err
			}
		case reviewDraft:
			path, err := q.draftPath()
			if err != nil || path != "" {
				return path, false, err
			}
		default:
			if err := q.change(choice); err != nil {
				return "", false, err
			}
		}
	}
}

// change asks step id's question again; back leaves it as it was.
func (q *questionnaire) change(id string) error {
	for i, st := range q.session.Steps {
		if st.Candidate.Question.ID != id {
			continue
		}
		fmt.Fprintln(q.ios.ErrOut)
		answers, err := askQuestion(q.p, st.Candidate, true, false, st.Answers)
		if err := q.failed(err); err != nil {
			return err
		}
		if errors.Is(err, prompter.ErrBack) {
			return nil
		}
		q.prompts++
		q.session.Replace(i, answers)
		q.showLeader()
	}
	return nil
}

// askText asks for the title or the context of the requirements.
func (q *questionnaire) askText(which string) error {
	words := q.session.Rules.Catalog.Question(which)
	prompt := prompter.Prompt{ID: which, Title: words.Title, Help: words.Help, Back: true}
	fmt.Fprintln(q.ios.ErrOut)
	text, err := q.p.Input(prompt, func(string) error { return nil })
	if err := q.failed(err); err != nil {
		return err
	}
	if errors.Is(err, prompter.ErrBack) {
		return nil
	}
	q.prompts++
	if which == reviewTitle {
		q.session.SetText(text, q.session.Req.Context)
	} else {
		q.session.SetText(q.session.Req.Title, text)
	}
	return nil
}

// draftPath is where a draft goes: --save's file, else one the user names.
func (q *questionnaire) draftPath() (string, error) {
	if q.save != "" {
		return q.save, nil
	}
	fmt.Fprintln(q.ios.ErrOut)
	path, err := q.p.Input(prompter.Prompt{ID: "draft-file", Title: "Save the draft to which file?", Example: "draft.yaml", Back: true},
		func(s string) error {
			if s == "" {
				return errors.New("a file name, or back")
			}
			return checkWritable(s, false, "the draft")
		})
	if err := q.failed(err); err != nil {
		return "", err
	}
	if errors.Is(err, prompter.ErrBack) {
		return "", nil
	}
	q.prompts++
	return path, nil
}

// showLeader says which service leads after the answers so far, named
// with its variant as reports name it.
func (q *questionnaire) showLeader() {
	if l := q.session.Leader(); l != nil {
		leader := diag.EscapeLine(report.NameOf(*l)) + ", score " + strconv.FormatFloat(l.Score, 'f', 1, 64)
		fmt.Fprint(q.ios.ErrOut, textwrap.Wrap("Leader so far: ", leader, q.ios.PromptWidth()))
	} else {
		fmt.Fprintln(q.ios.ErrOut, "No service meets every must so far.")
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return diag.EscapeLine(s)
}

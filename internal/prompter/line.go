package prompter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/textwrap"
)

// linePrompter asks in numbered line prompts, for screen readers and
// scripts: each question is printed once, and an answer is one line of
// numbers or names. Besides the answers a line takes `?` (the help, then
// the question's hint again), `back` and `done` where offered; a name
// after `~` is nice to have rather than a must.
//
// A line "id: answer" answers question id, whenever it comes: a script
// that answers by names and ids works whatever order the questions come
// in. Lines for questions not asked yet wait for them; once the input
// ends, a question no line answers takes Enter alone while lines for
// others still wait, and otherwise the end of input aborts.
type linePrompter struct {
	ctx   context.Context
	in    *lineReader
	out   io.Writer
	width int // lines longer than this are folded
	// waiting holds the answers of lines addressed to questions not
	// asked yet, by question id; ended says the input ended.
	waiting map[string]string
	ended   bool
}

// errEnded is the end of input inside the line prompter, before it
// decides whether that aborts.
var errEnded = errors.New("input ended")

// next is the answer line for p: one addressed to it that waited, else
// the next line read (lines addressed to other questions are kept for
// them). fallback says the input had ended and the line is Enter alone.
func (l *linePrompter) next(p Prompt) (line string, fallback bool, err error) {
	if a, ok := l.waiting[p.ID]; ok {
		delete(l.waiting, p.ID)
		return a, false, nil
	}
	for !l.ended {
		line, err := l.readLine()
		if errors.Is(err, errEnded) {
			l.ended = true
			break
		}
		if err != nil {
			return "", false, err
		}
		id, answer, ok := addressed(line)
		switch {
		case !ok:
			return line, false, nil
		case id == p.ID:
			return answer, false, nil
		}
		if l.waiting == nil {
			l.waiting = map[string]string{}
		}
		l.waiting[id] = answer
	}
	if len(l.waiting) > 0 {
		return "", true, nil
	}
	return "", false, ErrAborted
}

// addressed splits "id: answer"; ok is false for a line that names no
// question (an id is lower-case letters, digits, _ and -).
func addressed(line string) (id, answer string, ok bool) {
	id, answer, ok = strings.Cut(strings.TrimSpace(line), ":")
	if !ok || id == "" || id[0] < 'a' || id[0] > 'z' {
		return "", "", false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return "", "", false
		}
	}
	return id, strings.TrimSpace(answer), true
}

func (l *linePrompter) Select(p Prompt, options []Option) (string, error) {
	var b strings.Builder
	b.WriteString(p.Title)
	for i, o := range options {
		fmt.Fprintf(&b, "\n  %d. %s", i+1, o.Label)
	}
	hint := "a number or name (" + l.words(p, "Enter: 1") + "):"
	value := ""
	err := l.ask(p, b.String(), hint, func(s string) error {
		if s == "" {
			if len(options) > 0 {
				value = options[0].Value
			}
			return nil
		}
		i, err := choose(s, options)
		if err != nil {
			return err
		}
		value = options[i].Value
		return nil
	})
	return value, err
}

func (l *linePrompter) MultiSelect(p Prompt, options []Option) ([]Tick, error) {
	var b strings.Builder
	b.WriteString(p.Title)
	for i, o := range options {
		fmt.Fprintf(&b, "\n  %d. %s", i+1, o.Label)
	}
	how := "Enter: none"
	if p.Marks {
		how = NiceMark + "name: nice to have; " + how
	}
	hint := "numbers or names, separated by commas (" + l.words(p, how) + "):"
	var ticks []Tick
	enough := false
	err := l.ask(p, b.String(), hint, func(s string) error {
		var err error
		ticks, enough, err = parseTicks(s, options, p)
		if err == nil && p.Valid != nil {
			values := make([]string, len(ticks))
			for i, t := range ticks {
				values[i] = t.Value
			}
			err = p.Valid(values)
		}
		return err
	})
	if err == nil && enough {
		err = ErrEnough
	}
	return ticks, err
}

func (l *linePrompter) Input(p Prompt, valid func(string) error) (string, error) {
	how := "Enter: none"
	if p.Example != "" {
		how = "for example " + p.Example + "; " + how
	}
	hint := "(" + l.words(p, how) + "):"
	text := ""
	err := l.ask(p, p.Title, hint, func(s string) error {
		if err := valid(s); err != nil {
			return err
		}
		text = s
		return nil
	})
	return text, err
}

// words is the hint's list of what a line takes besides the answers.
func (l *linePrompter) words(p Prompt, how string) string {
	w := how + "; " + HelpWord + ": help"
	if p.Back {
		w += "; " + BackWord
	}
	if p.Stop {
		w += "; " + DoneWord + ": show the result"
	}
	return w
}

// ask prints the question and its hint (after the question's id, which
// a line `id: answer` names) once, then reads lines until one is an answer: `?` prints the help and the hint again, `back` and `done`
// return ErrBack and ErrEnough where offered, and a line answer refuses
// is followed by why, and read again.
func (l *linePrompter) ask(p Prompt, question, hint string, answer func(string) error) error {
	hint = textwrap.Wrap(p.ID+": ", hint, l.width)
	fmt.Fprintf(l.out, "%s\n%s", l.fold(question), hint)
	for {
		line, fallback, err := l.next(p)
		if err != nil {
			return err
		}
		s := strings.TrimSpace(line)
		switch {
		case s == HelpWord:
			help := p.Help
			if help == "" {
				help = "No more to say than the question."
			}
			fmt.Fprintf(l.out, "%s\n%s", l.fold(help), hint)
			continue
		case p.Back && strings.EqualFold(s, BackWord):
			return ErrBack
		case p.Stop && strings.EqualFold(s, DoneWord):
			return ErrEnough
		}
		if err := answer(s); err != nil {
			if fallback {
				return ErrAborted // Enter alone is no answer here, and no line is left
			}
			fmt.Fprintf(l.out, "%s\n", l.fold(diag.Escape(err.Error())))
			continue
		}
		return nil
	}
}

// fold fits each line of s to the prompter's width, as textwrap does: a
// numbered option's rest under its text past the number ("  12. "), any
// other line's under its own indent.
func (l *linePrompter) fold(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		prefix := listNumber.FindString(line)
		if prefix == "" {
			prefix = line[:len(line)-len(strings.TrimLeft(line, " "))]
		}
		b.WriteString(textwrap.Wrap(prefix, line[len(prefix):], l.width))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// listNumber is the start of a numbered option's line.
var listNumber = regexp.MustCompile(`^ *[0-9]+\. `)

// readLine reads one answer line, without its line end. The end of input,
// a line too long and the end of the context come back as the errors run
// gives them.
func (l *linePrompter) readLine() (line string, err error) {
	if l.ctx.Err() != nil {
		return "", stopped(l.ctx)
	}
	defer func() {
		if r := recover(); r != nil {
			e, _ := r.(error)
			switch {
			case errors.Is(e, errStopped):
				err = stopped(l.ctx)
			case errors.Is(e, errInputExhausted):
				err = errEnded
			case errors.Is(e, ErrLineTooLong):
				err = ErrLineTooLong
			default:
				panic(r)
			}
		}
	}()
	var buf []byte
	chunk := make([]byte, 512)
	for {
		n, _ := l.in.Read(chunk)
		buf = append(buf, chunk[:n]...)
		if n > 0 && buf[len(buf)-1] == '\n' {
			break
		}
	}
	return strings.TrimRight(string(buf), "\r\n"), nil
}

// parseTicks reads "1, 3" or "fanout, ~replay" against options' numbers
// and values; "done" at the end, where p.Stop allows it, is enough, with
// what was ticked before it.
func parseTicks(s string, options []Option, p Prompt) (ticks []Tick, enough bool, err error) {
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if enough {
			return nil, false, fmt.Errorf("%q comes after %q: %s goes last", part, DoneWord, DoneWord)
		}
		if p.Stop && strings.EqualFold(part, DoneWord) {
			enough = true
			continue
		}
		nice := false
		if p.Marks && strings.HasPrefix(part, NiceMark) {
			nice, part = true, strings.TrimSpace(strings.TrimPrefix(part, NiceMark))
		}
		i, err := choose(part, options)
		if err != nil {
			return nil, false, err
		}
		ticks = append(ticks, Tick{Value: options[i].Value, Nice: nice})
	}
	return ticks, enough, nil
}

// choose finds one option by its number or its name (its Value, in any
// case).
func choose(part string, options []Option) (int, error) {
	i, convErr := strconv.Atoi(part)
	if convErr != nil {
		i = 0
		for j, o := range options {
			if strings.EqualFold(o.Value, part) {
				i = j + 1
				break
			}
		}
	}
	if i < 1 || i > len(options) {
		hint := ""
		if convErr != nil {
			names := make([]string, len(options))
			for j, o := range options {
				names[j] = o.Value
			}
			hint = diag.Suggest(part, names)
		}
		return 0, fmt.Errorf("%q is not one of the numbers 1 to %d or the names listed%s", part, len(options), hint)
	}
	return i - 1, nil
}

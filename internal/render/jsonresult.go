package render

import (
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/advisor-dev/advisor/internal/engine"
)

// ResultJSON writes a ranking as indented JSON, byte for byte what
// encoding/json would write (TestResultJSONMatchesEncodingJSON holds it to
// that), without reflection: a cold encoding/json costs more than the whole
// ranking, and `recommend --output json` runs once per process.
func ResultJSON(w io.Writer, res engine.Result) error {
	e := jsonWriter{buf: make([]byte, 0, 4096+len(res.Ranking)*2048)}
	e.result(res)
	e.buf = append(e.buf, '\n')
	_, err := w.Write(e.buf)
	return err
}

type jsonWriter struct {
	buf   []byte
	depth int
	first []bool // per open object or array: no member written yet
}

func (e *jsonWriter) open(c byte) {
	e.buf = append(e.buf, c)
	e.depth++
	e.first = append(e.first, true)
}

func (e *jsonWriter) close(c byte) {
	e.depth--
	wasEmpty := e.first[len(e.first)-1]
	e.first = e.first[:len(e.first)-1]
	if !wasEmpty {
		e.newline()
	}
	e.buf = append(e.buf, c)
}

func (e *jsonWriter) newline() {
	e.buf = append(e.buf, '\n')
	for i := 0; i < e.depth; i++ {
		e.buf = append(e.buf, ' ', ' ')
	}
}

// elem starts the next member of the open object or array.
func (e *jsonWriter) elem() {
	top := len(e.first) - 1
	if !e.first[top] {
		e.buf = append(e.buf, ',')
	}
	e.first[top] = false
	e.newline()
}

func (e *jsonWriter) key(k string) {
	e.elem()
	e.str(k)
	e.buf = append(e.buf, ':', ' ')
}

func (e *jsonWriter) kstr(k, v string)           { e.key(k); e.str(v) }
func (e *jsonWriter) kfloat(k string, v float64) { e.key(k); e.float(v) }

func (e *jsonWriter) kbool(k string, v bool) {
	e.key(k)
	e.buf = strconv.AppendBool(e.buf, v)
}

func (e *jsonWriter) kint(k string, v int) {
	e.key(k)
	e.buf = strconv.AppendInt(e.buf, int64(v), 10)
}

func (e *jsonWriter) strs(list []string) {
	if list == nil {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.open('[')
	for _, s := range list {
		e.elem()
		e.str(s)
	}
	e.close(']')
}

func (e *jsonWriter) result(r engine.Result) {
	e.open('{')
	e.kint("version", r.Version)
	if r.Title != "" {
		e.kstr("title", r.Title)
	}
	e.key("recommendation")
	if r.Recommendation == nil {
		e.buf = append(e.buf, "null"...)
	} else {
		e.open('{')
		e.kstr("id", r.Recommendation.ID)
		e.kstr("name", r.Recommendation.Name)
		e.kfloat("score", r.Recommendation.Score)
		e.close('}')
	}
	e.key("ranking")
	if r.Ranking == nil {
		e.buf = append(e.buf, "null"...)
	} else {
		e.open('[')
		for i := range r.Ranking {
			e.elem()
			e.ranked(&r.Ranking[i])
		}
		e.close(']')
	}
	if len(r.Excluded) > 0 {
		e.key("excluded")
		e.strs(r.Excluded)
	}
	if len(r.Hints) > 0 {
		e.key("hints")
		e.open('[')
		for _, h := range r.Hints {
			e.elem()
			e.open('{')
			e.kstr("when", h.When)
			e.kstr("because", h.Because)
			e.kfloat("weight", h.Weight)
			e.key("suits")
			e.strs(h.Suits)
			e.close('}')
		}
		e.close(']')
	}
	if len(r.WhatIf) > 0 {
		e.key("what_if")
		e.open('[')
		for _, w := range r.WhatIf {
			e.elem()
			e.open('{')
			e.kstr("kind", w.Kind)
			e.kstr("key", w.Key)
			if w.Want != "" {
				e.kstr("want", w.Want)
			}
			if w.Above != "" {
				e.kstr("above", w.Above)
			}
			if w.Effect != "" {
				e.kstr("effect", w.Effect)
			}
			e.kstr("then", w.Then)
			e.kstr("text", w.Text)
			e.close('}')
		}
		e.close(']')
	}
	e.close('}')
}

func (e *jsonWriter) ranked(r *engine.Ranked) {
	e.open('{')
	e.kstr("id", r.ID)
	e.kstr("name", r.Name)
	e.kstr("family", r.Family)
	e.kstr("paradigm", r.Paradigm)
	if len(r.Parts) > 0 {
		e.key("parts")
		e.strs(r.Parts)
	}
	e.kbool("eligible", r.Eligible)
	e.kfloat("score", r.Score)
	e.key("met")
	e.checks(r.Met)
	e.key("violations")
	e.checks(r.Violations)
	if len(r.Missed) > 0 {
		e.key("missed")
		e.checks(r.Missed)
	}
	e.key("notes")
	e.strs(r.Notes)
	e.key("breakdown")
	e.open('{')
	for _, p := range []struct {
		name string
		part *engine.Part
	}{{"fit", &r.Breakdown.Fit}, {"affinity", &r.Breakdown.Affinity}, {"simplicity", &r.Breakdown.Simplicity}} {
		e.key(p.name)
		e.open('{')
		e.kfloat("points", p.part.Points)
		e.kfloat("max", p.part.Max)
		if p.part.Effort != 0 {
			e.kint("effort", p.part.Effort)
		}
		if p.part.Note != "" {
			e.kstr("note", p.part.Note)
		}
		e.close('}')
	}
	e.close('}')
	e.close('}')
}

func (e *jsonWriter) checks(list []engine.Check) {
	if list == nil {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.open('[')
	for i := range list {
		c := &list[i]
		e.elem()
		e.open('{')
		e.kstr("key", c.Key)
		e.kstr("kind", c.Kind)
		e.kstr("want", c.Want)
		e.kstr("have", c.Have)
		if c.Condition != "" {
			e.kstr("condition", c.Condition)
		}
		e.kstr("reason", c.Reason)
		if c.Note != "" {
			e.kstr("note", c.Note)
		}
		e.kfloat("weight", c.Weight)
		e.kfloat("fit", c.Fit)
		e.close('}')
	}
	e.close(']')
}

// float writes f as encoding/json does.
func (e *jsonWriter) float(f float64) {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	e.buf = strconv.AppendFloat(e.buf, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		if n := len(e.buf); n >= 4 && e.buf[n-4] == 'e' && e.buf[n-3] == '-' && e.buf[n-2] == '0' {
			e.buf[n-2] = e.buf[n-1]
			e.buf = e.buf[:n-1]
		}
	}
}

const hexDigits = "0123456789abcdef"

// str writes s as a JSON string as encoding/json does with HTML escaping off.
func (e *jsonWriter) str(s string) {
	e.buf = append(e.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			e.buf = append(e.buf, s[start:i]...)
			switch b {
			case '\\', '"':
				e.buf = append(e.buf, '\\', b)
			case '\b':
				e.buf = append(e.buf, '\\', 'b')
			case '\f':
				e.buf = append(e.buf, '\\', 'f')
			case '\n':
				e.buf = append(e.buf, '\\', 'n')
			case '\r':
				e.buf = append(e.buf, '\\', 'r')
			case '\t':
				e.buf = append(e.buf, '\\', 't')
			default:
				e.buf = append(e.buf, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			e.buf = append(e.buf, s[start:i]...)
			e.buf = append(e.buf, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			e.buf = append(e.buf, s[start:i]...)
			e.buf = append(e.buf, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	e.buf = append(e.buf, s[start:]...)
	e.buf = append(e.buf, '"')
}

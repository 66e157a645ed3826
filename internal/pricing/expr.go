package pricing

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Expr is a parsed arithmetic expression of a price file: how many units a
// month, or how much capacity, from the workload's variables.
type Expr struct {
	src  string
	root node
}

// String is the expression as written.
func (e *Expr) String() string { return e.src }

// Eval computes the expression with vars; an unknown variable is an error.
func (e *Expr) Eval(vars map[string]float64) (float64, error) {
	return e.root.eval(vars)
}

// Vars lists the variables the expression reads.
func (e *Expr) Vars() []string {
	var out []string
	e.root.vars(&out)
	return out
}

type node interface {
	eval(map[string]float64) (float64, error)
	vars(*[]string)
}

type num float64

func (n num) eval(map[string]float64) (float64, error) { return float64(n), nil }
func (num) vars(*[]string)                             {}

type ident string

func (i ident) eval(v map[string]float64) (float64, error) {
	x, ok := v[string(i)]
	if !ok {
		return 0, fmt.Errorf("unknown variable %q", string(i))
	}
	return x, nil
}
func (i ident) vars(out *[]string) { *out = append(*out, string(i)) }

type binary struct {
	op   string
	l, r node
}

func (b binary) eval(v map[string]float64) (float64, error) {
	l, err := b.l.eval(v)
	if err != nil {
		return 0, err
	}
	r, err := b.r.eval(v)
	if err != nil {
		return 0, err
	}
	switch b.op {
	case "+":
		return l + r, nil
	case "-":
		return l - r, nil
	case "*":
		return l * r, nil
	case "/":
		if r == 0 {
			return 0, fmt.Errorf("division by zero")
		}
		return l / r, nil
	case ">":
		return truth(l > r), nil
	case "<":
		return truth(l < r), nil
	case ">=":
		return truth(l >= r), nil
	case "<=":
		return truth(l <= r), nil
	}
	return 0, fmt.Errorf("unknown operator %s", b.op)
}
func (b binary) vars(out *[]string) { b.l.vars(out); b.r.vars(out) }

func truth(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

type call struct {
	fn   string
	args []node
}

// functions are the functions an expression may call, with how many
// arguments each takes (-1: one or more).
var functions = map[string]int{"ceil": 1, "floor": 1, "max": -1, "min": -1, "if": 3, "chunks": 1}

func (c call) eval(v map[string]float64) (float64, error) {
	args := make([]float64, len(c.args))
	for i, a := range c.args {
		x, err := a.eval(v)
		if err != nil {
			return 0, err
		}
		args[i] = x
	}
	switch c.fn {
	case "ceil":
		return math.Ceil(args[0] - 1e-9), nil // a whole number computed in floats is not one more
	case "floor":
		return math.Floor(args[0] + 1e-9), nil
	case "max", "min":
		out := args[0]
		for _, a := range args[1:] {
			if c.fn == "max" {
				out = math.Max(out, a)
			} else {
				out = math.Min(out, a)
			}
		}
		return out, nil
	case "if":
		if args[0] != 0 {
			return args[1], nil
		}
		return args[2], nil
	case "chunks":
		size, ok := v["size"]
		if !ok {
			return 0, fmt.Errorf("chunks needs the variable size")
		}
		if args[0] <= 0 {
			return 0, fmt.Errorf("chunks takes a chunk size above 0")
		}
		return math.Max(1, math.Ceil(size/args[0]-1e-9)), nil
	}
	return 0, fmt.Errorf("unknown function %s", c.fn)
}
func (c call) vars(out *[]string) {
	if c.fn == "chunks" {
		*out = append(*out, "size")
	}
	for _, a := range c.args {
		a.vars(out)
	}
}

// maxExpr bounds an expression, as the file size bounds a file: nesting
// past it would only make the parser recurse.
const maxExpr = 1000

// ParseExpr reads an expression; the error says where it goes wrong.
func ParseExpr(src string) (*Expr, error) {
	if len(src) > maxExpr {
		return nil, fmt.Errorf("expression of %d characters: the limit is %d", len(src), maxExpr)
	}
	p := &parser{src: src}
	p.next()
	n, err := p.compare()
	if err != nil {
		return nil, err
	}
	if p.tok != "" {
		return nil, p.errorf("unexpected %q", p.tok)
	}
	return &Expr{src: src, root: n}, nil
}

type parser struct {
	src string
	pos int    // where the current token starts
	end int    // where it ends
	tok string // "" at the end
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("expression %q, at column %d: %s", p.src, p.pos+1, fmt.Sprintf(format, args...))
}

func (p *parser) next() {
	i := p.end
	for i < len(p.src) && p.src[i] == ' ' {
		i++
	}
	p.pos = i
	switch {
	case i >= len(p.src):
		p.tok, p.end = "", i
	case strings.HasPrefix(p.src[i:], ">=") || strings.HasPrefix(p.src[i:], "<="):
		p.tok, p.end = p.src[i:i+2], i+2
	case strings.ContainsRune("+-*/(),<>", rune(p.src[i])):
		p.tok, p.end = p.src[i:i+1], i+1
	default:
		j := i
		for j < len(p.src) && (unicode.IsLetter(rune(p.src[j])) || unicode.IsDigit(rune(p.src[j])) || p.src[j] == '_' || p.src[j] == '.') {
			j++
		}
		if j == i {
			j = i + 1 // one unknown character: reported by the caller
		}
		p.tok, p.end = p.src[i:j], j
	}
}

func (p *parser) compare() (node, error) {
	l, err := p.sum()
	if err != nil {
		return nil, err
	}
	for p.tok == ">" || p.tok == "<" || p.tok == ">=" || p.tok == "<=" {
		op := p.tok
		p.next()
		r, err := p.sum()
		if err != nil {
			return nil, err
		}
		l = binary{op, l, r}
	}
	return l, nil
}

func (p *parser) sum() (node, error) {
	l, err := p.product()
	if err != nil {
		return nil, err
	}
	for p.tok == "+" || p.tok == "-" {
		op := p.tok
		p.next()
		r, err := p.product()
		if err != nil {
			return nil, err
		}
		l = binary{op, l, r}
	}
	return l, nil
}

func (p *parser) product() (node, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.tok == "*" || p.tok == "/" {
		op := p.tok
		p.next()
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = binary{op, l, r}
	}
	return l, nil
}

func (p *parser) unary() (node, error) {
	if p.tok == "-" {
		p.next()
		n, err := p.unary()
		if err != nil {
			return nil, err
		}
		return binary{"-", num(0), n}, nil
	}
	return p.primary()
}

func (p *parser) primary() (node, error) {
	tok := p.tok
	switch {
	case tok == "":
		return nil, p.errorf("it ends where a number, a variable or ( is wanted")
	case tok == "(":
		p.next()
		n, err := p.compare()
		if err != nil {
			return nil, err
		}
		if p.tok != ")" {
			return nil, p.errorf("want ), not %q", p.tok)
		}
		p.next()
		return n, nil
	case tok[0] >= '0' && tok[0] <= '9' || tok[0] == '.':
		x, err := strconv.ParseFloat(tok, 64)
		if err != nil || math.IsInf(x, 0) {
			return nil, p.errorf("%q is not a number", tok)
		}
		p.next()
		return num(x), nil
	case unicode.IsLetter(rune(tok[0])) || tok[0] == '_':
		p.next()
		if p.tok != "(" {
			return ident(tok), nil
		}
		arity, ok := functions[tok]
		if !ok {
			return nil, p.errorf("unknown function %s: use ceil, floor, max, min, if or chunks", tok)
		}
		p.next()
		var args []node
		for p.tok != ")" {
			a, err := p.compare()
			if err != nil {
				return nil, err
			}
			args = append(args, a)
			if p.tok == "," {
				p.next()
				continue
			}
			if p.tok != ")" {
				return nil, p.errorf("want , or ) in %s(...), not %q", tok, p.tok)
			}
		}
		p.next()
		if arity >= 0 && len(args) != arity || arity < 0 && len(args) == 0 {
			return nil, p.errorf("%s takes %d argument(s), not %d", tok, max(arity, 1), len(args))
		}
		return call{tok, args}, nil
	}
	return nil, p.errorf("unexpected %q", tok)
}

// GobEncode writes the expression as its source: the start-up cache keeps
// price files decoded, and an expression is rebuilt from its text.
func (e *Expr) GobEncode() ([]byte, error) { return []byte(e.src), nil }

// GobDecode parses the source GobEncode wrote.
func (e *Expr) GobDecode(data []byte) error {
	parsed, err := ParseExpr(string(data))
	if err != nil {
		return err
	}
	*e = *parsed
	return nil
}

package pricing

import (
	"strings"
	"testing"
)

func TestExpr(t *testing.T) {
	vars := map[string]float64{"peak": 2500, "size": 2048, "consumers": 3, "hours": 730}
	for _, c := range []struct {
		src  string
		want float64
	}{
		{"1 + 2 * 3", 7},
		{"(1 + 2) * 3", 9},
		{"ceil(max(peak / 1000, peak * size / 1048576, 1))", 5},
		{"chunks(65536)", 1},
		{"chunks(1024)", 2},
		{"if(consumers > 2, consumers, 0) * hours", 2190},
		{"min(3, 1, 2) - -1", 2},
		{"ceil(3000 / 1000)", 3},
		{"10 >= 10", 1},
	} {
		e, err := ParseExpr(c.src)
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		got, err := e.Eval(vars)
		if err != nil || got != c.want {
			t.Errorf("%s = %v, %v; want %v", c.src, got, err, c.want)
		}
	}
}

func TestExprErrors(t *testing.T) {
	for src, want := range map[string]string{
		"1 +":        "it ends where",
		"foo(1)":     "unknown function foo",
		"ceil(1, 2)": "ceil takes 1 argument",
		"(1 + 2":     "want ), not",
		"1 $ 2":      "unexpected",
		"max()":      "max takes 1 argument",
		"1e999999":   "is not a number",
	} {
		if _, err := ParseExpr(src); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", src, err, want)
		}
	}
	e, _ := ParseExpr("shards * hours")
	if _, err := e.Eval(map[string]float64{"hours": 1}); err == nil || !strings.Contains(err.Error(), `unknown variable "shards"`) {
		t.Errorf("unknown variable: %v", err)
	}
}

func FuzzParseExpr(f *testing.F) {
	for _, s := range []string{"ceil(max(peak / 1000, 1))", "if(a > 1, b, c)", "((((", "1/0", "chunks(0)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 200 {
			return
		}
		e, err := ParseExpr(src)
		if err != nil {
			return
		}
		_, _ = e.Eval(map[string]float64{"size": 1024, "a": 1, "b": 2, "c": 3, "peak": 1})
	})
}

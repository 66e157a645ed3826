package requirements_test

import (
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/testfixture"
	"go.yaml.in/yaml/v3"
)

// loader reads requirements against the test fixture's catalog and
// services, so that these tests are about reading a file, not about the
// real keys and services.
func loader(t testing.TB) *requirements.Loader {
	t.Helper()
	return testfixture.Loader(testfixture.Base(t))
}

const full = `version: 1
title: Orders
context: |
  Three teams consume.
provider: acme
exclude: [broker, queue]
must:
  ordering: per-key
  fanout: true
  retention: 7d
  protocols: [mqtt, amqp]
prefer:
  serverless: true
  latency: {value: realtime, weight: 3}
`

func TestLoadFull(t *testing.T) {
	r, err := loader(t).Load("req.yaml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Orders" || r.Context != "Three teams consume.\n" || r.Provider != "acme" {
		t.Errorf("header: %+v", r)
	}
	if strings.Join(r.Exclude, ",") != "broker,queue" {
		t.Errorf("exclude %v", r.Exclude)
	}
	var keys []string
	for _, it := range r.Must {
		keys = append(keys, it.Key+"="+it.Value.String())
	}
	// catalog order, lists in catalog order, units normalised
	if got := strings.Join(keys, " "); got != "fanout=true ordering=per-key retention=7d protocols=amqp, mqtt" {
		t.Errorf("must: %s", got)
	}
	if len(r.Prefer) != 2 || r.Prefer[0].Key != "latency" || r.Prefer[0].Weight != 3 || r.Prefer[1].Weight != 1 {
		t.Errorf("prefer: %+v", r.Prefer)
	}
	if r.Must[0].Pos.String() != "req.yaml:9:3" {
		t.Errorf("position of fanout: %s", r.Must[0].Pos)
	}
}

// roundTrip loads text, writes it back out and loads what was written.
func roundTrip(t *testing.T, l *requirements.Loader, text string) (r, back *requirements.Requirements, out []byte) {
	t.Helper()
	r, err := l.Load("req.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if out, err = yaml.Marshal(r.Plain()); err != nil {
		t.Fatal(err)
	}
	if back, err = l.Load("out.yaml", out); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return r, back, out
}

// Writing requirements back out gives a file that loads to the same thing.
func TestPlainRoundTrip(t *testing.T) {
	_, r2, out := roundTrip(t, loader(t), full)
	out2, _ := yaml.Marshal(r2.Plain())
	if string(out) != string(out2) {
		t.Errorf("round trip changed:\n%s\n---\n%s", out, out2)
	}
}

// Written back, a quantity keeps every digit: a rounded number (70k/s for
// 70001/s) is another requirement, and can change the pick when the file
// is read again.
func TestPlainKeepsEveryNumber(t *testing.T) {
	const odd = "version: 1\nmust:\n  throughput: 70001/s\n  message_size: 262145B\n" +
		"prefer:\n  retention: 100001s\n  delay: {value: 0.5s, weight: 0.3}\n"
	r, r2, out := roundTrip(t, loader(t), odd)
	for i, it := range append(r.Must, r.Prefer...) {
		back := append(r2.Must, r2.Prefer...)[i]
		if back.Key != it.Key || back.Value.Num != it.Value.Num || back.Weight != it.Weight {
			t.Errorf("%s %v (weight %v) came back as %s %v (weight %v):\n%s", it.Key, it.Value.Num, it.Weight, back.Key, back.Value.Num, back.Weight, out)
		}
	}
}

// A quantity is written back as the user wrote it, from a file or a flag;
// a rate's optional "/s" is added, so that 500 is not a quoted number.
func TestPlainKeepsTheUsersUnit(t *testing.T) {
	l := loader(t)
	r, err := l.Load("req.yaml", []byte("version: 1\nmust:\n  throughput: 500\n  retention: 0.5d\n"))
	if err != nil {
		t.Fatal(err)
	}
	it, err := requirements.ParsePrefer(l.Catalog, "message_size=1500KiB:2")
	if err != nil {
		t.Fatal(err)
	}
	r.Set(l.Catalog, it, false)
	out, err := yaml.Marshal(r.Plain())
	if err != nil {
		t.Fatal(err)
	}
	const want = "must:\n    retention: 0.5d\n    throughput: 500/s\nprefer:\n    message_size: {value: 1500KiB, weight: 2}\n"
	if !strings.HasSuffix(string(out), want) {
		t.Errorf("got\n%s\nwant it to end with\n%s", out, want)
	}
}

// Any title or context is written so that it reads back the same. The
// YAML encoder writes a text with a line break that starts with a tab as a
// literal block its own parser refuses; that came back as `null`.
func TestPlainWritesAnyText(t *testing.T) {
	l := loader(t)
	for _, text := range []string{"\tx\n", "\t注文\n", " x\n", "x\n\t", "a\r\nb", "a\rb\n", "\u2028x\u0085", "\ufeffx", "```\n", "\x1b[31m\n", "x \n\n"} {
		r, err := l.Load("req.yaml", []byte("version: 1\n"))
		if err != nil {
			t.Fatal(err)
		}
		r.Title, r.Context = text, text
		out, err := yaml.Marshal(r.Plain())
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		back, err := l.Load("out.yaml", out)
		if err != nil || back.Title != text || back.Context != text {
			t.Errorf("%q written as\n%s\nreads back as %+v, %v", text, out, back, err)
		}
	}
}

func TestEmptySectionsAskNothing(t *testing.T) {
	r, err := loader(t).Load("req.yaml", []byte("version: 1\nmust:\nprefer: {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Must)+len(r.Prefer) != 0 {
		t.Errorf("got %+v", r)
	}
}

func TestSetOverrides(t *testing.T) {
	l := loader(t)
	r, _ := l.Load("req.yaml", []byte(full))
	it, err := requirements.ParsePrefer(l.Catalog, "fanout=false:2")
	if err != nil {
		t.Fatal(err)
	}
	r.Set(l.Catalog, it, false)
	if _, must, ok := r.Find("fanout"); !ok || must {
		t.Errorf("fanout should now be a prefer")
	}
	if err := r.AddExclude("nope", l.IDs); err == nil || !strings.Contains(err.Error(), "unknown service") {
		t.Errorf("AddExclude(nope) = %v", err)
	}
}

// FuzzParseRequirements: any bytes give requirements or an error, never a
// panic; accepted requirements survive a write and re-read unchanged.
func FuzzParseRequirements(f *testing.F) {
	l := loader(f)
	for _, s := range []string{
		full,
		"version: 1\nmust: {ordering: strict, delivery: exactly-once}\n",
		"version: 1\nprefer: {latency: {value: realtime, weight: 2.5}}\n",
		"version: 1\nexclude: queue\nmust:\n  throughput: 20k/s\n  message_size: 1MiB\n  delay: 15m\n",
		"a: &a [*a]\n",
		"version: 1\n---\nversion: 1\n",
		"version: 1\nmust: {retention: unlimited, targets: [object-store, function]}\n",
		"version: 1\nprovider: acme\nregion: us-gov-west-1\n",
		"version: 1\nuse_case: [work-queue, broadcast, work-queue]\nregion: eu-west-1\n",
		"version: 1\nuse_case: event-sourcing\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := l.Load("fuzz.yaml", data)
		if err != nil {
			return
		}
		out, err := yaml.Marshal(r.Plain())
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		r2, err := l.Load("again.yaml", out)
		if err != nil {
			t.Fatalf("written requirements do not load: %v\n%s", err, out)
		}
		out2, _ := yaml.Marshal(r2.Plain())
		if string(out) != string(out2) {
			t.Fatalf("round trip changed:\n%s\n---\n%s", out, out2)
		}
	})
}

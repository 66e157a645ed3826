// Package embedded loads the rules and knowledge compiled into the binary
// (rules/ and knowledge/, embedded as YAML). Parsing all of that YAML takes
// several milliseconds, more than the rest of a run, so a decoded copy
// (cache/, written by `make generate`) is embedded beside it and used when
// its digest matches the YAML; when it does not (the YAML was edited since),
// the YAML is parsed: slower, never wrong.
package embedded

import (
	"bytes"
	_ "embed"
	"encoding/gob"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/ruleset"
	"github.com/advisor-dev/advisor/knowledge"
	"github.com/advisor-dev/advisor/rules"
)

// The cache: the digest of what it was made from, and the rules and the
// knowledge as two gob streams, so that commands that need only the rules
// (the command line's flags come from the catalog) do not decode the rest.
var (
	//go:embed cache/digest
	cachedDigest string
	//go:embed cache/rules.gob
	cachedRules []byte
	//go:embed cache/knowledge.gob
	cachedKnowledge []byte
)

// Loaded are the embedded rules and knowledge: the knowledge as read, for
// overlays to be layered on, and the knowledge base it makes alone.
type Loaded struct {
	Rules     *ruleset.Set
	Knowledge *kb.Dir
	Base      *kb.Base
}

type knowledgeCache struct {
	Dir      kb.Dir
	Combined []*kb.Service
}

// fresh reports once per process whether the cache was made from the
// embedded YAML (and the Go types it decodes into).
var fresh = sync.OnceValue(func() bool { return cachedDigest == Digest() })

// Rules returns the embedded rules, from the cache when it is fresh, else
// from the YAML; once per process. Callers must not change what they get.
var Rules = sync.OnceValues(func() (*ruleset.Set, error) {
	if fresh() {
		return cachedRuleset()
	}
	loaded, err := fromYAML()
	if err != nil {
		return nil, err
	}
	return loaded.Rules, nil
})

// fromYAML parses the embedded YAML, once, when the cache is stale.
var fromYAML = sync.OnceValues(func() (*Loaded, error) {
	_, loaded, err := parsed()
	return loaded, err
})

// Load returns the embedded rules and knowledge, from the cache when it is
// fresh, else from the YAML; once per process. Callers must not change what
// they get.
var Load = sync.OnceValues(func() (*Loaded, error) {
	if !fresh() {
		return fromYAML()
	}
	set, err := Rules()
	if err != nil {
		return nil, err
	}
	var k knowledgeCache
	if err := decode(cachedKnowledge, &k); err != nil {
		return nil, fmt.Errorf("embedded knowledge: %w", err) // a bug: the digest matched
	}
	all := append(slices.Clone(k.Dir.Services), k.Combined...)
	for _, s := range all {
		s.Facts, s.Measures = s.Variants[0].Facts, s.Variants[0].Measures // left out of the cache
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return &Loaded{set, &k.Dir, &kb.Base{Providers: k.Dir.Providers, Services: all, Prices: k.Dir.Prices, Digest: k.Dir.Digest}}, nil
})

// Fresh reports whether the embedded cache matches the embedded YAML.
func Fresh() bool {
	_, err := cachedRuleset()
	var k knowledgeCache
	return cachedDigest == Digest() && err == nil && decode(cachedKnowledge, &k) == nil
}

// parsed is the embedded rules and knowledge from the YAML.
func parsed() (*ruleset.Set, *Loaded, error) {
	set, dir, err := Parse()
	if err != nil {
		return nil, nil, err
	}
	base, err := kb.Assemble(kb.Context{Rules: set, Providers: dir.Providers}, dir)
	if err != nil {
		return nil, nil, err
	}
	return set, &Loaded{set, dir, base}, nil
}

// Parse reads the embedded YAML: what the cache stands for.
func Parse() (*ruleset.Set, *kb.Dir, error) {
	set, err := ruleset.Load(ruleset.FromFS(rules.FS, "rules/"))
	if err != nil {
		return nil, nil, err
	}
	ctx := kb.Context{Rules: set}
	dir, err := kb.LoadDir(knowledge.FS, "knowledge/", ctx)
	if err != nil {
		return nil, nil, err
	}
	if err := dir.Incomplete(ctx).Err(); err != nil {
		return nil, nil, err
	}
	return set, dir, nil
}

// cachedRuleset decodes the cache's rules (whether they are fresh is the
// digest's to say).
func cachedRuleset() (*ruleset.Set, error) {
	var parts ruleset.Parts
	if err := decode(cachedRules, &parts); err != nil {
		return nil, err
	}
	return ruleset.FromParts(parts)
}

func decode(data []byte, into any) error {
	return gob.NewDecoder(bytes.NewReader(data)).Decode(into)
}

func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(v)
	return buf.Bytes(), err
}

// WriteCache writes a fresh cache, parsed from the YAML, into dir/cache.
func WriteCache(dir string) error {
	set, loaded, err := parsed()
	if err != nil {
		return err
	}
	rulesData, err := encode(set.Parts())
	if err != nil {
		return err
	}
	// A service's Facts and Measures are its default variant's: gob would
	// write them twice, so the cache leaves them out and Load puts them back.
	lean := func(s *kb.Service) *kb.Service {
		c := *s
		c.Facts, c.Measures = nil, nil
		return &c
	}
	var combined []*kb.Service
	for _, s := range loaded.Base.Services {
		if len(s.Parts) > 0 {
			combined = append(combined, lean(s))
		}
	}
	knowledge := *loaded.Knowledge
	knowledge.Services = nil
	for _, s := range loaded.Knowledge.Services {
		knowledge.Services = append(knowledge.Services, lean(s))
	}
	knowledgeData, err := encode(knowledgeCache{knowledge, combined})
	if err != nil {
		return err
	}
	for name, data := range map[string][]byte{"rules.gob": rulesData, "knowledge.gob": knowledgeData, "digest": []byte(Digest())} {
		if err := os.WriteFile(filepath.Join(dir, "cache", name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Digest identifies the embedded YAML and the shape of the cache's Go
// types, so that a cache is used only for the YAML and the code it was
// made from. It guards against staleness, not attack, so it is a CRC
// (hardware-fast, no tables to build) rather than a cryptographic hash,
// read through one small buffer: it runs at every start.
func Digest() string {
	h := crc32.NewIEEE()
	buf := make([]byte, 32<<10)
	for _, fsys := range []fs.FS{rules.FS, knowledge.FS} {
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			f, err := fsys.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			_, _ = io.WriteString(h, p+"\n") // hashes do not fail
			_, err = io.CopyBuffer(h, f, buf)
			return err
		})
	}
	var shape strings.Builder
	for _, v := range []any{ruleset.Parts{}, knowledgeCache{}} {
		typeShape(&shape, reflect.TypeOf(v), map[reflect.Type]bool{})
	}
	_, _ = io.WriteString(h, shape.String())
	return fmt.Sprintf("%08x", h.Sum32())
}

// typeShape writes t's fields, recursively, so that a change to the
// cached types makes a new digest.
func typeShape(b *strings.Builder, t reflect.Type, seen map[reflect.Type]bool) {
	b.WriteString(t.String())
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		b.WriteByte('<')
		typeShape(b, t.Elem(), seen)
		b.WriteByte('>')
	case reflect.Map:
		b.WriteByte('<')
		typeShape(b, t.Key(), seen)
		typeShape(b, t.Elem(), seen)
		b.WriteByte('>')
	case reflect.Struct:
		if seen[t] {
			return
		}
		seen[t] = true
		b.WriteByte('{')
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			b.WriteString(f.Name + ":")
			typeShape(b, f.Type, seen)
			b.WriteByte(';')
		}
		b.WriteByte('}')
	}
}

// Base is the embedded rules and the knowledge base they make alone.
func Base() (*ruleset.Set, *kb.Base, error) {
	e, err := Load()
	if err != nil {
		return nil, nil, err
	}
	return e.Rules, e.Base, nil
}

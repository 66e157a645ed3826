package kb

import (
	"github.com/advisor-dev/advisor/internal/pricing"

	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/yamlx"
)

// Dir is what one knowledge directory holds, as read and checked file by
// file: providers/*.yaml, services/*.yaml (or *.yaml at its root),
// combinations/*.yaml, and prices/*.yaml and prices/*/*.yaml.
type Dir struct {
	Providers    []Provider
	Services     []*Service
	Combinations []*Combination
	// Prices are the services' prices (prices/*.yaml, and one directory
	// down: prices/<region>/*.yaml), one file per service and Region.
	Prices []*pricing.File
	// Digest is the SHA-256 of the directory's files (names and contents).
	Digest string
}

// Empty reports whether the directory held no entry at all (a directory
// of prices alone, such as `advisor prices import` writes, is not empty).
func (d *Dir) Empty() bool {
	return len(d.Providers)+len(d.Services)+len(d.Combinations)+len(d.Prices) == 0
}

// maxEntries bounds a knowledge directory, as the file size bounds one entry.
const maxEntries = 100_000

// LoadDir reads a knowledge directory; prefix is put before file names in
// messages. Entries are checked against ctx's rules and providers together
// with the directory's own providers. Every problem of every file is
// reported at once.
func LoadDir(fsys fs.FS, prefix string, ctx Context) (*Dir, error) {
	var errs diag.List
	// The *.yaml files of dirs. A directory that cannot be read is an
	// error (fs.Glob would skip it without a word, and its entries with it).
	list := func(dirs ...string) []string {
		var files []string
		for _, dir := range dirs {
			entries, err := fs.ReadDir(fsys, dir)
			switch {
			case errors.Is(err, fs.ErrNotExist) && dir != ".":
				continue // providers/, services/ and combinations/ are each optional
			case err != nil:
				where := prefix + dir
				if dir == "." {
					where = strings.TrimSuffix(prefix, "/")
				}
				errs.Add(diag.Pos{File: where}, "cannot list the directory: %s", diag.Reason(err))
				continue
			}
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".yaml") {
					files = append(files, path.Join(dir, e.Name()))
				}
			}
		}
		return files
	}
	// prices/*.yaml and prices/<any>/*.yaml: `advisor prices import`
	// writes one directory per Region.
	listPrices := func() []string {
		files := list("prices")
		entries, err := fs.ReadDir(fsys, "prices")
		if err != nil {
			return files // said by list, or no prices/
		}
		for _, e := range entries {
			if e.IsDir() {
				files = append(files, list(path.Join("prices", e.Name()))...)
			}
		}
		return files
	}
	providers, services, combos, prices := list("providers"), list(".", "services"), list("combinations"), listPrices()
	if n := len(providers) + len(services) + len(combos) + len(prices); n > maxEntries {
		return nil, diag.List{{Pos: diag.Pos{File: strings.TrimSuffix(prefix, "/")}, Msg: fmt.Sprintf("%d entries; the limit is %d", n, maxEntries)}}
	}
	d := &Dir{}
	digest := sha256.New()
	read := func(paths []string) []file {
		files := readAll(fsys, prefix, paths, &errs)
		for _, f := range files {
			fmt.Fprintf(digest, "%s %d\n", strings.TrimPrefix(f.name, prefix), len(f.data))
			digest.Write(f.data)
		}
		return files
	}
	for _, f := range read(providers) {
		p, err := ParseProvider(f.name, f.data)
		errs.Append(diag.Pos{File: f.name}, err)
		if err == nil {
			d.Providers = append(d.Providers, *p)
		}
	}
	ctx.Providers = mergeByID(ctx.Providers, d.Providers, func(p Provider) string { return p.ID })
	for _, f := range read(services) {
		s, err := ParseService(f.name, f.data, &ctx)
		errs.Append(diag.Pos{File: f.name}, err)
		if err == nil {
			d.Services = append(d.Services, s)
		}
	}
	for _, f := range read(combos) {
		c, err := ParseCombination(f.name, f.data, &ctx)
		errs.Append(diag.Pos{File: f.name}, err)
		if err == nil {
			d.Combinations = append(d.Combinations, c)
		}
	}
	var hosts []string
	for _, p := range ctx.Providers {
		hosts = append(hosts, p.Sources...)
	}
	for _, f := range read(prices) {
		p, err := pricing.Parse(f.name, f.data, hosts)
		errs.Append(diag.Pos{File: f.name}, err)
		if err == nil {
			d.Prices = append(d.Prices, p)
		}
	}
	d.Digest = hex.EncodeToString(digest.Sum(nil))
	errs = append(errs, duplicateIDs(d)...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

// duplicateIDs reports ids used twice within one directory.
func duplicateIDs(d *Dir) diag.List {
	var errs diag.List
	seen := map[string]string{}
	claim := func(id, file string, at diag.Pos) {
		if first, dup := seen[id]; dup {
			errs.Add(at, "id %q is also used by %s", id, first)
			return
		}
		seen[id] = file
	}
	for _, s := range d.Services {
		claim(s.ID, s.File, s.At.ID)
	}
	for _, c := range d.Combinations {
		claim(c.ID, c.File, c.At.ID)
	}
	return errs
}

// ParseProvider reads and checks one provider file.
func ParseProvider(name string, data []byte) (*Provider, error) {
	root, err := yamlx.Parse(name, data)
	if err != nil {
		return nil, err
	}
	var p struct {
		Version  int `yaml:"version"`
		Provider `yaml:",inline"`
	}
	if err := yamlx.Decode(name, root, &p); err != nil {
		return nil, err
	}
	at := func(key string) diag.Pos { return yamlx.Pos(name, yamlx.Lookup(root, key)) }
	var errs diag.List
	if p.Version != 1 {
		errs.Add(at("version"), "version must be 1, not %d", p.Version)
	}
	if !validID(p.ID) {
		errs.Add(at("id"), "id %q must be lower-case letters, digits and dashes", p.ID)
	}
	if p.Name == "" {
		errs.Add(at("name"), "name is missing")
	}
	if len(p.Families) == 0 {
		errs.Add(at("families"), "families is missing: list the families of services, in the order reports show them")
	}
	seen := map[string]bool{}
	for i, f := range p.Families {
		pos := yamlx.Pos(name, nth(yamlx.Lookup(root, "families"), i))
		switch {
		case !validID(f.ID) || f.ID == CombinationFamily:
			errs.Add(pos, "family id %q must be lower-case letters, digits and dashes, and not %q", f.ID, CombinationFamily)
		case seen[f.ID]:
			errs.Add(pos, "family %q is listed twice", f.ID)
		case f.Name == "":
			errs.Add(pos, "family %q needs a name", f.ID)
		}
		seen[f.ID] = true
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	p.File, p.At = name, at("id")
	return &p.Provider, nil
}

// Assemble layers directories in order (a later entry replaces an earlier
// one with the same id; a service and a combination may not share one: the
// later file is blamed) and builds the combinations from their parts.
func Assemble(ctx Context, dirs ...*Dir) (*Base, error) {
	var providers []Provider
	var services []*Service
	var combos []*Combination
	var prices []*pricing.File
	var errs diag.List
	// The file of each id so far, by kind: a lookup per entry, where a
	// search of every entry before it made 20,000 entries take minutes.
	serviceFile, combinationFile := map[string]string{}, map[string]string{}
	for _, d := range dirs {
		providers = mergeByID(providers, d.Providers, func(p Provider) string { return p.ID })
		for _, s := range d.Services {
			if file, clash := combinationFile[s.ID]; clash {
				errs.Add(s.At.ID, "id %q is the id of the combination in %s; give the service its own", s.ID, file)
			}
		}
		for _, c := range d.Combinations {
			if file, clash := serviceFile[c.ID]; clash {
				errs.Add(c.At.ID, "id %q is the id of the service in %s; give the combination its own", c.ID, file)
			}
		}
		for _, s := range d.Services {
			serviceFile[s.ID] = s.File
		}
		for _, c := range d.Combinations {
			combinationFile[c.ID] = c.File
		}
		services = mergeByID(services, d.Services, func(s *Service) string { return s.ID })
		combos = mergeByID(combos, d.Combinations, func(c *Combination) string { return c.ID })
		prices = mergeByID(prices, d.Prices, func(p *pricing.File) string { return p.Service + " " + p.Region })
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	built, err := Combine(services, combos, ctx.Rules)
	if err != nil {
		return nil, err
	}
	all := append(slices.Clone(services), built...)
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	var errs2 diag.List
	for _, p := range prices {
		if _, ok := serviceFile[p.Service]; !ok {
			errs2.Add(p.At, "prices for unknown service %q%s", p.Service, diag.Suggest(p.Service, keys(serviceFile)))
		}
	}
	if err := errs2.Err(); err != nil {
		return nil, err
	}
	return &Base{Providers: providers, Services: all, Prices: prices, Digest: digestOf(dirs)}, nil
}

// digestOf identifies layered directories: the one's own digest, or the
// SHA-256 of their digests in order.
func digestOf(dirs []*Dir) string {
	if len(dirs) == 1 {
		return dirs[0].Digest
	}
	h := sha256.New()
	for _, d := range dirs {
		fmt.Fprintln(h, d.Digest)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// mergeByID replaces items of base with over's items of the same id, in
// place, and appends the new ones.
func mergeByID[T any](base, over []T, id func(T) string) []T {
	out := slices.Clone(base)
	at := make(map[string]int, len(out))
	for i, b := range out {
		at[id(b)] = i
	}
	for _, o := range over {
		if i, ok := at[id(o)]; ok {
			out[i] = o
		} else {
			at[id(o)] = len(out)
			out = append(out, o)
		}
	}
	return out
}

// file is one file's name for messages and its contents.
type file struct {
	name string
	data []byte
}

// readAll reads files from fsys, reporting the unreadable ones to errs.
func readAll(fsys fs.FS, prefix string, paths []string, errs *diag.List) []file {
	var out []file
	for _, p := range paths {
		name := prefix + p
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs.Add(diag.Pos{File: name}, "%s", diag.Reason(err))
			continue
		}
		out = append(out, file{name, data})
	}
	return out
}

// Incomplete reports every service of d that has no fact for some catalog
// key: the embedded knowledge base must have none (an overlay may, when it
// adds a key, and then those services cannot meet a must on it).
func (d *Dir) Incomplete(ctx Context) diag.List {
	var errs diag.List
	for _, s := range d.Services {
		if missing := s.Missing(&ctx.Rules.Catalog); len(missing) > 0 {
			errs.Add(diag.Pos{File: s.File}, "no fact for %s; every entry (and every variant) needs one for each catalog key", strings.Join(missing, ", "))
		}
		if s.Suits.Empty() {
			errs.Add(s.At.ID, "%s lists no use case it suits (suits: primary, secondary); reports match them to the user's use_case", s.ID)
		}
		if len(s.Consequences) == 0 {
			errs.Add(s.At.ID, "%s lists no consequences; decision records list what choosing it means", s.ID)
		}
		// A batch stamp hides which facts were really read: one date on
		// every line is believed only when the entry says it was re-read
		// whole that day.
		if day := s.OneDay(); day != "" && !strings.Contains(s.Note, day) {
			errs.Add(s.At.ID, "every fact of %s is dated %s; date each fact the day its page was read, or say in the entry's note that the whole entry was re-read on %s", s.ID, day, day)
		}
	}
	return errs
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

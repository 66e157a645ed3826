package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/advisor-dev/advisor/internal/embedded"
	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/ruleset"
	"github.com/advisor-dev/advisor/knowledge"
	"github.com/advisor-dev/advisor/rules"
)

// Sources are where rules and knowledge come from besides the embedded defaults.
type Sources struct {
	RulesDir      string   // keys and rules here add to or replace the embedded ones
	KnowledgeDirs []string // entries here add to or replace embedded entries by id
}

// Loaded is the rules and knowledge a command works with.
type Loaded struct {
	Rules *ruleset.Set
	Base  *kb.Base
}

// loadSources reads the embedded rules and knowledge and any overlays.
func loadSources(src Sources) (*Loaded, error) {
	if src.RulesDir == "" && len(src.KnowledgeDirs) == 0 {
		e, err := embedded.Load()
		if err != nil {
			return nil, err // a bug: the embedded files are tested
		}
		return &Loaded{Rules: e.Rules, Base: e.Base}, nil
	}
	set, embeddedDir, err := embeddedSources(src)
	if err != nil {
		return nil, err
	}
	dirs := []*kb.Dir{embeddedDir}
	ctx := kb.Context{Rules: set, Providers: embeddedDir.Providers}
	for _, dir := range src.KnowledgeDirs {
		if err := checkDir(dir, "--knowledge"); err != nil {
			return nil, err
		}
		fsys, prefix := dirFS(dir), filepath.Clean(dir)+string(filepath.Separator)
		d, err := kb.LoadDir(fsys, prefix, ctx)
		if err != nil {
			return nil, inputError(err)
		}
		if d.Empty() {
			return nil, inputErrorf("%s: no knowledge entries (*.yaml, services/*.yaml, combinations/*.yaml, providers/*.yaml or prices/*.yaml)", filepath.Clean(dir))
		}
		ctx.Providers = append(ctx.Providers, d.Providers...)
		dirs = append(dirs, d)
	}
	base, err := kb.Assemble(ctx, dirs...)
	if err != nil {
		return nil, inputError(err)
	}
	return &Loaded{Rules: set, Base: base}, nil
}

// embeddedSources are the embedded rules, with the --rules overlay if any,
// and the embedded knowledge judged against them.
func embeddedSources(src Sources) (*ruleset.Set, *kb.Dir, error) {
	if src.RulesDir == "" {
		e, err := embedded.Load()
		if err != nil {
			return nil, nil, err // a bug: the embedded files are tested
		}
		return e.Rules, e.Knowledge, nil
	}
	if err := checkDir(src.RulesDir, "--rules"); err != nil {
		return nil, nil, err
	}
	fsys := dirFS(src.RulesDir)
	overlay := func(file string) (string, []byte, error) {
		data, err := fsys.ReadFile(file)
		return filepath.Join(src.RulesDir, file), data, err
	}
	set, err := ruleset.Load(ruleset.FromFS(rules.FS, "rules/"), overlay)
	if err != nil {
		return nil, nil, inputError(err)
	}
	// Other rules: the embedded knowledge is judged against them afresh.
	dir, err := kb.LoadDir(knowledge.FS, "knowledge/", kb.Context{Rules: set})
	if err != nil {
		return nil, nil, inputError(fmt.Errorf("the embedded knowledge under --rules %s:\n%w", src.RulesDir, err))
	}
	return set, dir, nil
}

// Loader is a requirements loader that knows this knowledge base.
func (l *Loaded) Loader() *requirements.Loader {
	return &requirements.Loader{Catalog: &l.Rules.Catalog, IDs: l.Base.IDs(), Providers: l.Base.ProviderIDs()}
}

func checkDir(dir, flag string) error {
	st, err := os.Stat(dir)
	switch {
	case err != nil:
		return inputErrorf("%s %s: %v", flag, dir, pathError(err))
	case !st.IsDir():
		return inputErrorf("%s %s: not a directory", flag, dir)
	}
	return nil
}

// regularFS is a directory on disk whose files are read as readRegular
// reads them: regular files only, refused over the size cap before they are
// read. Its errors name files by their names in the directory.
type regularFS struct {
	fs.FS
	dir string
}

func dirFS(dir string) regularFS { return regularFS{os.DirFS(dir), dir} }

func (r regularFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	data, err := readRegular(filepath.Join(r.dir, filepath.FromSlash(name)))
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return data, err
}

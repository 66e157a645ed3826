package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/advisor-dev/advisor/internal/adr"
	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/iostreams"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/render"
	"github.com/advisor-dev/advisor/internal/report"
	"github.com/advisor-dev/advisor/internal/requirements"
	"github.com/advisor-dev/advisor/internal/version"
)

// reportOptions are the flags that shape a report, shared by recommend and ask.
type reportOptions struct {
	Output    string
	Top       int
	ADRFormat string
	Date      string
	Makers    []string
	Consulted []string
	Informed  []string
	Explain   bool
	// Choose is an option the team chooses over the advisor's pick, and
	// Because why: the record keeps both, and check holds it to its musts.
	Choose  string
	Because string
}

// requirementsYAML writes requirements as a version-1 file, with any
// character of a title or context that a terminal would act on escaped the
// YAML way (it reads back the same).
func requirementsYAML(req *requirements.Requirements) ([]byte, error) {
	var buf bytes.Buffer
	if err := render.YAMLDocument(&buf, req.Plain()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// present ranks, renders and maps "no eligible service" to exit 3.
func present(io *iostreams.IOStreams, req *requirements.Requirements, loaded *Loaded, o reportOptions) error {
	res := engine.Rank(req, loaded.Base, loaded.Rules)
	if o.Output == "id" {
		return writeID(io.Out, res)
	}
	res.WhatIf = engine.WhatIfs(req, loaded.Base, loaded.Rules, res)
	res.Relax = engine.Relaxations(req, loaded.Base, loaded.Rules, res)
	engine.Costs(req, loaded.Base, loaded.Rules, &res)
	if o.Output == "json" || o.Output == "yaml" {
		if o.Top > 0 && o.Top < len(res.Ranking) {
			res.Ranking = res.Ranking[:o.Top]
		}
		if err := render.Result(io.Out, o.Output, res, report.Word(res, loaded.Rules), versionInfo(loaded)); err != nil {
			return err
		}
	} else {
		top := o.Top
		if o.Output == "adr" {
			top = 0
		}
		rep := report.Build(res, req, loaded.Rules, top)
		if o.Explain {
			rep.Explain = report.Explain(res, rep.Sentences)
		}
		var err error
		if o.Output == "adr" {
			err = writeADR(io.Out, req, loaded, res, rep, o, recordPlace{})
		} else {
			err = render.Write(io.Out, o.Output, rep, render.Style{Color: io.ColorEnabled(), Width: io.TerminalWidth()})
		}
		if err != nil {
			return err
		}
	}
	if res.Recommendation == nil {
		return &ExitError{Code: ExitNoEligible}
	}
	return nil
}

// writeID writes the pick's id alone, for a script to read; with no pick
// it writes nothing, so that a script cannot take an empty line for an
// id, and says why on standard error.
func writeID(w io.Writer, res engine.Result) error {
	if res.Recommendation == nil {
		return &ExitError{Code: ExitNoEligible, Err: errors.New("no service meets every must; --output table shows the closest and what to relax")}
	}
	_, err := fmt.Fprintln(w, res.Recommendation.ID)
	return err
}

// writeADR writes the decision record for a ranking; number heads a Nygard record.
// recordPlace is what a record written into the records' directory knows
// that a printed one does not: its number, its path and the record it
// supersedes. The zero value is a printed record.
type recordPlace struct {
	Number     int
	Path       string // as CI names it (ciPath)
	Supersedes *adr.Link
}

func writeADR(w io.Writer, req *requirements.Requirements, loaded *Loaded, res engine.Result, rep report.Report, o reportOptions, at recordPlace) error {
	reqYAML, err := requirementsYAML(req)
	if err != nil {
		return err
	}
	if o.Choose != "" {
		r, ok := rankedOf(res, o.Choose)
		switch {
		case !ok:
			return inputErrorf("--choose %s: no such service among those ranked", o.Choose)
		case !r.Eligible:
			return inputErrorf("--choose %s: it misses %s, so it cannot be chosen", o.Choose, rep.Sentences.Services[o.Choose].Misses)
		}
	}
	var doc strings.Builder
	err = adr.Write(&doc, adr.Record{
		Format: o.ADRFormat, Number: at.Number, Path: at.Path, Supersedes: at.Supersedes, Date: o.Date, Title: req.Title, Context: req.Context,
		Makers: o.Makers, Consulted: o.Consulted, Informed: o.Informed,
		Result: res, Report: rep, Catalog: &loaded.Rules.Catalog, Base: loaded.Base,
		Requirements: string(reqYAML), Top: o.Top, UseCases: req.UseCases,
		Advisor: version.Advisor(), RulesDigest: loaded.Rules.Digest,
		Choose: o.Choose, Reason: o.Because,
	})
	if err != nil {
		return err
	}
	// A record is Markdown that terminals and review tools show: the
	// titles, names and notes in it from input are shown escaped, like the
	// other human formats. Its requirements block (requirementsYAML) holds
	// no character to escape, so check reads back the same requirements.
	_, err = io.WriteString(w, diag.Escape(doc.String()))
	return err
}

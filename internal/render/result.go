package render

import (
	"io"
	"math"
	"slices"

	"github.com/advisor-dev/advisor/internal/engine"
	"github.com/advisor-dev/advisor/internal/report"
	"github.com/advisor-dev/advisor/internal/version"
)

// Result writes a ranking with its sentences as the result document of the
// spec, in format json or yaml (the YAML is the same document); made says
// which advisor and knowledge made it. The caller passes it in, so that a
// test can fix what the build would otherwise decide.
func Result(w io.Writer, format string, res engine.Result, said report.Sentences, made version.Info) error {
	doc := newResultDoc(res, said, made)
	switch format {
	case "json":
		return JSON(w, doc)
	case "yaml":
		return YAML(w, doc)
	}
	return unsupported(format)
}

// The result document: field order, omitempty and the lists that are
// always arrays are the spec's; its golden files hold them.
type resultDoc struct {
	Version        int          `json:"version"`
	Title          string       `json:"title,omitempty"`
	Advisor        version.Info `json:"advisor"`
	Recommendation *pickDoc     `json:"recommendation"`
	Ranking        []rankedDoc  `json:"ranking"`
	Excluded       []string     `json:"excluded,omitempty"`
	Hints          []hintDoc    `json:"hints,omitempty"`
	WhatIf         []whatIfDoc  `json:"what_if,omitempty"`
	Relax          []relaxDoc   `json:"relax,omitempty"`
	Crossover      *crossDoc    `json:"crossover,omitempty"`
	CostCurves     *curvesDoc   `json:"cost_curves,omitempty"`
}

// crossDoc is where the cheapest queue or topic option and the cheapest
// stream option trade places as the volume grows.
type crossDoc struct {
	Queue        string  `json:"queue"`
	Stream       string  `json:"stream"`
	At           float64 `json:"at"`
	CheaperBelow string  `json:"cheaper_below"`
	Text         string  `json:"text"`
}

// curvesDoc is each leading option's monthly estimate at some volumes.
type curvesDoc struct {
	Volumes []float64  `json:"volumes"`
	Series  []curveDoc `json:"series"`
}

type curveDoc struct {
	ID  string     `json:"id"`
	USD []*float64 `json:"usd"` // null where it has no estimate
}

type pickDoc struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Score   float64     `json:"score"`
	Variant *variantDoc `json:"variant,omitempty"`
}

// variantDoc names the configuration judged.
type variantDoc struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// useCaseDoc is one stated use case judged for a service.
type useCaseDoc struct {
	ID   string `json:"id"`
	Role string `json:"role"` // primary, secondary or none
}

// caveatDoc is a known trap of a service for what the user stated.
type caveatDoc struct {
	Text   string `json:"text"`
	Source string `json:"source"`
}

// requiresDoc is one thing a service needs to meet what it meets.
type requiresDoc struct {
	Kind   string   `json:"kind"`
	Text   string   `json:"text"`
	Source string   `json:"source"`
	Keys   []string `json:"keys,omitempty"`
}

type rankedDoc struct {
	ID         string        `json:"id"`
	Name       string        `json:"name"`
	Family     string        `json:"family"`
	Paradigm   string        `json:"paradigm"`
	Variant    *variantDoc   `json:"variant,omitempty"`
	Parts      []string      `json:"parts,omitempty"`
	Roles      []string      `json:"roles,omitempty"` // each part's role, in the order of parts
	Eligible   bool          `json:"eligible"`
	Score      float64       `json:"score"`
	Requires   []requiresDoc `json:"requires"`
	Met        []checkDoc    `json:"met"`
	Violations []checkDoc    `json:"violations"`
	Missed     []checkDoc    `json:"missed,omitempty"`
	Unverified []checkDoc    `json:"unverified,omitempty"`
	UseCases   []useCaseDoc  `json:"use_cases,omitempty"`
	Estimate   *estimateDoc  `json:"estimate,omitempty"`
	Caveats    []caveatDoc   `json:"caveats,omitempty"`
	Notes      []string      `json:"notes"`
	Breakdown  breakdownDoc  `json:"breakdown"`
}

type checkDoc struct {
	Key       string   `json:"key"`
	Kind      string   `json:"kind"`
	Want      string   `json:"want"`
	Have      string   `json:"have"`
	Missing   []string `json:"missing,omitempty"` // of a list key missed: the wanted values the service lacks
	Condition string   `json:"condition,omitempty"`
	Requires  string   `json:"requires,omitempty"` // the kind of the condition's requirement
	Measure   string   `json:"measure,omitempty"`  // unverified: what to measure
	Reason    string   `json:"reason"`
	Note      string   `json:"note,omitempty"`
	Weight    float64  `json:"weight"`
	Fit       float64  `json:"fit"`
}

type breakdownDoc struct {
	Fit        partDoc `json:"fit"`
	Affinity   partDoc `json:"affinity"`
	Simplicity partDoc `json:"simplicity"`
}

type partDoc struct {
	Points    float64 `json:"points"`
	Max       float64 `json:"max"`
	Effort    int     `json:"effort,omitempty"`
	Note      string  `json:"note,omitempty"`
	CostShare float64 `json:"cost_share,omitempty"`
}

// estimateDoc is the spec's estimate: the monthly cost at the volume.
type estimateDoc struct {
	MonthlyUSD  float64    `json:"monthly_usd"`
	BaselineUSD float64    `json:"baseline_usd"`
	Region      string     `json:"region"`
	Breakdown   []lineDoc  `json:"breakdown"`
	Capacity    []sizedDoc `json:"capacity,omitempty"`
	Assumptions []string   `json:"assumptions"`
	// Partial lists what is billed but not priced: monthly_usd is a floor.
	Partial []string `json:"partial,omitempty"`
}

type lineDoc struct {
	Service    string  `json:"service"`
	ID         string  `json:"id"`
	What       string  `json:"what"`
	Quantity   float64 `json:"quantity"`
	Unit       string  `json:"unit"`
	Price      float64 `json:"price"`
	Per        float64 `json:"per"`
	USD        float64 `json:"usd"`
	Baseline   bool    `json:"baseline,omitempty"`
	Source     string  `json:"source"`
	Checked    string  `json:"checked"`
	Confidence string  `json:"confidence"`
}

type sizedDoc struct {
	Service string  `json:"service"`
	Name    string  `json:"name"`
	Value   float64 `json:"value"`
}

func estimateOf(r engine.Ranked, region string) *estimateDoc {
	e := r.Estimate
	if e == nil {
		return nil
	}
	d := &estimateDoc{MonthlyUSD: cents(e.MonthlyUSD), BaselineUSD: cents(e.Baseline), Region: region,
		Breakdown: []lineDoc{}, Assumptions: append([]string{}, e.Assumptions...), Partial: e.Partial}
	for _, l := range e.Lines {
		d.Breakdown = append(d.Breakdown, lineDoc{Service: l.Service, ID: l.ID, What: l.What, Quantity: l.Quantity, Unit: l.Unit,
			Price: l.Price, Per: l.Per, USD: cents(l.USD), Baseline: l.Baseline, Source: l.Source, Checked: l.Checked, Confidence: l.Confidence})
	}
	for _, c := range e.Capacity {
		d.Capacity = append(d.Capacity, sizedDoc{c.Service, c.Name, c.Value})
	}
	return d
}

// cents rounds dollars to the cent.
func cents(usd float64) float64 { return math.Round(usd*100) / 100 }

type hintDoc struct {
	When    string   `json:"when"`
	Because string   `json:"because"`
	Weight  float64  `json:"weight"`
	Suits   []string `json:"suits"`
}

type whatIfDoc struct {
	Kind   string `json:"kind"`
	Key    string `json:"key"`
	Want   string `json:"want,omitempty"`
	Above  string `json:"above,omitempty"`
	Effect string `json:"effect,omitempty"`
	Then   string `json:"then"`
	Text   string `json:"text"`
}

// relaxDoc is a set of musts to drop, by key, and the pick then.
type relaxDoc struct {
	Drop []string `json:"drop"`
	Then string   `json:"then"`
	Text string   `json:"text"`
}

func newResultDoc(res engine.Result, said report.Sentences, made version.Info) resultDoc {
	doc := resultDoc{Version: 1, Title: res.Title, Advisor: made, Ranking: []rankedDoc{}, Excluded: res.Excluded}
	if p := res.Recommendation; p != nil {
		doc.Recommendation = &pickDoc{ID: p.ID, Name: p.Name, Score: p.Score, Variant: variantOf(p.Variant)}
	}
	for _, r := range res.Ranking {
		doc.Ranking = append(doc.Ranking, newRankedDoc(r, said.Services[r.ID], res.Region))
	}
	for _, h := range res.Hints {
		doc.Hints = append(doc.Hints, hintDoc{When: h.When, Because: h.Because, Weight: h.Weight, Suits: h.Suits})
	}
	for i, w := range res.WhatIf {
		ch := said.WhatIf[i]
		doc.WhatIf = append(doc.WhatIf, whatIfDoc{Kind: w.Kind, Key: w.Key, Want: w.Want, Above: w.Above,
			Effect: ch.Effect, Then: w.Then, Text: ch.Text})
	}
	if c := res.Crossover; c != nil {
		doc.Crossover = &crossDoc{Queue: c.Queue, Stream: c.Stream, At: c.At, CheaperBelow: c.CheaperBelow, Text: said.Crossover}
	}
	if len(res.CostCurves) > 0 {
		doc.CostCurves = &curvesDoc{Volumes: engine.CurveVolumes}
		for _, c := range res.CostCurves {
			cd := curveDoc{ID: c.ID}
			for _, y := range c.USD {
				if math.IsNaN(y) {
					cd.USD = append(cd.USD, nil)
					continue
				}
				v := cents(y)
				cd.USD = append(cd.USD, &v)
			}
			doc.CostCurves.Series = append(doc.CostCurves.Series, cd)
		}
	}
	for i, r := range res.Relax {
		d := relaxDoc{Then: r.Then, Text: said.Relax[i]}
		for _, it := range r.Drop {
			d.Drop = append(d.Drop, it.Key)
		}
		doc.Relax = append(doc.Relax, d)
	}
	return doc
}

func variantOf(v *engine.VariantRef) *variantDoc {
	if v == nil {
		return nil
	}
	return &variantDoc{ID: v.ID, Name: v.Name}
}

func newRankedDoc(r engine.Ranked, rs report.Reasons, region string) rankedDoc {
	b := r.Breakdown
	var roles []string
	if slices.ContainsFunc(r.Roles, func(role string) bool { return role != "" }) {
		roles = r.Roles
	}
	var useCases []useCaseDoc
	for _, u := range r.UseCases {
		role := u.Role
		if role == "" {
			role = "none"
		}
		useCases = append(useCases, useCaseDoc{ID: u.ID, Role: role})
	}
	var caveats []caveatDoc
	for _, c := range r.Caveats {
		caveats = append(caveats, caveatDoc{Text: c.Text, Source: c.Source})
	}
	requires := []requiresDoc{}
	for _, q := range r.Requires {
		requires = append(requires, requiresDoc{Kind: q.Kind, Text: q.Text, Source: q.Source, Keys: q.Keys})
	}
	return rankedDoc{
		ID: r.ID, Name: r.Name, Family: r.Family, Paradigm: r.Paradigm, Variant: variantOf(r.Variant), Parts: r.Parts, Roles: roles,
		Eligible: r.Eligible, Score: r.Score, Requires: requires,
		Met:        checkDocs(r.Met, rs.Met),
		Violations: checkDocs(r.Violations, rs.Violations),
		Missed:     checkDocs(r.Missed, rs.Missed),
		Unverified: checkDocs(r.Unverified, rs.Unverified),
		UseCases:   useCases,
		Estimate:   estimateOf(r, region),
		Caveats:    caveats,
		Notes:      append([]string{}, rs.Notes...),
		Breakdown:  breakdownDoc{Fit: partDoc(b.Fit), Affinity: partDoc(b.Affinity), Simplicity: partDoc(b.Simplicity)},
	}
}

// checkDocs pairs checks with their reasons. It is never nil: met and
// violations are arrays even when empty.
func checkDocs(checks []engine.Check, reasons []string) []checkDoc {
	out := make([]checkDoc, len(checks))
	for i, c := range checks {
		out[i] = checkDoc{Key: c.Key, Kind: c.Kind, Want: c.Want, Have: c.Have, Missing: c.Missing, Condition: c.Condition,
			Measure: c.Measure, Reason: reasons[i], Note: c.Note, Weight: c.Weight, Fit: c.Fit}
		if c.Requires != nil {
			out[i].Requires = c.Requires.Kind
		}
	}
	return out
}

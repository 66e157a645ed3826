package pricing

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// OfferHost is where AWS publishes its Price List offer files.
const OfferHost = "pricing.us-east-1.amazonaws.com"

// OfferURL is the address of the offer file of code at version in region,
// the source an imported price cites.
func OfferURL(code, version, region string) string {
	return "https://" + OfferHost + "/offers/v1.0/aws/" + code + "/" + version + "/" + region + "/index.json"
}

// Imported is what an import made: a price file per service and Region,
// and what it has to say about the prices it could not read.
type Imported struct {
	Files []*File
	// Notes are said to the user, one a line: dimensions not in the offer
	// files, Regions with no offer file for a service.
	Notes []string
}

// Import reads the price of every dimension of the templates that names
// an offer in the offer files: one file per service and per Region the
// offer files cover, each dimension priced from the first paid tier of
// the one product that matches it, in the dimension's unit and per, its
// source the offer file and its day the offer's publication. A dimension
// with no offer entry, or not in the offer files, keeps its template
// price (and says so). A service gets no file for a Region where an offer
// file it needs is missing.
//
// The template for a Region is the service's file for that Region if
// there is one, else its us-east-1 file, else its first.
func Import(templates []*File, offers []*OfferFile) (*Imported, error) {
	byCode := map[string]map[string]*OfferFile{} // code → Region → the newest offer file
	var regions []string
	for _, o := range offers {
		if byCode[o.Code] == nil {
			byCode[o.Code] = map[string]*OfferFile{}
		}
		for r := range o.Regions {
			if old, ok := byCode[o.Code][r]; !ok || newer(o, old) {
				byCode[o.Code][r] = o
			}
			if !slices.Contains(regions, r) {
				regions = append(regions, r)
			}
		}
	}
	slices.Sort(regions)
	services := map[string][]*File{}
	var ids []string
	for _, f := range templates {
		if _, ok := services[f.Service]; !ok {
			ids = append(ids, f.Service)
		}
		services[f.Service] = append(services[f.Service], f)
	}
	slices.Sort(ids)
	out := &Imported{}
	for _, id := range ids {
		codes := offerCodes(services[id])
		if len(codes) == 0 {
			continue // priced by hand: no dimension names an offer
		}
		var have []string
		for _, c := range codes {
			if len(byCode[c]) > 0 {
				have = append(have, c)
			}
		}
		if len(have) == 0 {
			out.Notes = append(out.Notes, fmt.Sprintf("no prices for %s: no offer file for %s", id, strings.Join(codes, " or ")))
			continue
		}
		for _, region := range regions {
			var missing []string
			for _, c := range codes {
				if byCode[c][region] == nil {
					missing = append(missing, c)
				}
			}
			if len(missing) > 0 {
				out.Notes = append(out.Notes, fmt.Sprintf("no prices for %s in %s: no offer file for %s", id, region, strings.Join(missing, " or ")))
				continue
			}
			f, notes, err := importFile(templateFor(services[id], region), region, byCode)
			if err != nil {
				return nil, err
			}
			out.Files = append(out.Files, f)
			out.Notes = append(out.Notes, notes...)
		}
	}
	return out, nil
}

// newer reports whether offer file o is to be read rather than old for a
// Region both cover: the later publication, else the file of fewer
// Regions (a Region's own file rather than the file of every Region),
// else the one read first.
func newer(o, old *OfferFile) bool {
	if o.Published != old.Published {
		return o.Published > old.Published
	}
	return len(o.Regions) < len(old.Regions)
}

// offerCodes are the offer codes the dimensions of files name, sorted.
func offerCodes(files []*File) []string {
	var codes []string
	for _, f := range files {
		for _, m := range f.Models {
			for _, d := range m.Dimensions {
				if d.Offer != nil && d.Offer.Code != "" && !slices.Contains(codes, d.Offer.Code) {
					codes = append(codes, d.Offer.Code)
				}
			}
		}
	}
	slices.Sort(codes)
	return codes
}

func templateFor(files []*File, region string) *File {
	for _, want := range []string{region, "us-east-1"} {
		for _, f := range files {
			if f.Region == want {
				return f
			}
		}
	}
	return files[0]
}

// importFile is t's prices in region from the offer files.
func importFile(t *File, region string, byCode map[string]map[string]*OfferFile) (*File, []string, error) {
	f := t.clone()
	f.Region, f.Path = region, ""
	var notes, kept []string
	for i := range f.Models {
		for j := range f.Models[i].Dimensions {
			d := &f.Models[i].Dimensions[j]
			if d.Offer == nil || d.Offer.Code == "" {
				if region != t.Region {
					notes = append(notes, fmt.Sprintf("no offer entry for %s %s: its %s price is kept for %s", f.Service, d.ID, t.Region, region))
					kept = append(kept, d.ID)
				}
				continue
			}
			o := byCode[d.Offer.Code][region]
			p, err := o.Find(region, d.Offer.Match)
			if err == nil {
				err = setPrice(d, p, o, region)
			}
			if err != nil {
				notes = append(notes, fmt.Sprintf("not in the offer files: %s %s in %s (%v); its %s price is kept", f.Service, d.ID, region, err, t.Region))
				if region != t.Region {
					kept = append(kept, d.ID)
				}
			}
		}
	}
	if len(kept) > 0 {
		line := fmt.Sprintf("Not in the offer files, kept from the %s prices: %s.", t.Region, strings.Join(kept, ", "))
		f.Note = strings.TrimSpace(strings.TrimSpace(f.Note) + " " + line)
	}
	return f, notes, nil
}

// setPrice gives d the price p of offer file o in region: per d's `per`
// units where the offer's price is per one of its unit (or per 1K, 1M...
// of them when the unit says so).
func setPrice(d *Dimension, p OfferPrice, o *OfferFile, region string) error {
	day, err := publicationDay(o.Published)
	if err != nil {
		return err
	}
	if o.Version == "" || strings.ContainsAny(o.Version, "/?#") {
		return fmt.Errorf("offer version %q cannot name its file", o.Version)
	}
	per := new(big.Rat)
	if d.Per > 0 {
		per.SetFloat64(d.Per)
	} else {
		per.SetInt64(1)
	}
	price, _ := new(big.Rat).Quo(new(big.Rat).Mul(p.USD, per), unitCount(p.Unit)).Float64()
	d.Price = price
	d.Source = OfferURL(o.Code, o.Version, region)
	d.Checked = day
	d.Confidence = "aws-page"
	return nil
}

// publicationDay is the day of an offer's publicationDate
// ("2026-11-20T15:04:05Z" → 2026-11-20).
func publicationDay(published string) (string, error) {
	for _, layout := range []string{time.RFC3339, time.DateOnly} {
		if t, err := time.Parse(layout, published); err == nil {
			return t.UTC().Format(time.DateOnly), nil
		}
	}
	return "", fmt.Errorf("publicationDate %q is not a date", published)
}

// unitCount is how many units an offer's unit stands for: 1, or the count
// it starts with ("1M Requests" is a million, "10K Units" ten thousand).
func unitCount(unit string) *big.Rat {
	word, _, _ := strings.Cut(strings.TrimSpace(unit), " ")
	mult := int64(1)
	switch {
	case strings.HasSuffix(word, "K"):
		word, mult = strings.TrimSuffix(word, "K"), 1_000
	case strings.HasSuffix(word, "M"):
		word, mult = strings.TrimSuffix(word, "M"), 1_000_000
	}
	if word == "" || strings.IndexFunc(word, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
		return big.NewRat(1, 1)
	}
	n, err := strconv.ParseInt(word, 10, 64)
	if err != nil || n <= 0 || n > 1<<40 {
		return big.NewRat(1, 1)
	}
	return new(big.Rat).SetInt64(n * mult)
}

// clone copies f deeply enough that changing the copy's dimensions leaves
// f as it was.
func (f *File) clone() *File {
	c := *f
	c.Models = slices.Clone(f.Models)
	for i := range c.Models {
		c.Models[i].Dimensions = slices.Clone(f.Models[i].Dimensions)
	}
	return &c
}

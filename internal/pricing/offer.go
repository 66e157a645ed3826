package pricing

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strings"
)

// OfferFile is what an AWS Price List bulk offer file (one service, one
// Region or all of them, as JSON) holds for an import: its code, version
// and day, the Regions its products are in, and the products kept by the
// decoder, each with its on-demand price tiers.
type OfferFile struct {
	Code      string // the offer code, such as AWSQueueService
	Version   string // the offer's version, the path segment of its URL
	Published string // publicationDate, as the file says it
	// Regions are the regionCode of every product of the file, kept or not.
	Regions  map[string]bool
	Products map[string]*Product // the products kept, by SKU

	Path string // where it was read from, for messages
}

// Product is one SKU of an offer file and its on-demand price tiers.
type Product struct {
	SKU        string
	Family     string
	Attributes map[string]string
	Tiers      []Tier
}

// Tier is one on-demand price dimension of a product: the price of one
// `Unit` from the BeginRange-th unit to the EndRange-th ("Inf" for no end).
type Tier struct {
	RateCode    string
	Unit        string
	USD         string // the price in USD, as written ("0.0000004000"); "" when none
	BeginRange  string
	EndRange    string
	Description string
}

// offerProduct and offerTerm are the parts of a product and of a term
// that an import reads; the rest is skipped by the decoder.
type offerProduct struct {
	SKU           string            `json:"sku"`
	ProductFamily string            `json:"productFamily"`
	Attributes    map[string]string `json:"attributes"`
}

type offerTerm struct {
	PriceDimensions map[string]struct {
		RateCode     string            `json:"rateCode"`
		Unit         string            `json:"unit"`
		PricePerUnit map[string]string `json:"pricePerUnit"`
		BeginRange   string            `json:"beginRange"`
		EndRange     string            `json:"endRange"`
		Description  string            `json:"description"`
	} `json:"priceDimensions"`
}

// ErrNotOffer is the error of a JSON file that is no offer file at all
// (an index of offers or of Regions, say), as against a broken one.
var ErrNotOffer = errors.New("not an AWS Price List offer file")

// DecodeOffer reads an offer file as a stream: one product and one term at
// a time, so that a file of hundreds of megabytes is never held whole.
// Only the products keep accepts are kept (nil keeps them all), with their
// on-demand terms; reserved and other terms are skipped. The file must be
// one JSON object of format version v1.0 with an offer code.
func DecodeOffer(r io.Reader, keep func(attrs map[string]string) bool) (*OfferFile, error) {
	d := &offerDecoder{dec: json.NewDecoder(r)}
	o := &OfferFile{Regions: map[string]bool{}, Products: map[string]*Product{}}
	format := ""
	tiers := map[string][]Tier{} // by SKU, products not yet seen included
	sawProducts := false
	if err := d.delim('{', "an offer file is a JSON object"); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotOffer, err)
	}
	for d.dec.More() {
		key, err := d.key()
		if err != nil {
			return nil, err
		}
		switch key {
		case "formatVersion":
			err = d.string(&format, key)
		case "offerCode":
			err = d.string(&o.Code, key)
		case "version":
			err = d.string(&o.Version, key)
		case "publicationDate":
			err = d.string(&o.Published, key)
		case "products":
			sawProducts = true
			err = d.object(key, func(sku string) error {
				var p offerProduct
				if err := d.dec.Decode(&p); err != nil {
					return fmt.Errorf("product %s: %w", sku, jsonError(err))
				}
				if rc := p.Attributes["regionCode"]; ValidRegion(rc) {
					o.Regions[rc] = true
				}
				if keep == nil || keep(p.Attributes) {
					o.Products[sku] = &Product{SKU: sku, Family: p.ProductFamily, Attributes: p.Attributes}
				}
				return nil
			})
		case "terms":
			err = d.object(key, func(termType string) error {
				if termType != "OnDemand" {
					return d.skip()
				}
				return d.object("terms.OnDemand", func(sku string) error {
					return d.object("terms.OnDemand."+sku, func(code string) error {
						var t offerTerm
						if err := d.dec.Decode(&t); err != nil {
							return fmt.Errorf("term %s of %s: %w", code, sku, jsonError(err))
						}
						if _, kept := o.Products[sku]; !kept && sawProducts {
							return nil // a product not kept, or none: its prices are not needed
						}
						for _, rate := range sortedKeys(t.PriceDimensions) {
							pd := t.PriceDimensions[rate]
							tiers[sku] = append(tiers[sku], Tier{RateCode: rate, Unit: pd.Unit, USD: pd.PricePerUnit["USD"],
								BeginRange: pd.BeginRange, EndRange: pd.EndRange, Description: pd.Description})
						}
						return nil
					})
				})
			})
		default:
			err = d.skip()
		}
		if err != nil {
			return nil, err
		}
	}
	if err := d.delim('}', "the offer file's object is not closed"); err != nil {
		return nil, err
	}
	if _, err := d.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("more after the offer file's object: one offer file is one JSON object")
	}
	switch {
	case format == "" && o.Code == "":
		return nil, fmt.Errorf("%w: no formatVersion or offerCode", ErrNotOffer)
	case format != "v1.0":
		return nil, fmt.Errorf("formatVersion %q: an AWS Price List offer file is v1.0", format)
	case o.Code == "":
		return nil, fmt.Errorf("%w: no offerCode", ErrNotOffer)
	case !sawProducts:
		return nil, fmt.Errorf("%w: no products", ErrNotOffer)
	}
	for sku, t := range tiers {
		if p, ok := o.Products[sku]; ok {
			p.Tiers = t
		}
	}
	return o, nil
}

// ValidRegion reports whether s looks like an AWS Region code
// (us-east-1, ap-southeast-5, us-gov-west-1): lower-case words and a number
// joined by dashes. Only such Regions are imported: the code names a
// directory.
func ValidRegion(s string) bool {
	parts := strings.Split(s, "-")
	if len(s) > 32 || len(parts) < 3 {
		return false
	}
	for i, p := range parts {
		if p == "" {
			return false
		}
		for _, r := range p {
			letter, digit := r >= 'a' && r <= 'z', r >= '0' && r <= '9'
			if i == len(parts)-1 && !digit || i < len(parts)-1 && !letter {
				return false
			}
		}
	}
	return true
}

// offerDecoder walks an offer file token by token.
type offerDecoder struct{ dec *json.Decoder }

func (d *offerDecoder) delim(want json.Delim, msg string) error {
	tok, err := d.dec.Token()
	if err != nil {
		return jsonError(err)
	}
	if got, ok := tok.(json.Delim); !ok || got != want {
		return fmt.Errorf("at byte %d: %s", d.dec.InputOffset(), msg)
	}
	return nil
}

func (d *offerDecoder) key() (string, error) {
	tok, err := d.dec.Token()
	if err != nil {
		return "", jsonError(err)
	}
	k, ok := tok.(string)
	if !ok {
		return "", fmt.Errorf("at byte %d: a key was expected", d.dec.InputOffset())
	}
	return k, nil
}

func (d *offerDecoder) string(to *string, what string) error {
	tok, err := d.dec.Token()
	if err != nil {
		return jsonError(err)
	}
	s, ok := tok.(string)
	if !ok {
		return fmt.Errorf("%s is not a string", what)
	}
	*to = s
	return nil
}

// object reads an object whose values each reads, after their key.
func (d *offerDecoder) object(what string, each func(key string) error) error {
	if err := d.delim('{', what+" is not an object"); err != nil {
		return err
	}
	for d.dec.More() {
		k, err := d.key()
		if err != nil {
			return err
		}
		if err := each(k); err != nil {
			return err
		}
	}
	return d.delim('}', what+" is not closed")
}

// skip reads past one value, however deep, without keeping it.
func (d *offerDecoder) skip() error {
	depth := 0
	for {
		tok, err := d.dec.Token()
		if err != nil {
			return jsonError(err)
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

// jsonError says that a file ended early in words, not as io.EOF.
func jsonError(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("the file ends in the middle of the offer")
	}
	return err
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Matches reports whether the attributes hold every pair of match, each
// value exactly, except that a usagetype also matches with the Region
// prefix AWS puts before it outside us-east-1: "OnDemand-StreamHour"
// matches "EU-OnDemand-StreamHour" (eu-west-1) and "USW2-OnDemand-StreamHour".
func Matches(attrs, match map[string]string) bool {
	for k, v := range match {
		got, ok := attrs[k]
		if !ok || got != v && !(k == "usagetype" && regionPrefixed(got, v)) {
			return false
		}
	}
	return true
}

// regionPrefixed reports whether got is want after a Region's usage-type
// prefix: 2 to 6 capital letters and digits, then a dash.
func regionPrefixed(got, want string) bool {
	prefix, rest, ok := strings.Cut(got, "-")
	if !ok || rest != want || len(prefix) < 2 || len(prefix) > 6 {
		return false
	}
	for _, r := range prefix {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// OfferPrice is a price found in an offer file: the USD price of one Unit.
type OfferPrice struct {
	SKU  string
	Unit string
	USD  *big.Rat
	Free bool // a free tier came first and was passed over
}

// Find is the price of the product in region whose attributes hold every
// pair of match: the first tier (beginRange 0) of its on-demand price, or,
// when that tier is free, the first paid tier after it (the free tier is
// never counted). No product, two products, or no first tier is an error
// saying which.
func (o *OfferFile) Find(region string, match map[string]string) (OfferPrice, error) {
	var found []*Product
	for _, sku := range sortedKeys(o.Products) {
		p := o.Products[sku]
		if p.Attributes["regionCode"] == region && Matches(p.Attributes, match) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return OfferPrice{}, fmt.Errorf("no product of %s in %s has %s", o.Code, region, describeMatch(match))
	case 1:
	default:
		skus := make([]string, len(found))
		for i, p := range found {
			skus[i] = p.SKU
		}
		return OfferPrice{}, fmt.Errorf("%d products of %s in %s have %s (%s): match on more attributes", len(found), o.Code, region, describeMatch(match), strings.Join(skus, ", "))
	}
	p := found[0]
	t, free, err := firstPaid(p.Tiers)
	if err != nil {
		return OfferPrice{}, fmt.Errorf("product %s of %s in %s: %w", p.SKU, o.Code, region, err)
	}
	usd, ok := new(big.Rat).SetString(t.USD)
	if !ok || usd.Sign() < 0 {
		return OfferPrice{}, fmt.Errorf("product %s of %s in %s: price %q is not a number of dollars", p.SKU, o.Code, region, t.USD)
	}
	return OfferPrice{SKU: p.SKU, Unit: t.Unit, USD: usd, Free: free}, nil
}

// firstPaid is the tier that begins at 0, or, when it is free, the paid
// tier that follows it (beginning where it ends).
func firstPaid(tiers []Tier) (Tier, bool, error) {
	at := func(begin string) ([]Tier, error) {
		var out []Tier
		for _, t := range tiers {
			if t.USD != "" && sameNumber(t.BeginRange, begin) {
				out = append(out, t)
			}
		}
		if len(out) > 1 {
			return nil, fmt.Errorf("%d on-demand prices begin at %s", len(out), begin)
		}
		return out, nil
	}
	first, err := at("0")
	if err != nil {
		return Tier{}, false, err
	}
	if len(first) == 0 {
		return Tier{}, false, errors.New("no on-demand price in USD begins at 0")
	}
	t, free := first[0], false
	for seen := 0; isZero(t.USD) && t.EndRange != "" && t.EndRange != "Inf" && seen < len(tiers); seen++ {
		next, err := at(t.EndRange)
		if err != nil {
			return Tier{}, false, err
		}
		if len(next) == 0 {
			break
		}
		t, free = next[0], true
	}
	return t, free, nil
}

func sameNumber(a, b string) bool {
	x, ok1 := new(big.Rat).SetString(a)
	y, ok2 := new(big.Rat).SetString(b)
	return ok1 && ok2 && x.Cmp(y) == 0
}

func isZero(s string) bool {
	x, ok := new(big.Rat).SetString(s)
	return ok && x.Sign() == 0
}

func describeMatch(match map[string]string) string {
	var parts []string
	for _, k := range sortedKeys(match) {
		parts = append(parts, fmt.Sprintf("%s %q", k, match[k]))
	}
	if len(parts) == 0 {
		return "any attributes"
	}
	return strings.Join(parts, ", ")
}

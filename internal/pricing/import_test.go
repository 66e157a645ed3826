package pricing_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/pricing"
)

// hosts are the hosts the fixture's sources cite: AWS's pages and its
// price host.
var hosts = []string{"docs.aws.amazon.com", "aws.amazon.com", pricing.OfferHost}

func templates(t testing.TB) []*pricing.File {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(fixture, "prices", "*.yaml"))
	var out []*pricing.File
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := pricing.Parse(p, data, hosts)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	if len(out) != 3 {
		t.Fatalf("%d fixture price files, want 3", len(out))
	}
	return out
}

func offers(t testing.TB) []*pricing.OfferFile {
	t.Helper()
	var out []*pricing.OfferFile
	err := filepath.WalkDir(filepath.Join(fixture, "offers"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, decodeFile(t, p, nil))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func find(files []*pricing.File, service, region string) *pricing.File {
	for _, f := range files {
		if f.Service == service && f.Region == region {
			return f
		}
	}
	return nil
}

// TestImportReproducesFixture is the import's "done when": on the offer
// files, every us-east-1 price of the fixture comes back as it is, now
// sourced from the offer file and dated by its publication; a second
// Region gets its own files; what is missing is said.
func TestImportReproducesFixture(t *testing.T) {
	tmpl := templates(t)
	got, err := pricing.Import(tmpl, offers(t))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range got.Files {
		names = append(names, f.Service+"@"+f.Region)
	}
	want := []string{"kinesis-data-streams@us-east-1", "sns@eu-west-1", "sns@us-east-1", "sqs@eu-west-1", "sqs@us-east-1"}
	if !slices.Equal(names, want) {
		t.Errorf("files %v, want %v", names, want)
	}
	for _, old := range tmpl {
		f := find(got.Files, old.Service, "us-east-1")
		if f == nil {
			t.Fatalf("no us-east-1 file for %s", old.Service)
		}
		for i, m := range old.Models {
			for j, d := range m.Dimensions {
				n := f.Models[i].Dimensions[j]
				if n.Price != d.Price || n.Per != d.Per || n.Unit != d.Unit || n.Quantity != d.Quantity || n.What != d.What || n.Baseline != d.Baseline || n.Note != d.Note {
					t.Errorf("%s %s: got %v per %v, want the fixture's %v per %v", old.Service, d.ID, n.Price, n.Per, d.Price, d.Per)
				}
				if d.ID == "extended-retention" {
					if n.Source != d.Source || n.Confidence != "secondary" {
						t.Errorf("extended retention is in no offer file, yet its source became %s", n.Source)
					}
					continue
				}
				if !strings.HasPrefix(n.Source, "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/"+d.Offer.Code+"/") || !strings.HasSuffix(n.Source, "/us-east-1/index.json") || n.Confidence != "aws-page" {
					t.Errorf("%s %s: source %s confidence %s", old.Service, d.ID, n.Source, n.Confidence)
				}
			}
		}
		if !reflect.DeepEqual(f.Models[0].Assumptions, old.Models[0].Assumptions) || !reflect.DeepEqual(f.Models[0].Variants, old.Models[0].Variants) || len(f.Models[0].Capacities) != len(old.Models[0].Capacities) {
			t.Errorf("%s: the model's other fields changed", old.Service)
		}
	}
	sqs := find(got.Files, "sqs", "us-east-1").Models[0].Dimensions[0]
	if sqs.Source != "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSQueueService/20261120183211/us-east-1/index.json" || sqs.Checked != "2026-11-20" {
		t.Errorf("sqs requests: source %s checked %s", sqs.Source, sqs.Checked)
	}
	if d := find(got.Files, "sqs", "eu-west-1").Models[0].Dimensions[0]; d.Price != 0.4 || !strings.Contains(d.Source, "/eu-west-1/") {
		t.Errorf("sqs in eu-west-1: %v from %s", d.Price, d.Source)
	}
	if tmpl[0].Region != "us-east-1" || tmpl[0].Models[0].Dimensions[0].Source == got.Files[0].Models[0].Dimensions[0].Source {
		t.Error("the import changed its templates")
	}
	notes := strings.Join(got.Notes, "\n")
	for _, want := range []string{
		"not in the offer files: kinesis-data-streams extended-retention in us-east-1 (no product of AmazonKinesis in us-east-1 has operation \"OnDemandExtendedRetentionByteHrs\", usagetype \"OnDemand-ExtendedRetention-ByteHrs\"); its us-east-1 price is kept",
		"no prices for kinesis-data-streams in eu-west-1: no offer file for AmazonKinesis",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes:\n%s\nwant a line %q", notes, want)
		}
	}
	if len(got.Notes) != 2 {
		t.Errorf("notes:\n%s\nwant 2", notes)
	}
}

// TestImportRoundTrip: every file written reads back, through Parse, as
// the file imported.
func TestImportRoundTrip(t *testing.T) {
	got, err := pricing.Import(templates(t), offers(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range got.Files {
		data, err := pricing.Encode(f, "a header\nof two lines")
		if err != nil {
			t.Fatal(err)
		}
		back, err := pricing.Parse("x.yaml", data, hosts)
		if err != nil {
			t.Fatalf("%s:\n%s\n%v", f, data, err)
		}
		if !strings.HasPrefix(string(data), "# a header\n# of two lines\n") || strings.Contains(string(data), "e-0") {
			t.Errorf("%s:\n%s", f, data)
		}
		if !sameFile(back, f) {
			t.Errorf("%s does not read back:\n%s", f, data)
		}
	}
}

func sameFile(a, b *pricing.File) bool {
	if a.Version != b.Version || a.Service != b.Service || a.Region != b.Region || a.Currency != b.Currency || a.Note != b.Note || len(a.Models) != len(b.Models) {
		return false
	}
	for i := range a.Models {
		x, y := a.Models[i], b.Models[i]
		if !slices.Equal(x.Variants, y.Variants) || !slices.Equal(x.Assumptions, y.Assumptions) || len(x.Capacities) != len(y.Capacities) || len(x.Dimensions) != len(y.Dimensions) {
			return false
		}
		for j, c := range x.Capacities {
			if c.Name != y.Capacities[j].Name || c.Expr.String() != y.Capacities[j].Expr.String() {
				return false
			}
		}
		for j := range x.Dimensions {
			d, e := x.Dimensions[j], y.Dimensions[j]
			d.Expr, e.Expr, d.Pos = nil, nil, e.Pos
			if !reflect.DeepEqual(d, e) {
				return false
			}
		}
	}
	return true
}

// TestImportEncodesCapacity: a model with capacity and variants, and a
// dimension with no offer entry, survive an import to another Region,
// the kept price said in the file's note.
func TestImportEncodesCapacity(t *testing.T) {
	src := `version: 1
service: stream
region: us-east-1
currency: USD
models:
  - variants: [provisioned, "on-demand"]
    assumptions: ["shards: 1,000 records a second each"]
    capacity:
      shards: "ceil(max(peak / 1000, 1))"
      twice: "shards * 2"
    dimensions:
      - id: shard-hours
        what: "shard hours"
        unit: shard-hour
        price: 0.015
        quantity: "twice * hours"
        baseline: true
        source: https://aws.amazon.com/x
        checked: 2026-11-30
        confidence: secondary
        offer: {code: C, match: {usagetype: "Storage-ShardHour"}}
      - id: by-hand
        unit: GB
        price: 0.1
        quantity: "gb"
        source: https://aws.amazon.com/x
        checked: 2026-11-30
        confidence: aws-page
`
	tmpl, err := pricing.Parse("stream.yaml", []byte(src), hosts)
	if err != nil {
		t.Fatal(err)
	}
	offer := `{"formatVersion": "v1.0", "offerCode": "C", "version": "v9", "publicationDate": "2026-12-01T23:59:59Z",
	  "products": {"A": {"attributes": {"regionCode": "eu-west-1", "usagetype": "EU-Storage-ShardHour"}}},
	  "terms": {"OnDemand": {"A": {"A.T": {"priceDimensions": {"R": {"unit": "1K ShardHours", "beginRange": "0", "endRange": "Inf", "pricePerUnit": {"USD": "16.5"}}}}}}}}`
	o, err := pricing.DecodeOffer(strings.NewReader(offer), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := pricing.Import([]*pricing.File{tmpl}, []*pricing.OfferFile{o})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Files) != 1 {
		t.Fatalf("files %v", got.Files)
	}
	f := got.Files[0]
	if f.Region != "eu-west-1" || f.Models[0].Dimensions[0].Price != 0.0165 || f.Models[0].Dimensions[0].Checked != "2026-12-01" {
		t.Errorf("got %s: %+v", f, f.Models[0].Dimensions[0])
	}
	if !strings.Contains(f.Note, "kept from the us-east-1 prices: by-hand") || !strings.Contains(strings.Join(got.Notes, "\n"), "no offer entry for stream by-hand") {
		t.Errorf("note %q, notes %q", f.Note, got.Notes)
	}
	data, err := pricing.Encode(f, "")
	if err != nil {
		t.Fatal(err)
	}
	back, err := pricing.Parse("back.yaml", data, hosts)
	if err != nil || !sameFile(back, f) {
		t.Errorf("%s\n%v", data, err)
	}
}

// TestImportPrecision: a price per request times a million is the price
// per million exactly (0.0000004 × 1e6 in floating point is 0.39999...).
func TestImportPrecision(t *testing.T) {
	for _, tc := range []struct {
		usd, unit string
		per       float64
		want      float64
	}{
		{"0.0000004000", "Requests", 1000000, 0.4},
		{"0.0000000700", "Requests", 1000000, 0.07},
		{"0.0000002400", "Requests", 1000000, 0.24},
		{"0.0150000000", "Hrs", 0, 0.015},
		{"0.40", "1M Requests", 1000000, 0.4},
		{"0.023", "GB-Mo", 1, 0.023},
	} {
		offer := `{"formatVersion": "v1.0", "offerCode": "C", "version": "1", "publicationDate": "2026-12-01",
		  "products": {"A": {"attributes": {"regionCode": "us-east-1", "k": "v"}}},
		  "terms": {"OnDemand": {"A": {"A.T": {"priceDimensions": {"R": {"unit": "` + tc.unit + `", "beginRange": "0", "endRange": "Inf", "pricePerUnit": {"USD": "` + tc.usd + `"}}}}}}}}`
		o, err := pricing.DecodeOffer(strings.NewReader(offer), nil)
		if err != nil {
			t.Fatal(err)
		}
		tmpl := &pricing.File{Version: 1, Service: "s", Region: "us-east-1", Currency: "USD", Models: []pricing.Model{{Dimensions: []pricing.Dimension{{ID: "d", Unit: "u", Price: 9, Per: tc.per, Offer: &pricing.Offer{Code: "C", Match: map[string]string{"k": "v"}}}}}}}
		got, err := pricing.Import([]*pricing.File{tmpl}, []*pricing.OfferFile{o})
		if err != nil {
			t.Fatal(err)
		}
		if p := got.Files[0].Models[0].Dimensions[0].Price; p != tc.want {
			t.Errorf("%s per %q, per %v: got %v, want %v", tc.usd, tc.unit, tc.per, p, tc.want)
		}
	}
}

// TestImportNoOfferFile: a service none of whose offers came is said once;
// a service priced by hand alone is passed over in silence.
func TestImportNoOfferFile(t *testing.T) {
	tmpl := templates(t)
	hand := *tmpl[0]
	hand.Service, hand.Models = "by-hand", []pricing.Model{{Dimensions: []pricing.Dimension{{ID: "x", Unit: "u"}}}}
	var sqsOnly []*pricing.OfferFile
	for _, o := range offers(t) {
		if o.Code == "AWSQueueService" {
			sqsOnly = append(sqsOnly, o)
		}
	}
	got, err := pricing.Import(append(tmpl, &hand), sqsOnly)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"no prices for kinesis-data-streams: no offer file for AmazonKinesis", "no prices for sns: no offer file for AmazonSNS"}
	if !slices.Equal(got.Notes, want) || len(got.Files) != 2 {
		t.Errorf("notes %q, %d files", got.Notes, len(got.Files))
	}
}

// TestImportBadOffer: an offer whose date or version cannot be written
// keeps the price and says why.
func TestImportBadOffer(t *testing.T) {
	for _, tc := range []struct{ version, published, want string }{
		{"1", "yesterday", `publicationDate "yesterday" is not a date`},
		{"../x", "2026-12-01", `offer version "../x" cannot name its file`},
	} {
		offer := `{"formatVersion": "v1.0", "offerCode": "C", "version": "` + tc.version + `", "publicationDate": "` + tc.published + `",
		  "products": {"A": {"attributes": {"regionCode": "us-east-1", "k": "v"}}},
		  "terms": {"OnDemand": {"A": {"A.T": {"priceDimensions": {"R": {"unit": "u", "beginRange": "0", "endRange": "Inf", "pricePerUnit": {"USD": "1"}}}}}}}}`
		o, err := pricing.DecodeOffer(strings.NewReader(offer), nil)
		if err != nil {
			t.Fatal(err)
		}
		tmpl := &pricing.File{Version: 1, Service: "s", Region: "us-east-1", Currency: "USD", Models: []pricing.Model{{Dimensions: []pricing.Dimension{{ID: "d", Unit: "u", Price: 9, Per: 1, Offer: &pricing.Offer{Code: "C", Match: map[string]string{"k": "v"}}}}}}}
		got, err := pricing.Import([]*pricing.File{tmpl}, []*pricing.OfferFile{o})
		if err != nil {
			t.Fatal(err)
		}
		if p := got.Files[0].Models[0].Dimensions[0].Price; p != 9 || len(got.Notes) != 1 || !strings.Contains(got.Notes[0], tc.want) {
			t.Errorf("price %v, notes %q", p, got.Notes)
		}
	}
}

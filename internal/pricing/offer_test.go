package pricing_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/pricing"
)

// fixture is where the import fixture lives: price files (prices/) and
// offer files in the Price List format (offers/), with decoys.
const fixture = "testdata/import"

func decodeFile(t testing.TB, path string, keep func(map[string]string) bool) *pricing.OfferFile {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	o, err := pricing.DecodeOffer(f, keep)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	o.Path = path
	return o
}

func TestDecodeOffer(t *testing.T) {
	o := decodeFile(t, filepath.Join(fixture, "offers/AWSQueueService/us-east-1/index.json"), nil)
	if o.Code != "AWSQueueService" || o.Version != "20261120183211" || o.Published != "2026-11-20T18:32:11Z" {
		t.Errorf("got code %q version %q published %q", o.Code, o.Version, o.Published)
	}
	if len(o.Regions) != 1 || !o.Regions["us-east-1"] {
		t.Errorf("regions %v, want us-east-1 only (the data transfer product has no regionCode)", o.Regions)
	}
	if len(o.Products) != 3 {
		t.Errorf("%d products, want 3", len(o.Products))
	}
	std := o.Products["8AQ4WFRPNPJ3AQR3"]
	if std == nil || len(std.Tiers) != 3 || std.Attributes["queueType"] != "Standard" {
		t.Fatalf("standard requests: %+v", std)
	}
	for _, tier := range std.Tiers {
		if tier.USD == "0.0000001000" {
			t.Errorf("a reserved term was read as on-demand: %+v", tier)
		}
	}
}

// TestDecodeOfferKeeps: products keep refuses are dropped with their terms,
// and their Regions still count.
func TestDecodeOfferKeeps(t *testing.T) {
	keep := func(a map[string]string) bool { return a["endpointType"] == "Amazon SQS" }
	o := decodeFile(t, filepath.Join(fixture, "offers/AmazonSNS/index.json"), keep)
	if len(o.Products) != 2 {
		t.Errorf("%d products kept, want the 2 SQS deliveries", len(o.Products))
	}
	if !o.Regions["us-east-1"] || !o.Regions["eu-west-1"] {
		t.Errorf("regions %v, want both", o.Regions)
	}
}

// TestDecodeOfferTermsFirst: terms before products (JSON objects have no
// order) are kept for the products kept.
func TestDecodeOfferTermsFirst(t *testing.T) {
	in := `{"terms": {"OnDemand": {"A": {"A.T": {"priceDimensions": {"A.T.R": {"unit": "Requests", "beginRange": "0", "endRange": "Inf", "pricePerUnit": {"USD": "0.5"}}}}},
	                               "B": {"B.T": {"priceDimensions": {}}}}},
	        "formatVersion": "v1.0", "offerCode": "X", "version": "1", "publicationDate": "2026-01-02T00:00:00Z",
	        "products": {"A": {"sku": "A", "attributes": {"regionCode": "us-east-1", "group": "g"}},
	                     "B": {"sku": "B", "attributes": {"regionCode": "us-east-1", "group": "h"}}}}`
	o, err := pricing.DecodeOffer(strings.NewReader(in), func(a map[string]string) bool { return a["group"] == "g" })
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Products) != 1 || len(o.Products["A"].Tiers) != 1 {
		t.Fatalf("products %+v", o.Products)
	}
}

func TestDecodeOfferErrors(t *testing.T) {
	head := `"formatVersion": "v1.0", "offerCode": "X", "version": "1", "publicationDate": "2026-01-02T00:00:00Z"`
	for _, tc := range []struct{ in, want string }{
		{`[]`, "JSON object"},
		{``, "ends in the middle"},
		{`{` + head + `, "products": {}`, "ends in the middle"},
		{`{` + head + `, "products": {}} {}`, "more after"},
		{`{"formatVersion": "v2.0", "offerCode": "X", "products": {}}`, "v1.0"},
		{`{"formatVersion": "v1.0", "products": {}}`, "no offerCode"},
		{`{"formatVersion": "v1.0", "regions": {}}`, "not an AWS Price List offer file: no offerCode"},
		{`{"disclaimer": "", "offers": {"AmazonSNS": {}}}`, "not an AWS Price List offer file: no formatVersion or offerCode"},
		{`{` + head + `}`, "no products"},
		{`{` + head + `, "products": []}`, "not an object"},
		{`{` + head + `, "products": {"A": {"attributes": {"n": 1}}}}`, "product A"},
		{`{"formatVersion": 1}`, "not a string"},
		{`{` + head + `, "products": {}, "terms": {"OnDemand": {"A": {"T": {"priceDimensions": 3}}}}}`, "term T of A"},
	} {
		_, err := pricing.DecodeOffer(strings.NewReader(tc.in), nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to say %q", tc.in, err, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	sns := decodeFile(t, filepath.Join(fixture, "offers/AmazonSNS/index.json"), nil)
	// The free first tier is passed over; the eu-west-1 product of the same
	// group is not a second match.
	p, err := sns.Find("us-east-1", map[string]string{"group": "SNS-Requests-Tier1"})
	if err != nil {
		t.Fatal(err)
	}
	if p.SKU != "WE8J3EHB2NFMDRFD" || p.USD.RatString() != "1/2000000" || !p.Free || p.Unit != "Requests" {
		t.Errorf("got %+v (%s)", p, p.USD.RatString())
	}
	// A price of 0 with no tier after it is the price: deliveries to SQS.
	p, err = sns.Find("eu-west-1", map[string]string{"endpointType": "Amazon SQS"})
	if err != nil || p.USD.Sign() != 0 || p.Free {
		t.Errorf("SQS deliveries: %+v, %v", p, err)
	}
	// Usage types carry a Region prefix outside us-east-1.
	p, err = sns.Find("eu-west-1", map[string]string{"usagetype": "Requests-Tier1"})
	if err != nil || p.SKU != "Y9RKUFNS3XJ7TAHS" {
		t.Errorf("prefixed usagetype: %+v, %v", p, err)
	}
	if _, err := sns.Find("us-east-1", map[string]string{"servicecode": "AmazonSNS", "productFamily": "x"}); err == nil || !strings.Contains(err.Error(), "no product of AmazonSNS in us-east-1") {
		t.Errorf("no match: %v", err)
	}
	if _, err := sns.Find("us-east-1", map[string]string{"productFamily": "x"}); err == nil {
		t.Error("productFamily is no attribute: it must not match")
	}
	_, err = sns.Find("us-east-1", map[string]string{"servicecode": "AmazonSNS"})
	if err == nil || !strings.Contains(err.Error(), "4 products of AmazonSNS in us-east-1") {
		t.Errorf("ambiguous: %v", err)
	}
	if _, err := sns.Find("ap-south-1", map[string]string{"group": "SNS-Requests-Tier1"}); err == nil {
		t.Error("a Region the file does not cover matched")
	}
}

func TestMatchesUsagetype(t *testing.T) {
	for _, tc := range []struct {
		got  string
		want bool
	}{
		{"OnDemand-StreamHour", true},
		{"EU-OnDemand-StreamHour", true},
		{"USW2-OnDemand-StreamHour", true},
		{"eu-OnDemand-StreamHour", false},
		{"TOOLONGX-OnDemand-StreamHour", false},
		{"EU-OnDemand-StreamHours", false},
		{"X-OnDemand-StreamHour", false},
	} {
		got := pricing.Matches(map[string]string{"usagetype": tc.got}, map[string]string{"usagetype": "OnDemand-StreamHour"})
		if got != tc.want {
			t.Errorf("usagetype %q: matches %v, want %v", tc.got, got, tc.want)
		}
	}
	if pricing.Matches(map[string]string{"group": "EU-g"}, map[string]string{"group": "g"}) {
		t.Error("only usagetype takes a Region prefix")
	}
}

// TestFirstPaidTier: tiers in any order; two prices at the start is an
// error, as is no tier at 0.
func TestFirstPaidTier(t *testing.T) {
	offer := func(dims string) *pricing.OfferFile {
		in := `{"formatVersion": "v1.0", "offerCode": "X", "version": "1", "publicationDate": "2026-01-02T00:00:00Z",
		  "products": {"A": {"attributes": {"regionCode": "r", "k": "v"}}},
		  "terms": {"OnDemand": {"A": {"A.T": {"priceDimensions": {` + dims + `}}}}}}`
		o, err := pricing.DecodeOffer(strings.NewReader(in), nil)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	tier := func(rate, begin, end, usd string) string {
		return `"` + rate + `": {"unit": "GB", "beginRange": "` + begin + `", "endRange": "` + end + `", "pricePerUnit": {"USD": "` + usd + `"}}`
	}
	match := map[string]string{"k": "v"}
	p, err := offer(tier("b", "10240", "Inf", "0.05")+","+tier("a", "1", "10240", "0.09")+","+tier("c", "0", "1", "0")).Find("r", match)
	if err != nil || p.USD.RatString() != "9/100" || !p.Free {
		t.Errorf("free first GB: %+v, %v", p, err)
	}
	if _, err := offer(tier("a", "0", "Inf", "0.1")+","+tier("b", "0.0", "Inf", "0.2")).Find("r", match); err == nil || !strings.Contains(err.Error(), "2 on-demand prices begin at 0") {
		t.Errorf("two first tiers: %v", err)
	}
	if _, err := offer(tier("a", "5", "Inf", "0.1")).Find("r", match); err == nil || !strings.Contains(err.Error(), "begins at 0") {
		t.Errorf("no first tier: %v", err)
	}
	if _, err := offer(tier("a", "0", "Inf", "-1")).Find("r", match); err == nil {
		t.Error("a negative price was taken")
	}
	// A product whose every tier is free has the price 0.
	p, err = offer(tier("a", "0", "5", "0")+","+tier("b", "5", "Inf", "0")).Find("r", match)
	if err != nil || p.USD.Sign() != 0 {
		t.Errorf("all free: %+v, %v", p, err)
	}
}

func TestValidRegion(t *testing.T) {
	for _, r := range []string{"us-east-1", "ap-southeast-5", "us-gov-west-1", "eusc-de-east-1"} {
		if !pricing.ValidRegion(r) {
			t.Errorf("%s is a Region", r)
		}
	}
	for _, r := range []string{"", "global", "us-east", "../../etc-x-1", "us-east-1/x", "US-EAST-1", "us--1", "us-east-1a"} {
		if pricing.ValidRegion(r) {
			t.Errorf("%q is no Region", r)
		}
	}
}

package pricing_test

import (
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/pricing"
)

// maxFuzzOffer caps the inputs the fuzzer tries: a few hundred bytes reach
// every branch of the decoder; longer inputs only slow each run.
const maxFuzzOffer = 2 << 10

// FuzzDecodeOffer feeds arbitrary bytes to the offer decoder: it returns
// an offer or an error, never panics or hangs; an offer it returns has a
// code, and Find on it answers for any Region.
func FuzzDecodeOffer(f *testing.F) {
	for _, s := range []string{
		`{"formatVersion": "v1.0", "offerCode": "X", "version": "1", "publicationDate": "2026-01-02T00:00:00Z", "products": {"A": {"sku": "A", "attributes": {"regionCode": "r", "k": "v"}}}, "terms": {"OnDemand": {"A": {"A.T": {"priceDimensions": {"R": {"unit": "u", "beginRange": "0", "endRange": "1", "pricePerUnit": {"USD": "0"}}, "S": {"unit": "u", "beginRange": "1", "endRange": "Inf", "pricePerUnit": {"USD": "0.5"}}}}}}, "Reserved": {"A": [1, {"x": []}]}}}`,
		`{"terms": {"OnDemand": {}}, "formatVersion": "v1.0", "offerCode": "X", "products": {}}`,
		`{"formatVersion": "v1.0", "offerCode": "X", "products": {"A": {"attributes": {"n": 1}}}}`,
		`{"formatVersion": "v1.0"} {}`,
		`[{"a": [[[[]]]]}]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzOffer {
			return
		}
		o, err := pricing.DecodeOffer(strings.NewReader(string(data)), nil)
		if err != nil {
			return
		}
		if o.Code == "" {
			t.Fatal("an offer without a code was accepted")
		}
		for r := range o.Regions {
			_, _ = o.Find(r, map[string]string{"k": "v"})
		}
		_, _ = o.Find("r", nil)
	})
}

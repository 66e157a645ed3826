package requirements_test

import (
	"strings"
	"testing"

	"github.com/advisor-dev/advisor/internal/requirements"
	"go.yaml.in/yaml/v3"
)

// A file without region gets the default Region, and is written back
// without one; a file with one keeps it, written after provider.
func TestRegion(t *testing.T) {
	l := loader(t)
	r, err := l.Load("req.yaml", []byte("version: 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Region != "" || r.EffectiveRegion() != requirements.DefaultRegion || requirements.DefaultRegion != "us-east-1" {
		t.Errorf("no region: Region %q, EffectiveRegion %q", r.Region, r.EffectiveRegion())
	}
	if out, _ := yaml.Marshal(r.Plain()); strings.Contains(string(out), "region") {
		t.Errorf("the default Region was written out:\n%s", out)
	}
	for _, id := range []string{"eu-west-1", "us-gov-west-1", "ap-southeast-5", "us-east-1", "cn-northwest-1", "eu-central-2"} {
		r, back, out := roundTrip(t, l, "version: 1\nprovider: acme\nregion: "+id+"\nmust: {fanout: true}\n")
		if r.Region != id || r.EffectiveRegion() != id || back.Region != id {
			t.Errorf("%s: read %q, written back as\n%s", id, r.Region, out)
		}
		if want := "provider: acme\nregion: " + id + "\nmust:"; !strings.Contains(string(out), want) {
			t.Errorf("%s: want region after provider, got\n%s", id, out)
		}
	}
}

// A region that is not an AWS Region id is refused where it is written,
// with what is allowed.
func TestRegionRefused(t *testing.T) {
	tests := []struct{ value, want string }{
		{"EU-West-1", `req.yaml:2:9: region "EU-West-1" is not in lower case: write eu-west-1`},
		{"eu-west-1a", `req.yaml:2:9: region "eu-west-1a" is an Availability Zone, not a Region: write eu-west-1`},
		{"europe", `req.yaml:2:9: region "europe" is not an AWS Region id: want an AWS Region id in lower case, such as eu-west-1, us-gov-west-1 or ap-southeast-5`},
		{"eu_west_1", `is not an AWS Region id`},
		{"eu-west", `is not an AWS Region id`},
		{"e-west-1", `is not an AWS Region id`},
		{"eu-west-1-", `is not an AWS Region id`},
		{`""`, `req.yaml:2:9: region is empty: give an AWS Region id in lower case, such as eu-west-1, us-gov-west-1 or ap-southeast-5, or leave it out for us-east-1`},
		{`" eu-west-1"`, `has spaces around it: write eu-west-1`},
		{"1", `req.yaml:2:9: region takes an AWS Region id in lower case, such as eu-west-1, us-gov-west-1 or ap-southeast-5, not `},
		{"[eu-west-1]", `req.yaml:2:9: region takes an AWS Region id`},
		{"", `req.yaml:2:8: region takes an AWS Region id`},
	}
	for _, tt := range tests {
		_, err := loader(t).Load("req.yaml", []byte("version: 1\nregion: "+tt.value+"\n"))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("region: %s: got %v, want %q", tt.value, err, tt.want)
		}
	}
}

func TestCheckRegion(t *testing.T) {
	if err := requirements.CheckRegion("--region", "eu-west-1"); err != nil {
		t.Error(err)
	}
	err := requirements.CheckRegion("--region", "Frankfurt")
	if err == nil || !strings.HasPrefix(err.Error(), `--region "Frankfurt" is not an AWS Region id`) {
		t.Errorf("got %v", err)
	}
}

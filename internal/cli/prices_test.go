package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/advisor-dev/advisor/internal/kb"
	"github.com/advisor-dev/advisor/internal/pricing"
)

// The import fixture: price files with offer entries (prices/) and offer
// files in the AWS Price List format, with decoys (offers/).
const (
	fixturePrices = "../pricing/testdata/import/prices"
	fixtureOffers = "../pricing/testdata/import/offers"
)

func TestNewCmdPricesImport(t *testing.T) {
	tests := []flagCase[PricesImportOptions]{
		{name: "a directory", args: []string{"offers"}, want: PricesImportOptions{Dir: "offers", Out: "prices-import"}},
		{
			name: "every flag", args: []string{"offers", "--out", "o", "--knowledge-prices", "k", "--force"},
			want: PricesImportOptions{Dir: "offers", Out: "o", KnowledgePrices: "k", Force: true},
		},
		{name: "no directory", wantErr: "accepts 1 arg(s), received 0"},
		{name: "an empty --out", args: []string{"offers", "--out", ""}, wantErr: "--out takes a directory"},
	}
	testFlags(t, NewCmdPricesImport, func(o *PricesImportOptions) { o.IO, o.Loaded = nil, nil }, tests)
}

// importFixture runs `advisor prices import` with args after the fixture's
// offers and price files, and returns stdout, stderr and the error.
func importFixture(t *testing.T, offers string, args ...string) (string, string, error) {
	t.Helper()
	f, _, out, errOut := newTestFactory(nil)
	all := append([]string{offers, "--knowledge-prices", fixturePrices}, args...)
	err := execute(f, NewCmdPricesImport(f, nil), all...)
	return out.String(), errOut.String(), err
}

// loadOut reads what an import wrote, as --knowledge reads it.
func loadOut(t *testing.T, out string) *kb.Base {
	t.Helper()
	loaded, err := loadSources(Sources{KnowledgeDirs: []string{out}})
	if err != nil {
		t.Fatalf("--knowledge %s: %v", out, err)
	}
	return loaded.Base
}

// TestPricesImportReproducesTheFixture is the import's "done when": on the
// fixture's offer files, the us-east-1 prices written are the fixture's own,
// a second Region is written, and what is missing is said; --knowledge
// loads it all.
func TestPricesImportReproducesTheFixture(t *testing.T) {
	out := t.TempDir()
	stdout, stderr, err := importFixture(t, fixtureOffers, "--out", out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"prices/us-east-1/sqs.yaml", "prices/us-east-1/sns.yaml", "prices/us-east-1/kinesis-data-streams.yaml", "prices/eu-west-1/sqs.yaml", "prices/eu-west-1/sns.yaml"} {
		if !strings.Contains(stdout, "wrote "+filepath.Join(out, want)+"\n") {
			t.Errorf("stdout:\n%s\nwant it to say it wrote %s", stdout, want)
		}
	}
	if strings.Count(stdout, "\n") != 5 {
		t.Errorf("stdout:\n%s\nwant 5 files", stdout)
	}
	wantErr := "advisor: no prices for kinesis-data-streams in eu-west-1: no offer file for AmazonKinesis\n" +
		"advisor: not in the offer files: kinesis-data-streams extended-retention in us-east-1 (no product of AmazonKinesis in us-east-1 has operation \"OnDemandExtendedRetentionByteHrs\", usagetype \"OnDemand-ExtendedRetention-ByteHrs\"); its us-east-1 price is kept\n"
	if stderr != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, wantErr)
	}
	base := loadOut(t, out)
	fixture, err := priceTemplates(&Loaded{Base: base}, fixturePrices)
	if err != nil {
		t.Fatal(err)
	}
	for _, old := range fixture {
		got, ok := base.PricesFor(old.Service, "us-east-1")
		if !ok || !strings.HasPrefix(got.Path, out) {
			t.Fatalf("%s: no us-east-1 prices under %s", old.Service, out)
		}
		for i, m := range old.Models {
			for j, d := range m.Dimensions {
				n := got.Models[i].Dimensions[j]
				if n.ID != d.ID || n.Price != d.Price || n.Per != d.Per || n.Quantity != d.Quantity {
					t.Errorf("%s %s: %v per %v, want the fixture's %v per %v", old.Service, d.ID, n.Price, n.Per, d.Price, d.Per)
				}
			}
		}
	}
	if f, ok := base.PricesFor("sqs", "eu-west-1"); !ok || f.Models[0].Dimensions[0].Source != "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSQueueService/20261120183211/eu-west-1/index.json" {
		t.Errorf("sqs in eu-west-1: %v", f)
	}
}

// TestPricesImportReproducesTheEmbedded: every embedded us-east-1 price
// that the fixture's offer files hold comes back as it is. It skips while
// no embedded price file names an offer the fixture has.
func TestPricesImportReproducesTheEmbedded(t *testing.T) {
	loaded, err := loadSources(Sources{})
	if err != nil {
		t.Fatal(err)
	}
	offers, _, err := readOffers(fixtureOffers, nil)
	if err != nil {
		t.Fatal(err)
	}
	imported, err := pricing.Import(loaded.Base.Prices, offers)
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, f := range imported.Files {
		if f.Region != "us-east-1" {
			continue
		}
		old, _ := loaded.Base.PricesFor(f.Service, "us-east-1")
		for i, m := range f.Models {
			for j, d := range m.Dimensions {
				if !strings.HasPrefix(d.Source, "https://"+pricing.OfferHost+"/") {
					continue // not in the fixture's offer files
				}
				compared++
				if want := old.Models[i].Dimensions[j].Price; d.Price != want {
					t.Errorf("%s %s: the fixture's offer files say %v, the embedded prices %v", f.Service, d.ID, d.Price, want)
				}
			}
		}
	}
	if compared == 0 {
		t.Skip("no embedded price names an offer of the fixture's offer files")
	}
	t.Logf("%d embedded prices reproduced", compared)
}

func TestPricesImportForce(t *testing.T) {
	out := t.TempDir()
	if _, _, err := importFixture(t, fixtureOffers, "--out", out); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(out, "prices/us-east-1/sqs.yaml")
	if err := os.WriteFile(path, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := importFixture(t, fixtureOffers, "--out", out)
	checkError(t, err, "5 price files there already")
	if data, _ := os.ReadFile(path); string(data) != "mine" {
		t.Errorf("a file was replaced without --force: %q", data)
	}
	if _, _, err := importFixture(t, fixtureOffers, "--out", out, "--force"); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); !strings.HasPrefix(string(data), "# sqs prices in us-east-1, written by `advisor prices import`") {
		t.Errorf("--force left %q", data)
	}
	leftovers, _ := filepath.Glob(filepath.Join(out, "prices/*/.*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// writeTestFile writes data to path, making its directory.
func writeTestFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyOffers copies the fixture's offer files into a new directory, to add
// to.
func copyOffers(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.Walk(fixtureOffers, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(fixtureOffers, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		to := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestPricesImportOffersDir: files that are not offer files are passed
// over with a word; a broken offer file, or one that is no regular file,
// stops the import before anything is written.
func TestPricesImportOffersDir(t *testing.T) {
	t.Run("an index", func(t *testing.T) {
		dir := copyOffers(t)
		writeTestFile(t, filepath.Join(dir, "region_index.json"), `{"formatVersion": "v1.0", "publicationDate": "x", "regions": {}}`)
		writeTestFile(t, filepath.Join(dir, "README.txt"), `not json`)
		_, stderr, err := importFixture(t, dir, "--out", t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(stderr, "region_index.json: passed over: not an AWS Price List offer file: no offerCode\n") {
			t.Errorf("stderr:\n%s", stderr)
		}
	})
	t.Run("a broken offer", func(t *testing.T) {
		dir := copyOffers(t)
		data, _ := os.ReadFile(filepath.Join(dir, "AmazonSNS/index.json"))
		writeTestFile(t, filepath.Join(dir, "AmazonSNS/index.json"), string(data[:len(data)/2]))
		out := t.TempDir()
		_, _, err := importFixture(t, dir, "--out", out)
		checkError(t, err, "the file ends in the middle of the offer")
		if entries, _ := os.ReadDir(out); len(entries) > 0 {
			t.Errorf("written after an error: %v", entries)
		}
	})
	t.Run("no offer file", func(t *testing.T) {
		_, _, err := importFixture(t, t.TempDir(), "--out", t.TempDir())
		checkError(t, err, "no AWS Price List offer file (*.json) in it")
	})
	t.Run("not a directory", func(t *testing.T) {
		_, _, err := importFixture(t, filepath.Join(fixtureOffers, "AmazonSNS/index.json"))
		checkError(t, err, "not a directory")
	})
	t.Run("too large", func(t *testing.T) {
		dir := copyOffers(t)
		big := filepath.Join(dir, "big.json")
		f, err := os.Create(big)
		if err != nil {
			t.Fatal(err)
		}
		// Sparse: the size is refused before a byte is read.
		if err := f.Truncate(maxOfferFile + 1); err != nil {
			t.Skip("no sparse files here:", err)
		}
		f.Close()
		_, _, err = importFixture(t, dir, "--out", t.TempDir())
		checkError(t, err, "big.json: file is 536870913 bytes; the limit for an offer file is 536870912 (512 MiB)")
	})
	t.Run("a named pipe", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("no named pipes")
		}
		dir := copyOffers(t)
		if err := syscall.Mkfifo(filepath.Join(dir, "pipe.json"), 0o644); err != nil {
			t.Skip("cannot make a named pipe:", err)
		}
		done := make(chan error, 1)
		go func() {
			_, _, err := importFixture(t, dir, "--out", t.TempDir())
			done <- err
		}()
		select {
		case err := <-done:
			checkError(t, err, "pipe.json: is a named pipe (FIFO); give a regular file")
		case <-time.After(10 * time.Second):
			t.Fatal("the import waits on a named pipe")
		}
	})
}

// TestPricesImportTemplates: the price files to refresh are checked as
// the loader checks them; none with an offer entry is an error.
func TestPricesImportTemplates(t *testing.T) {
	write := func(t *testing.T, files map[string]string) string {
		dir := t.TempDir()
		for name, data := range files {
			writeTestFile(t, filepath.Join(dir, name), data)
		}
		return dir
	}
	sqs, _ := os.ReadFile(filepath.Join(fixturePrices, "sqs.yaml"))
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"unknown service", map[string]string{"x.yaml": strings.Replace(string(sqs), "service: sqs", "service: sqss", 1)}, `prices for unknown service "sqss" (did you mean "sqs"?)`},
		{"twice", map[string]string{"sqs.yaml": string(sqs), "us-east-1/sqs.yaml": string(sqs)}, "sqs in us-east-1 prices are also in"},
		{"a bad file", map[string]string{"eu-west-1/sqs.yaml": "version: 2\n"}, "eu-west-1/sqs.yaml:1:10: version must be 1"},
		{"no offer", map[string]string{"sqs.yaml": strings.Split(string(sqs), "        offer:")[0]}, "says where its prices are in an offer file"},
		{"empty", map[string]string{}, "no price files (*.yaml, <region>/*.yaml)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, _, _, _ := newTestFactory(nil)
			err := execute(f, NewCmdPricesImport(f, nil), fixtureOffers, "--knowledge-prices", write(t, tc.files), "--out", t.TempDir())
			checkError(t, err, tc.want)
		})
	}
	t.Run("the knowledge base has none", func(t *testing.T) {
		loaded, err := loadSources(Sources{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range loaded.Base.Prices {
			for _, m := range p.Models {
				for _, d := range m.Dimensions {
					if d.Offer != nil {
						t.Skip("the embedded prices name offers")
					}
				}
			}
		}
		f, _, _, _ := newTestFactory(nil)
		err = execute(f, NewCmdPricesImport(f, nil), fixtureOffers, "--out", t.TempDir())
		checkError(t, err, "no price file of the knowledge base says where its prices are")
	})
}

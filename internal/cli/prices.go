package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/advisor-dev/advisor/internal/diag"
	"github.com/advisor-dev/advisor/internal/iostreams"
	"github.com/advisor-dev/advisor/internal/pricing"
	"github.com/spf13/cobra"
)

// NewCmdPrices builds `advisor prices` and its `import`.
func NewCmdPrices(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "prices",
		Short: "Refresh the price data from AWS's own price list",
		Long: `The estimates price each service from price files (knowledge/prices): one
per service and Region, each price with its source and the day it was
read. 'advisor prices import' reads those prices from AWS Price List offer
files instead.`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	cmd.AddCommand(NewCmdPricesImport(f, nil))
	return cmd
}

// PricesImportOptions are the inputs of `advisor prices import`.
type PricesImportOptions struct {
	IO     *iostreams.IOStreams
	Loaded func() (*Loaded, error)

	Dir             string // where the offer files are
	Out             string // where the price files go: Out/prices/<region>/<service>.yaml
	KnowledgePrices string // price files to refresh, instead of the knowledge base's
	Force           bool
}

// maxOfferFile caps an offer file. AWS's offer files for messaging
// services are a few megabytes; the decoder streams them and keeps only
// the products asked about, so the cap bounds the time spent, not memory.
const maxOfferFile = 512 << 20

// NewCmdPricesImport builds `advisor prices import DIR`; runF replaces the
// run step in tests.
func NewCmdPricesImport(f *Factory, runF func(*PricesImportOptions) error) *cobra.Command {
	opts := &PricesImportOptions{IO: f.IOStreams, Loaded: f.Loaded}
	cmd := &cobra.Command{
		Use:   "import DIR",
		Short: "Write price files from AWS Price List offer files",
		Long: `Read the AWS Price List bulk offer files under DIR (any layout: every *.json
is read; files that are not offer files are passed over) and write, for
each service whose price file says where its prices are in an offer
("offer: {code, match}"), one price file per Region the offer files
cover: --out/prices/<region>/<service>.yaml.

Each dimension takes the price of the one product of that Region whose
attributes hold every "match" pair, from its first tier (a free first
tier is passed over: the free tier is never counted), converted to the
dimension's "per"; its source becomes the offer file's address and its
"checked" day the offer's publication day. Every other field is kept.

A dimension not found in the offer files keeps its price, and is listed
on standard error; so is a Region where an offer file a service needs is
missing (that service gets no file there). Files are written whole or
not at all; existing files are left alone unless --force.

The price files refreshed are the knowledge base's (embedded, and
--knowledge), or those under --knowledge-prices. Load what was written
with --knowledge OUT.

Offer files are public and need no credentials, one per service and
Region:
  https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<code>/current/<region>/index.json`,
		Example: `  # Refresh SQS prices in two Regions
  for r in us-east-1 eu-west-1; do
    curl -sf --create-dirs -o offers/AWSQueueService/$r/index.json \
      https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSQueueService/current/$r/index.json
  done
  advisor prices import offers --out refreshed
  advisor recommend --knowledge refreshed --region eu-west-1 -f requirements.yaml  # with a volume`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if strings.TrimSpace(opts.Out) == "" {
				return inputErrorf("--out takes a directory; it was given an empty name")
			}
			if runF != nil {
				return runF(opts)
			}
			return pricesImportRun(c.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "prices-import", "write the price files under `DIR`/prices/<region>/")
	cmd.Flags().StringVar(&opts.KnowledgePrices, "knowledge-prices", "", "refresh the price files in `DIR` (*.yaml, <region>/*.yaml) instead of the knowledge base's")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace price files that exist under --out")
	_ = cmd.MarkFlagDirname("out")
	_ = cmd.MarkFlagDirname("knowledge-prices")
	return cmd
}

func pricesImportRun(ctx context.Context, opts *PricesImportOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := checkDir(opts.Dir, "prices import"); err != nil {
		return err
	}
	loaded, err := opts.Loaded()
	if err != nil {
		return err
	}
	templates, err := priceTemplates(loaded, opts.KnowledgePrices)
	if err != nil {
		return err
	}
	var matches []map[string]string
	for _, f := range templates {
		for _, m := range f.Models {
			for _, d := range m.Dimensions {
				if d.Offer != nil {
					matches = append(matches, d.Offer.Match)
				}
			}
		}
	}
	if len(matches) == 0 {
		where := "the knowledge base"
		if opts.KnowledgePrices != "" {
			where = opts.KnowledgePrices
		}
		return inputErrorf("no price file of %s says where its prices are in an offer file (offer: {code, match}); nothing to import", where)
	}
	keep := func(attrs map[string]string) bool {
		return slices.ContainsFunc(matches, func(m map[string]string) bool { return pricing.Matches(attrs, m) })
	}
	offers, skipped, err := readOffers(opts.Dir, keep)
	if err != nil {
		return err
	}
	for _, s := range skipped {
		printMessage(opts.IO.ErrOut, s)
	}
	if len(offers) == 0 {
		return inputErrorf("%s: no AWS Price List offer file (*.json) in it", opts.Dir)
	}
	imported, err := pricing.Import(templates, offers)
	if err != nil {
		return err
	}
	for _, n := range imported.Notes {
		printMessage(opts.IO.ErrOut, n)
	}
	if len(imported.Files) == 0 {
		return inputErrorf("no price file written: the offer files under %s hold none of the offers the price files name", opts.Dir)
	}
	return writePriceFiles(ctx, opts, loaded, imported.Files)
}

// priceTemplates are the price files to refresh: the knowledge base's, or
// those under dir, checked as the loader checks them.
func priceTemplates(loaded *Loaded, dir string) ([]*pricing.File, error) {
	if dir == "" {
		return loaded.Base.Prices, nil
	}
	if err := checkDir(dir, "--knowledge-prices"); err != nil {
		return nil, err
	}
	var hosts []string
	for _, p := range loaded.Base.Providers {
		hosts = append(hosts, p.Sources...)
	}
	fsys := dirFS(dir)
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	deeper, err := fs.Glob(fsys, "*/*.yaml")
	if err != nil {
		return nil, err
	}
	names = append(names, deeper...)
	var errs diag.List
	var out []*pricing.File
	seen := map[string]string{}
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		data, err := fsys.ReadFile(name)
		if err != nil {
			errs.Add(diag.Pos{File: path}, "%s", diag.Reason(err))
			continue
		}
		f, err := pricing.Parse(path, data, hosts)
		if err != nil {
			errs.Append(diag.Pos{File: path}, err)
			continue
		}
		if _, ok := loaded.Base.Lookup(f.Service); !ok {
			errs.Add(f.At, "prices for unknown service %q%s", f.Service, diag.Suggest(f.Service, loaded.Base.IDs()))
			continue
		}
		key := f.Service + " in " + f.Region
		if first, dup := seen[key]; dup {
			errs.Add(f.At, "%s prices are also in %s", key, first)
			continue
		}
		seen[key] = path
		out = append(out, f)
	}
	if err := errs.Err(); err != nil {
		return nil, inputError(err)
	}
	if len(out) == 0 {
		return nil, inputErrorf("--knowledge-prices %s: no price files (*.yaml, <region>/*.yaml)", dir)
	}
	return out, nil
}

// readOffers decodes every *.json under dir that is an offer file; the
// others are passed over, each with a word. A file that cannot be read,
// is not a regular file, or is a broken offer file is an error, and
// nothing is imported: a half-downloaded offer would price from a part.
func readOffers(dir string, keep func(map[string]string) bool) ([]*pricing.OfferFile, []string, error) {
	var offers []*pricing.OfferFile
	var skipped []string
	var errs diag.List
	walkErr := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(diag.Pos{File: path}, "%s", pathError(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".json") {
			return nil
		}
		o, err := readOffer(path, keep)
		switch {
		case errors.Is(err, pricing.ErrNotOffer):
			skipped = append(skipped, fmt.Sprintf("%s: passed over: %v", path, err))
		case err != nil:
			errs.Add(diag.Pos{File: path}, "%s", err.Error())
		default:
			offers = append(offers, o)
		}
		return nil
	})
	if walkErr != nil {
		errs.Add(diag.Pos{File: dir}, "%s", pathError(walkErr))
	}
	if err := errs.Err(); err != nil {
		return nil, nil, inputError(err)
	}
	return offers, skipped, nil
}

// readOffer decodes one offer file as readRegular reads a file: a regular
// file only (a named pipe is never waited on), of at most maxOfferFile
// bytes, streamed.
func readOffer(path string, keep func(map[string]string) bool) (*pricing.OfferFile, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, errors.New(pathError(err))
	}
	if err := checkRegular(st); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblocking, 0)
	if err != nil {
		return nil, errors.New(pathError(err))
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, errors.New(pathError(err))
	}
	if err := checkRegular(st); err != nil {
		return nil, err
	}
	if st.Size() > maxOfferFile {
		return nil, fmt.Errorf("file is %d bytes; the limit for an offer file is %d (512 MiB)", st.Size(), maxOfferFile)
	}
	r := &capped{r: bufio.NewReaderSize(f, 1<<20), left: maxOfferFile}
	o, err := pricing.DecodeOffer(r, keep)
	if r.over {
		return nil, fmt.Errorf("file grew past %d bytes (512 MiB) while it was read", maxOfferFile)
	}
	if err != nil {
		return nil, err
	}
	o.Path = path
	return o, nil
}

// capped reads at most left bytes, and says when there was more.
type capped struct {
	r    io.Reader
	left int64
	over bool
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		var one [1]byte
		if n, _ := c.r.Read(one[:]); n > 0 {
			c.over = true
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// writePriceFiles writes each file to Out/prices/<region>/<service>.yaml,
// checking first that none exists (unless --force) and that each reads
// back as written. Each file is written whole or not at all; a signal
// stops between files, saying what was written.
func writePriceFiles(ctx context.Context, opts *PricesImportOptions, loaded *Loaded, files []*pricing.File) error {
	var hosts []string
	for _, p := range loaded.Base.Providers {
		hosts = append(hosts, p.Sources...)
	}
	type target struct {
		path string
		data []byte
	}
	var targets []target
	var exist []string
	for _, f := range files {
		rel := filepath.Join("prices", f.Region, f.Service+".yaml")
		path := filepath.Join(opts.Out, rel)
		header := fmt.Sprintf("%s prices in %s, written by `advisor prices import` from AWS Price List offer\nfiles: each price read there cites its offer file and the day it was published.", f.Service, f.Region)
		data, err := pricing.Encode(f, header)
		if err != nil {
			return err
		}
		if _, err := pricing.Parse(path, data, hosts); err != nil {
			return fmt.Errorf("%s would not load: %w", path, err) // a bug: Encode writes what Parse reads
		}
		if st, err := os.Lstat(path); err == nil {
			if st.IsDir() || !opts.Force {
				exist = append(exist, path)
			}
		}
		targets = append(targets, target{path, data})
	}
	if len(exist) > 0 {
		sort.Strings(exist)
		return inputErrorf("--out %s: %d price file%s there already (%s); use --force to replace them, or give another --out", opts.Out, len(exist), plural(len(exist)), strings.Join(exist, ", "))
	}
	ctx, stop := notifyStop(ctx)
	defer stop()
	for i, t := range targets {
		if err := os.MkdirAll(filepath.Dir(t.path), 0o755); err != nil {
			return inputErrorf("--out %s: %s", opts.Out, pathError(err))
		}
		if err := writeNewContext(ctx, t.path, t.data, opts.Force); err != nil {
			var s stoppedBy
			if errors.As(context.Cause(ctx), &s) {
				return &ExitError{Code: s.exitCode(), Err: fmt.Errorf("stopped by %s: %d of %d price files written, each whole", s.Error(), i, len(targets))}
			}
			if errors.Is(err, errExists) {
				return inputErrorf("%s: file exists; use --force to replace it", t.path)
			}
			return fmt.Errorf("%s: %w", t.path, err)
		}
		fmt.Fprintf(opts.IO.Out, "wrote %s\n", diag.EscapeLine(t.path))
	}
	return nil
}

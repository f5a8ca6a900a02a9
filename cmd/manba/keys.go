package main

import (
	"bytes"
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/citekey"
	"github.com/manba/manba/pkg/diag"
)

func init() { commands = append(commands, newKeysCmd) }

type keysOptions struct {
	formula string
	keep    bool
	all     bool
	pins    []string
	mapFile string
	from    string
	to      string
	output  string
}

func newKeysCmd() *cobra.Command {
	var o keysOptions
	c := &cobra.Command{
		Use:   "keys [--formula FORMULA] [--keep|--all] [--pin KEY]... [--map FILE] [-o FILE] [FILE...|-]",
		Short: "Make citation keys from a Better BibTeX formula",
		Long: `keys gives items citation keys made by a formula in Better BibTeX's
syntax, default "` + citekey.DefaultFormula + `".

Functions: auth(n,m), authN_M, authEtAl, authors(n), authorsN, year,
shorttitle(n,m), veryshorttitle(n,m), title, journal; literals in quotes;
filters .lower .upper .nopunct .skipwords .select(start,n)
.substring(start,n) .clean .fold .condense(sep) .prefix(s) .postfix(s);
alternatives separated by "|" (the first non-empty one wins).

Keys are ASCII: names in Persian or Arabic script take the common English
spelling of the authority file (رجوی, مسعود -> rajavi), other text the
letter mapping of pkg/translit; diacritics are dropped. year is Gregorian
(a Solar Hijri 1380 gives 2001). Equal keys get the
suffixes a, b, ... in input order. A key pinned by a "Citation Key: KEY"
line in the note/extra field, or named with --pin, never changes.

By default (--all) every other key is regenerated; --keep keeps existing
keys and gives keys only to items without one. Running keys twice changes
nothing the second time.

BibTeX/BibLaTeX input is written back byte for byte except the keys and
the crossref/xref/xdata references to them. Other formats are written in
their own format (or --to). --map FILE writes "old<TAB>new" for every
changed key, to rewrite manuscripts.`,
		Example: `  manba keys refs.bib -o refs.bib --map renamed.tsv
  manba keys --formula "auth.lower + '_' + year" --keep refs.json
  manba keys --pin abrahamian1989 --formula "authors2 + year" refs.bib`,
		RunE: func(c *cobra.Command, args []string) error {
			return runKeys(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	f := c.Flags()
	f.StringVar(&o.formula, "formula", citekey.DefaultFormula, "key formula (Better BibTeX syntax)")
	f.StringVar(&o.formula, "format", citekey.DefaultFormula, "same as --formula")
	f.MarkHidden("format")
	f.BoolVar(&o.keep, "keep", false, "keep existing keys; make keys only for items without one")
	f.BoolVar(&o.all, "all", false, "regenerate every key that is not pinned (the default)")
	f.StringSliceVar(&o.pins, "pin", nil, "`KEY`s that must not change (repeatable, comma-separated)")
	f.StringVar(&o.mapFile, "map", "", "write old<TAB>new for every changed key to `FILE`")
	f.StringVar(&o.from, "from", "", "input format (default: detect per input)")
	f.StringVar(&o.to, "to", "", "output format (default: the input's)")
	f.StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	return c
}

// keyedInput is one input read for re-keying: a BibTeX file kept as its
// syntax tree, or the items of any other format.
type keyedInput struct {
	format *format
	bib    *citekey.BibTeXFile
	items  []bib.Item
}

func runKeys(o keysOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if o.keep && o.all {
		return usagef("--keep and --all exclude each other")
	}
	formula, err := citekey.Parse(o.formula)
	if err != nil {
		return usagef("--formula: %v", err)
	}
	var to *format
	if o.to != "" {
		if to, err = lookupFormat(o.to, true); err != nil {
			return err
		}
	}
	inputs, err := readInputs(args, stdin)
	if err != nil {
		return err
	}
	var ins []keyedInput
	var items []bib.Item
	var diags diag.List
	reserved := map[string]bool{}
	for _, in := range inputs {
		ki, d, err := readKeyedInput(in, o.from)
		if err != nil {
			return err
		}
		diags = append(diags, d...)
		if ki.bib != nil {
			ki.items = ki.bib.Items
			for k := range ki.bib.Reserved {
				reserved[k] = true
			}
		}
		items = append(items, ki.items...)
		ins = append(ins, ki)
	}
	pinned, err := pinnedKeys(o.pins, items)
	if err != nil {
		return err
	}
	keys, changes := citekey.Assign(items, citekey.Options{
		Generator: citekey.NewGenerator(formula, nil),
		All:       !o.keep,
		Pinned:    pinned,
		Reserved:  reserved,
	})
	if err := writeKeyed(o, ins, keys, to, stdout); err != nil {
		return err
	}
	if o.mapFile != "" {
		if err := writeKeyMap(o.mapFile, changes); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "%d of %d keys changed\n", len(changes), len(keys))
	return reportDiagnostics(stderr, diags)
}

// pinnedKeys checks that every --pin names a key read, as an unknown key
// is an input problem in every command (exit 1, nothing written).
func pinnedKeys(pins []string, items []bib.Item) (map[string]bool, error) {
	known := map[string]bool{}
	for _, it := range items {
		known[it.ID] = true
	}
	pinned := map[string]bool{}
	var unknown []string
	for _, p := range pins {
		if !known[p] && !slices.Contains(unknown, p) {
			unknown = append(unknown, p)
		}
		pinned[p] = true
	}
	if len(unknown) > 0 {
		return nil, errUnknownKeys(unknown)
	}
	return pinned, nil
}

func readKeyedInput(in input, from string) (keyedInput, diag.List, error) {
	var f *format
	var err error
	if from != "" {
		f, err = lookupFormat(from, false)
	} else if len(bytes.TrimSpace(in.Data)) > 0 {
		f, err = detectFormat(in.Name, in.Data[:min(len(in.Data), 4096)])
	} else {
		return keyedInput{}, nil, nil
	}
	if err != nil {
		return keyedInput{}, nil, err
	}
	ki := keyedInput{format: f}
	if f.Name == "bibtex" || f.Name == "biblatex" {
		bf, d := citekey.ReadBibTeX(in.Name, in.Data)
		ki.bib = bf
		return ki, d, nil
	}
	r := f.NewReader(bytes.NewReader(in.Data), in.Name)
	for {
		it, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return ki, r.Diagnostics(), fmt.Errorf("%s: %w", in.Name, err)
		}
		ki.items = append(ki.items, it)
	}
	return ki, r.Diagnostics(), nil
}

// writeKeyed writes every input with its new keys: BibTeX byte for byte
// through its syntax tree, anything else (or everything, with --to)
// through the writer of its format.
func writeKeyed(o keysOptions, ins []keyedInput, keys []string, to *format, stdout io.Writer) error {
	out, err := openOutput(o.output, stdout)
	if err != nil {
		return err
	}
	var w itemWriter
	if to != nil {
		w = to.NewWriter(out, writeOptions{})
	}
	for _, ki := range ins {
		n := len(ki.items)
		mine := keys[:n]
		keys = keys[n:]
		if ki.bib != nil && to == nil {
			if _, err := out.Write(ki.bib.Rekeyed(mine)); err != nil {
				out.Abort()
				return err
			}
			continue
		}
		if w == nil && ki.format != nil {
			w = ki.format.NewWriter(out, writeOptions{})
		}
		for i, it := range ki.items {
			it.ID = mine[i]
			if err := w.Write(it); err != nil {
				out.Abort()
				return err
			}
		}
	}
	if w != nil {
		if err := w.Close(); err != nil {
			out.Abort()
			return err
		}
	}
	return out.Close()
}

func writeKeyMap(path string, changes []citekey.Change) error {
	out, err := openOutput(path, nil)
	if err != nil {
		return err
	}
	for _, c := range changes {
		fmt.Fprintf(out, "%s\t%s\n", c.Old, c.New)
	}
	return out.Close()
}

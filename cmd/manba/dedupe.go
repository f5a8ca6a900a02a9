package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/dedupe"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newDedupeCmd) }

type dedupeOptions struct {
	from     string
	to       string
	output   string
	merge    bool
	keymap   string
	distinct string
	mark     []string
}

func newDedupeCmd() *cobra.Command {
	var o dedupeOptions
	c := &cobra.Command{
		Use:   "dedupe [FILE...]",
		Short: "Find and merge duplicate items within and across bibliographies",
		Long: `dedupe finds items that describe the same work, within and across the
input files (any format manba reads; standard input without files).

A shared DOI, ISBN (ISBN-10 and ISBN-13 compared as one, also in notes)
or URL decides first; otherwise titles are compared ignoring case, punctuation,
subtitles and transliteration variants (Mojahedin / Mujahideen), with
agreeing years and authors compared as names, so that "Massoud Rajavi" and
"Mas'oud Rajavi" are the same person.

By default each duplicate pair is reported with the reason, as
tab-separated lines: key, key, reason (FILE:key when several inputs use
the same key). With --merge the items are written
(--to) with each group merged into its richest item; missing fields are
filled from the others and the other keys are kept in the BibLaTeX "ids"
field. --keymap writes the old key -> kept key map as TSV.

Pairs judged "not a duplicate" go in a decisions file (--distinct FILE, two
keys per line, '#' comments) and are never reported or merged; --mark A,B
adds a decision to that file.`,
		Example: `  manba dedupe library.bib
  manba dedupe --distinct decisions.tsv --mark abrahamian89,radical
  manba dedupe --merge --to bibtex --keymap keys.tsv -o merged.bib a.bib b.json`,
		RunE: func(c *cobra.Command, args []string) error {
			return runDedupe(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	c.Flags().StringVar(&o.from, "from", "", "input format (default: detect)")
	c.Flags().StringVar(&o.to, "to", "csljson", "output format with --merge")
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	c.Flags().BoolVar(&o.merge, "merge", false, "write the merged items instead of reporting pairs")
	c.Flags().StringVar(&o.keymap, "keymap", "", "with --merge, write the old key -> kept key map (TSV) to FILE")
	c.Flags().StringVar(&o.distinct, "distinct", "", "decisions file of key pairs that are not duplicates")
	c.Flags().StringArrayVar(&o.mark, "mark", nil, "record KEY1,KEY2 as not duplicates in the --distinct file (repeatable)")
	return c
}

func runDedupe(o dedupeOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if o.keymap != "" && !o.merge {
		return usagef("--keymap needs --merge")
	}
	if len(o.mark) > 0 && o.distinct == "" {
		return usagef("--mark needs --distinct FILE")
	}
	if o.merge {
		if _, err := lookupFormat(o.to, true); err != nil {
			return err
		}
	}
	distinct := &dedupe.Distinct{}
	if o.distinct != "" {
		data, err := os.ReadFile(o.distinct)
		switch {
		case errors.Is(err, fs.ErrNotExist) && len(o.mark) > 0:
			// Created below.
		case err != nil:
			return err
		default:
			d, diags := dedupe.ReadDistinct(bytes.NewReader(data), o.distinct)
			if err := reportDiagnostics(stderr, diags); err != nil {
				return err
			}
			distinct = d
		}
	}
	if len(o.mark) > 0 {
		for _, m := range o.mark {
			a, b, ok := strings.Cut(m, ",")
			if !ok || strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
				return usagef("--mark %q: want KEY1,KEY2", m)
			}
			distinct.Add(strings.TrimSpace(a), strings.TrimSpace(b))
		}
		out, err := openOutput(o.distinct, io.Discard)
		if err != nil {
			return err
		}
		if _, err := distinct.WriteTo(out); err != nil {
			out.Abort()
			return err
		}
		if err := out.Close(); err != nil {
			return err
		}
		if len(args) == 0 {
			return nil // only recording decisions
		}
	}

	// Read the inputs one by one to know where each item comes from.
	if len(args) == 0 {
		args = []string{"-"}
	}
	var items []bib.Item
	var source []string
	for _, a := range args {
		its, diags, err := loadItems([]string{a}, o.from, stdin)
		if derr := reportDiagnostics(stderr, diags); derr != nil {
			return derr
		}
		if err != nil {
			return err
		}
		items = append(items, its...)
		for range its {
			source = append(source, a)
		}
	}
	pairs := dedupe.Find(items, distinct)
	if !o.merge {
		out, err := openOutput(o.output, stdout)
		if err != nil {
			return err
		}
		name := keyNamer(items, source)
		for _, p := range pairs {
			fmt.Fprintf(out, "%s\t%s\t%s\n", name(p.A), name(p.B), p.Reason)
		}
		return out.Close()
	}
	merged, keymap := dedupe.Merge(items, pairs)
	if o.keymap != "" {
		out, err := openOutput(o.keymap, io.Discard)
		if err != nil {
			return err
		}
		for _, m := range keymap {
			fmt.Fprintf(out, "%s\t%s\n", m.Old, m.Kept)
		}
		if err := out.Close(); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "%d items, %d duplicate pairs, %d items written\n", len(items), len(pairs), len(merged))
	return writeItemsAs(o.to, o.output, stdout, merged)
}

// keyNamer names items by key, or by FILE:key when several inputs use the
// same key, so that every reported item can be found.
func keyNamer(items []bib.Item, source []string) func(int) string {
	files := map[string]map[string]bool{}
	for i, it := range items {
		if files[it.ID] == nil {
			files[it.ID] = map[string]bool{}
		}
		files[it.ID][source[i]] = true
	}
	return func(i int) string {
		if len(files[items[i].ID]) > 1 {
			return source[i] + ":" + items[i].ID
		}
		return items[i].ID
	}
}

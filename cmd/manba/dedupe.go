package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/dedupe"
	"github.com/manba/manba/pkg/diag"
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
	c.Flags().StringVar(&o.to, "to", "", "output format with --merge (default: from -o's extension, else csljson)")
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
	if o.merge || o.to != "" {
		if _, err := outputFormat(o.to, o.output, "csljson"); err != nil {
			return err
		}
	}
	marks, err := parseMarks(o.mark)
	if err != nil {
		return err
	}
	distinct, err := readDistinct(o, marks, stderr)
	if err != nil {
		return err
	}
	if len(marks) > 0 && len(args) == 0 {
		return recordDistinct(o.distinct, distinct, marks) // only recording decisions
	}
	args, err = needInputs(args, stdin)
	if err != nil {
		return err
	}
	if !o.merge {
		out, err := openOutput(o.output, stdout)
		if err != nil {
			return err
		}
		// Only the keys of each item are kept (dedupe.Finder), not the
		// items; a soft memory limit makes the collector return the
		// decoded items' garbage early (100k items in under 200 MB).
		if os.Getenv("GOMEMLIMIT") == "" {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(160 << 20))
		}
		finder := dedupe.NewFinder(distinct)
		var ids, source []string
		diags, err := eachItemAt(args, o.from, stdin, func(it bib.Item, at diag.Pos) {
			finder.Add(it)
			ids = append(ids, it.ID)
			source = append(source, at.File)
		})
		if derr := reportDiagnostics(stderr, diags); derr != nil {
			err = derr
		}
		if err == nil {
			err = checkMarks(ids, marks)
		}
		if err == nil {
			err = recordDistinct(o.distinct, distinct, marks)
		}
		if err != nil {
			out.Abort()
			return err
		}
		name := keyNamer(ids, source)
		finder.EachPair(func(p dedupe.Pair) {
			fmt.Fprintf(out, "%s\t%s\t%s\n", name(p.A), name(p.B), p.Reason)
		})
		return out.Close()
	}
	sink, err := openItemSink(o.to, o.output, "csljson", writeOptions{}, stdout)
	if err != nil {
		return err
	}
	var keys *output
	if o.keymap != "" {
		if keys, err = openOutput(o.keymap, io.Discard); err != nil {
			sink.Abort()
			return err
		}
	}
	items, _, at, err := o.inputs(args, stdin, stderr, distinct, marks)
	if err != nil {
		sink.Abort()
		if keys != nil {
			keys.Abort()
		}
		return err
	}
	pairs := dedupe.Find(items, distinct)
	merged, keymap := dedupe.Merge(items, pairs)
	if keys != nil {
		for _, m := range keymap {
			fmt.Fprintf(keys, "%s\t%s\n", m.Old, m.Kept)
		}
		if err := keys.Close(); err != nil {
			sink.Abort()
			return err
		}
	}
	fmt.Fprintf(stderr, "%d items, %d duplicate pairs, %d items written\n", len(items), len(pairs), len(merged))
	return writeItems(sink, merged, mergedPositions(items, at, merged), stderr)
}

// parseMarks reads the --mark values, KEY1,KEY2 each.
func parseMarks(values []string) ([][2]string, error) {
	var marks [][2]string
	for _, m := range values {
		a, b, ok := strings.Cut(m, ",")
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		if !ok || a == "" || b == "" {
			return nil, usagef("--mark %q: want KEY1,KEY2", m)
		}
		marks = append(marks, [2]string{a, b})
	}
	return marks, nil
}

// readDistinct reads the decisions file; it may be missing when --mark
// is about to create it.
func readDistinct(o dedupeOptions, marks [][2]string, stderr io.Writer) (*dedupe.Distinct, error) {
	if o.distinct == "" {
		return &dedupe.Distinct{}, nil
	}
	data, err := os.ReadFile(o.distinct)
	switch {
	case errors.Is(err, fs.ErrNotExist) && len(marks) > 0:
		return &dedupe.Distinct{}, nil
	case err != nil:
		return nil, err
	}
	d, diags := dedupe.ReadDistinct(bytes.NewReader(data), o.distinct)
	if err := reportDiagnostics(stderr, diags); err != nil {
		return nil, err
	}
	return d, nil
}

// recordDistinct adds the marked pairs to the decisions and rewrites the
// decisions file.
func recordDistinct(path string, distinct *dedupe.Distinct, marks [][2]string) error {
	if len(marks) == 0 {
		return nil
	}
	for _, m := range marks {
		distinct.Add(m[0], m[1])
	}
	out, err := openOutput(path, io.Discard)
	if err != nil {
		return err
	}
	if _, err := distinct.WriteTo(out); err != nil {
		out.Abort()
		return err
	}
	return out.Close()
}

// inputs reads the inputs (BibTeX ones as one database) and tells
// which file each item comes from, and where in it; then it records the
// --mark decisions, whose keys must name items read. Any input problem
// stops dedupe (exit 1): merging a library read in part would drop items.
func (o dedupeOptions) inputs(args []string, stdin io.Reader, stderr io.Writer, distinct *dedupe.Distinct, marks [][2]string) ([]bib.Item, []string, []diag.Pos, error) {
	items, at, diags, err := loadItemsAt(args, o.from, stdin)
	if derr := reportDiagnostics(stderr, diags); derr != nil {
		return nil, nil, nil, derr
	}
	if err != nil {
		return nil, nil, nil, err
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	if err := checkMarks(ids, marks); err != nil {
		return nil, nil, nil, err
	}
	if err := recordDistinct(o.distinct, distinct, marks); err != nil {
		return nil, nil, nil, err
	}
	source := make([]string, len(items))
	for i := range at {
		source[i] = at[i].File
	}
	return items, source, at, nil
}

// checkMarks makes sure that marked keys name items read: a typo would
// record a decision about nothing.
func checkMarks(ids []string, marks [][2]string) error {
	known := map[string]bool{}
	for _, id := range ids {
		known[id] = true
	}
	var unknown []string
	for _, m := range marks {
		for _, k := range m {
			if !known[k] && !slices.Contains(unknown, k) {
				unknown = append(unknown, k)
			}
		}
	}
	if len(unknown) > 0 {
		return errUnknownKeys(unknown)
	}
	return nil
}

// mergedPositions gives each merged item the position of the input item
// with its key, so that warnings about it point into the input.
func mergedPositions(items []bib.Item, at []diag.Pos, merged []bib.Item) []diag.Pos {
	first := map[string]diag.Pos{}
	for i, it := range items {
		if _, ok := first[it.ID]; !ok {
			first[it.ID] = at[i]
		}
	}
	out := make([]diag.Pos, len(merged))
	for i, it := range merged {
		out[i] = first[it.ID]
	}
	return out
}

// keyNamer names items by key, or by FILE:key when several inputs use the
// same key, so that every reported item can be found.
func keyNamer(ids []string, source []string) func(int) string {
	files := map[string]map[string]bool{}
	for i, id := range ids {
		if files[id] == nil {
			files[id] = map[string]bool{}
		}
		files[id][source[i]] = true
	}
	return func(i int) string {
		if len(files[ids[i]]) > 1 {
			return source[i] + ":" + ids[i]
		}
		return ids[i]
	}
}

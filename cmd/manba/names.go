package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/names"
	"github.com/manba/manba/pkg/translit"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newNamesCmd) }

// namesOptions are the flags shared by the names subcommands.
type namesOptions struct {
	authority string // extra authority file
	lists     string // extra word lists
	output    string
	explain   bool   // cluster: a fourth column saying why
	profile   string // fold
	from, to  string // normalize
}

func newNamesCmd() *cobra.Command {
	var o namesOptions
	c := &cobra.Command{
		Use:   "names",
		Short: "Parse, fold, cluster and normalize transliterated names",
		Long: `names works on personal and corporate names spelled many ways, as Persian and
Arabic names are in English sources: Masoud / Massoud / Mas'oud / Masʻūd Rajavi,
Mojahedin-e Khalq / Mujahedin-e-Khalq / MEK / MKO / PMOI, مسعود رجوی.

Every name keeps three forms: the original as written, the parsed parts, and a
match key folded by transliteration rules (ou/u, ee/i, kh/x, gh/q, zh/j, ezafe,
doubled letters, apostrophes, diacritics, Persian script to a consonant
skeleton). An embedded authority file knows canonical forms, Library of
Congress headings, married and maiden names, acronyms and translations;
--authority adds entries (id<TAB>kind<TAB>canonical<TAB>variant...);
--authority none leaves the authority file out, so that only the romanization
rules decide; --lists adds words to the parser's lists (honorific Mr m,
joinprev nejad, ...).

Clustering is precision first: Masoud, Kazem and Maryam Rajavi stay apart, and
so do Khomeini, Khamenei and the town Khomein.`,
		Example: `  manba names cluster authors.txt
  printf 'Masoud Rajavi\nRajavi, Mas’oud\nMaryam Rajavi\n' | manba names cluster --explain
  manba names parse - <<< 'Mr. Mas’oud Khodabandeh'
  manba names normalize --to bibtex refs.bib -o refs.normalized.bib`,
	}
	c.PersistentFlags().StringVar(&o.authority, "authority", "", "add the entries of an authority FILE (TSV) to the embedded one; \"none\": no authority, the romanization rules only")
	c.PersistentFlags().StringVar(&o.lists, "lists", "", "add the words of a list FILE (honorifics, particles, ...) to the embedded lists")
	c.PersistentFlags().StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")

	cluster := &cobra.Command{
		Use:   "cluster [FILE|-]",
		Short: "Group names that denote the same person or organization",
		Long: `cluster reads one name per line and writes, in input order, one TSV line per
name: input<TAB>cluster_key<TAB>canonical. Names of one cluster share the
cluster key; keys of authority entries start with "@". Text after a tab is
ignored, so the first column of a TSV file can be given. The canonical form is
the authority's, or the fullest name of the cluster. With --explain a fourth
column says why a name joined its cluster ("ou/u + ezafe", "Spanish j = kh",
"surname only", "one word", "authority: Rajavī, Masʻūd") and a fifth gives
the score of the match (1: written alike, 0.5: the least the model accepts).

Bad lines get a diagnostic on standard error with their position and the
rest is clustered: blank lines and lines over 1024 bytes are skipped (they
have no output row), invalid UTF-8 and control characters are replaced, a
word mixing Latin and Perso-Arabic letters is reported. Past ten problems of
one kind, the rest are counted. Exit status 1 when a line was skipped or
changed.`,
		Example: `  manba names cluster names.txt
  manba names cluster --explain --authority mine.tsv - < names.txt`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runNamesCluster(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	cluster.Flags().BoolVar(&o.explain, "explain", false, "add columns saying why each name joined its cluster and how well it matched")

	compare := &cobra.Command{
		Use:   "compare A B",
		Short: "Say whether two names are one person or organization, with a score and the reasons",
		Long: `compare compares two names as cluster does and prints one TSV line:
same or different, the score (1: written alike; 0.5: the least the
romanization model accepts; 0: no match) and the explanation: the conventions
that make the spellings meet ("Spanish j = kh", "o for u (Persian damma)",
"article assimilated"), or why they differ ("different names Ḥamīd / Ḥāmid",
"different authority entries"). With --authority none only the rules decide.`,
		Example: `  manba names compare 'Ruhollah Khomeini' 'Ruhola Jomeini'
  manba names compare --authority none 'Hamid Rezaei' 'Hamed Rezaei'`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usagef("compare needs two names, got %d", len(args))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			return runNamesCompare(o, args, c.OutOrStdout(), c.ErrOrStderr())
		},
	}

	parse := &cobra.Command{
		Use:   "parse [FILE|-]",
		Short: "Show the parts of each name",
		Long: `parse reads one name per line and writes a TSV table with a header: the
original, its kind (person or org), the given name, particle, family name,
suffix, literal (organizations), the honorifics split off, parenthesised
aliases (a maiden name, an acronym), the gender a title or given name tells,
and the match key.`,
		Example: `  echo 'Maryam Rajavi (nee Qajar Azodanlu)' | manba names parse`,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runNamesParse(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}

	fold := &cobra.Command{
		Use:   "fold [FILE|-]",
		Short: "Print each line folded by a transliteration profile",
		Long: `fold reads lines and prints each folded by a profile of package translit:
cleanup (Unicode only), latin (script and diacritics to lower-case ASCII),
default (the match key: romanization variants meet) or skeleton (consonants
only; Persian script meets its romanizations).`,
		Example: `  echo "Mas'oud Rajavī" | manba names fold
  echo 'مسعود رجوی' | manba names fold --profile skeleton`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runNamesFold(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	fold.Flags().StringVar(&o.profile, "profile", "default", "folding profile (cleanup|latin|default|skeleton)")

	normalize := &cobra.Command{
		Use:   "normalize [FILE...]",
		Short: "Rewrite the names of a bibliography to their canonical forms",
		Long: `normalize reads a bibliography in any format manba reads, clusters every
personal and corporate name in it (with the authority file), and writes the
items with each name replaced by the canonical form of its cluster.

The originals are kept: for each name variable that changed, Extra holds the
names as they were under "original-" plus the variable ("original-author"),
joined by " and " as in BibTeX; in CSL-JSON they travel in custom.extra.`,
		Example: `  manba names normalize refs.bib --to bibtex -o refs.normalized.bib
  manba names normalize --from csljson --to csljson < items.json`,
		RunE: func(c *cobra.Command, args []string) error {
			return runNamesNormalize(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	normalize.Flags().StringVar(&o.from, "from", "", "input format (detected from the extension or content when empty)")
	normalize.Flags().StringVar(&o.to, "to", "csljson", "output format")

	c.AddCommand(cluster, compare, parse, fold, normalize)
	return c
}

// setup returns the clusterer for the options, with the user's lists and
// authority file loaded; problems in those files are diagnostics.
func (o namesOptions) setup() (*names.Clusterer, *names.Lists, diag.List, error) {
	var diags diag.List
	lists := names.DefaultLists()
	if o.lists != "" {
		data, err := os.ReadFile(o.lists)
		if err != nil {
			return nil, nil, nil, err
		}
		lists = lists.Clone()
		diags = append(diags, lists.Load(bytes.NewReader(data), o.lists)...)
	}
	au := names.DefaultAuthority()
	switch {
	case o.authority == "none":
		// Rules only: what the romanization model reaches by itself.
		return &names.Clusterer{Authority: names.NewAuthority(lists)}, lists, diags, nil
	case o.lists != "":
		au = au.WithLists(lists)
	}
	if o.authority != "" {
		data, err := os.ReadFile(o.authority)
		if err != nil {
			return nil, nil, nil, err
		}
		if au == names.DefaultAuthority() {
			au = au.Clone()
		}
		diags = append(diags, au.Load(bytes.NewReader(data), o.authority)...)
	}
	return &names.Clusterer{Authority: au}, lists, diags, nil
}

// maxNameBytes bounds a line read as a name: no name is longer, and a
// longer line (a paragraph pasted by mistake) is reported and skipped.
const maxNameBytes = 1024

// maxPerKind is how many diagnostics of one kind are listed; the rest are
// counted.
const maxPerKind = 10

// lineChecker reports what is wrong with the lines of a names file,
// listing the first few problems of each kind and counting the rest.
type lineChecker struct {
	diags diag.List
	count map[string]int
	last  map[string]diag.Pos
}

func (c *lineChecker) add(kind string, sev diag.Severity, pos diag.Pos, format string, args ...any) {
	if c.count == nil {
		c.count, c.last = map[string]int{}, map[string]diag.Pos{}
	}
	c.count[kind]++
	c.last[kind] = pos
	if c.count[kind] <= maxPerKind {
		c.diags.Add(pos, sev, format, args...)
	}
}

// done appends, for each kind with more problems than were listed, how
// many more there were.
func (c *lineChecker) done() diag.List {
	kinds := make([]string, 0, len(c.count))
	for k := range c.count {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		if n := c.count[k] - maxPerKind; n > 0 {
			c.diags.Add(c.last[k], diag.Warning, "%d more lines with %s (only the first %d are listed)", n, k, maxPerKind)
		}
	}
	return c.diags
}

// readLines returns the names of the input, one a line, without a byte
// order mark or carriage returns. A name holds no tab: what follows a tab
// is ignored, so that the first column of a TSV file can be read. Bad
// lines get a diagnostic with their position and the rest is read: blank
// lines and lines longer than maxNameBytes are skipped, invalid UTF-8 and
// control characters are replaced (by U+FFFD and a space), and a word
// mixing Latin and Perso-Arabic letters is reported.
func readLines(args []string, stdin io.Reader) ([]string, diag.List, error) {
	inputs, err := readInputs(args, stdin)
	if err != nil {
		return nil, nil, err
	}
	var c lineChecker
	var lines []string
	for _, in := range inputs {
		data := bytes.TrimPrefix(in.Data, []byte("\xef\xbb\xbf"))
		all := strings.Split(string(data), "\n")
		if len(all) > 0 && all[len(all)-1] == "" {
			all = all[:len(all)-1] // the newline that ends the file
		}
		for n, l := range all {
			pos := diag.Pos{File: in.Name, Line: n + 1, Col: 1}
			l = strings.TrimRight(l, "\r")
			if i := strings.IndexByte(l, '\t'); i >= 0 {
				l = l[:i]
			}
			if l, ok := checkLine(&c, pos, l); ok {
				lines = append(lines, l)
			}
		}
	}
	return lines, c.done(), nil
}

// checkLine reports the problems of one line and returns what is left to
// read as a name, or false when nothing is.
func checkLine(c *lineChecker, pos diag.Pos, l string) (string, bool) {
	switch {
	case strings.TrimSpace(l) == "":
		c.add("blank lines", diag.Warning, pos, "blank line skipped")
		return "", false
	case len(l) > maxNameBytes:
		c.add("over-long lines", diag.Error, pos, "line of %d bytes is longer than a name can be (%d): skipped", len(l), maxNameBytes)
		return "", false
	}
	if !utf8.ValidString(l) {
		at := 0
		for at < len(l) {
			r, size := utf8.DecodeRuneInString(l[at:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			at += size
		}
		p := pos
		p.Col = at + 1
		c.add("invalid UTF-8", diag.Error, p, "invalid UTF-8 (byte 0x%02x) replaced by U+FFFD", l[at])
		l = strings.ToValidUTF8(l, "\uFFFD")
	}
	if i := strings.IndexFunc(l, isControl); i >= 0 {
		p := pos
		p.Col = i + 1
		r, _ := utf8.DecodeRuneInString(l[i:])
		c.add("control characters", diag.Error, p, "control character %U replaced by a space", r)
		l = strings.Map(func(r rune) rune {
			if isControl(r) {
				return ' '
			}
			return r
		}, l)
	}
	if w, ok := mixedScripts(l); ok {
		c.add("mixed scripts", diag.Warning, pos, "%q mixes Latin and Perso-Arabic letters in one word", w)
	}
	return l, true
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' || r >= 0x7f && r < 0xa0
}

// mixedScripts returns a word written partly in Latin and partly in
// Perso-Arabic letters, such as a name and its translation run together.
func mixedScripts(l string) (string, bool) {
	for _, w := range strings.Fields(l) {
		latin, arabic := false, false
		for _, r := range w {
			switch {
			case unicode.Is(unicode.Latin, r):
				latin = true
			case unicode.Is(unicode.Arabic, r):
				arabic = true
			}
		}
		if latin && arabic {
			return w, true
		}
	}
	return "", false
}

// tsv makes a value safe for a TSV field.
func tsv(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s // nearly always: no copy for each of a million rows
	}
	return tsvReplacer.Replace(s)
}

var tsvReplacer = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// batchGC makes the collector run less often while a command holds every
// name in memory: clustering a million names spends a third of its time
// in the collector at the default setting, a tenth at 400; a soft memory
// limit makes it work harder again only when the heap nears 400 MiB, so
// that the peak stays bounded.
func batchGC() (restore func()) {
	old := debug.SetGCPercent(400)
	oldLimit := debug.SetMemoryLimit(400 << 20)
	return func() {
		debug.SetGCPercent(old)
		debug.SetMemoryLimit(oldLimit)
	}
}

func runNamesCluster(o namesOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	defer batchGC()()
	cl, _, diags, err := o.setup()
	if err != nil {
		return err
	}
	lines, lineDiags, err := readLines(args, stdin)
	if err != nil {
		return err
	}
	diags = append(diags, lineDiags...)
	out, err := openOutput(o.output, stdout)
	if err != nil {
		return err
	}
	cl.Brief = !o.explain
	cl.Each(lines, func(_ int, a names.Assignment) {
		w := out.w // a million rows: no formatting but the score's
		w.WriteString(tsv(a.Input))
		w.WriteByte('\t')
		w.WriteString(tsv(a.Key))
		w.WriteByte('\t')
		w.WriteString(tsv(a.Canonical))
		if o.explain {
			fmt.Fprintf(w, "\t%s\t%.2f", tsv(a.Why), a.Score)
		}
		w.WriteByte('\n')
	})
	if err := out.Close(); err != nil {
		return err
	}
	return reportDiagnostics(stderr, diags)
}

func runNamesCompare(o namesOptions, args []string, stdout, stderr io.Writer) error {
	cl, _, diags, err := o.setup()
	if err != nil {
		return err
	}
	out, err := openOutput(o.output, stdout)
	if err != nil {
		return err
	}
	c := cl.Compare(args[0], args[1])
	verdict := "different"
	if c.Same {
		verdict = "same"
	}
	fmt.Fprintf(out, "%s\t%.2f\t%s\n", verdict, c.Score, tsv(c.Why))
	if err := out.Close(); err != nil {
		return err
	}
	return reportDiagnostics(stderr, diags)
}

func runNamesParse(o namesOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	_, lists, diags, err := o.setup()
	if err != nil {
		return err
	}
	lines, lineDiags, err := readLines(args, stdin)
	if err != nil {
		return err
	}
	diags = append(diags, lineDiags...)
	out, err := openOutput(o.output, stdout)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "original\tkind\tgiven\tparticle\tfamily\tsuffix\tliteral\thonorifics\taliases\tgender\tkey")
	for _, l := range lines {
		p := lists.Parse(l)
		n := p.Display
		gender := ""
		if p.Gender != 0 {
			gender = string(rune(p.Gender))
		}
		particle := strings.TrimSpace(n.DroppingParticle + " " + n.NonDroppingParticle)
		fields := []string{p.Original, p.Kind.String(), n.Given, particle, n.Family, n.Suffix, n.Literal,
			strings.Join(p.Honorifics, " "), strings.Join(p.Aliases, "; "), gender, p.Key}
		for i, f := range fields {
			fields[i] = tsv(f)
		}
		fmt.Fprintln(out, strings.Join(fields, "\t"))
	}
	if err := out.Close(); err != nil {
		return err
	}
	return reportDiagnostics(stderr, diags)
}

func runNamesFold(o namesOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	p, ok := translit.Profiles[strings.ToLower(o.profile)]
	if !ok {
		return usagef("unknown profile %q (want cleanup|latin|default|skeleton)", o.profile)
	}
	lines, diags, err := readLines(args, stdin)
	if err != nil {
		return err
	}
	out, err := openOutput(o.output, stdout)
	if err != nil {
		return err
	}
	for _, l := range lines {
		fmt.Fprintln(out, p.String(l))
	}
	if err := out.Close(); err != nil {
		return err
	}
	return reportDiagnostics(stderr, diags)
}

func runNamesNormalize(o namesOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	defer batchGC()()
	cl, lists, diags, err := o.setup()
	if err != nil {
		return err
	}
	if _, err := lookupFormat(o.to, true); err != nil {
		return err
	}
	items, readDiags, err := loadItems(args, o.from, stdin)
	diags = append(diags, readDiags...)
	if err != nil {
		reportDiagnostics(stderr, diags)
		return err
	}
	normalizeNames(cl, lists, items)
	if err := writeItemsAs(o.to, o.output, stdout, items); err != nil {
		return err
	}
	return reportDiagnostics(stderr, diags)
}

// originalText is the name as the source wrote it, kept when the name is
// rewritten.
func originalText(n bib.Name) string {
	if n.Original != "" {
		return n.Original
	}
	return nameText(n)
}

// nameText is how a name is given to the clusterer: from its decoded
// parts, since Original is in the source's syntax (TeX for BibTeX).
func nameText(n bib.Name) string {
	if n.Literal != "" {
		return "{" + n.Literal + "}" // keep an institution whole
	}
	if n.Given == "" {
		return n.FamilyFull()
	}
	s := n.FamilyFull() + ", " + n.Given
	if n.Suffix != "" {
		s = n.FamilyFull() + ", " + n.Suffix + ", " + n.Given
	}
	return s
}

// normalizeNames replaces every name of the items by the canonical form of
// its cluster, keeping the originals in Extra["original-VAR"].
func normalizeNames(cl *names.Clusterer, lists *names.Lists, items []bib.Item) {
	var texts []string
	seen := map[string]bool{}
	for _, it := range items {
		for _, v := range bib.SortedKeys(it.Names) {
			for _, n := range it.Names[v] {
				if t := nameText(n); !seen[t] {
					seen[t] = true
					texts = append(texts, t)
				}
			}
		}
	}
	canonical := map[string]string{}
	for _, a := range cl.Cluster(texts) {
		canonical[a.Input] = a.Canonical
	}
	for i := range items {
		it := &items[i]
		for _, v := range bib.SortedKeys(it.Names) {
			list := it.Names[v]
			changed := false
			orig := make([]string, len(list))
			out := make([]bib.Name, len(list))
			for j, n := range list {
				orig[j] = originalText(n)
				out[j] = n
				c := canonical[nameText(n)]
				if c == "" {
					continue
				}
				p := lists.Parse(c)
				m := p.Display
				m.Original = ""
				if n.IsLiteral() && !m.IsLiteral() {
					m = bib.Name{Literal: c}
				}
				if !m.Equal(n) {
					out[j] = m
					changed = true
				}
			}
			if changed {
				it.SetNames(v, out)
				it.SetExtra("original-"+v, strings.Join(orig, " and "))
			}
		}
	}
}

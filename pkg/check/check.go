package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/names"
)

// Check describes one kind of problem.
type Check struct {
	ID  string
	Doc string
}

// Checks lists every check, in the order of this table.
var Checks = []Check{
	{"syntax", "the file cannot be parsed as BibTeX here"},
	{"missing-key", "an entry has no citation key"},
	{"duplicate-key", "two entries share a key (BibTeX compares keys ignoring case)"},
	{"duplicate-field", "a field appears twice in one entry (only the first is read)"},
	{"empty-field", "a field has an empty value"},
	{"unknown-type", "the entry type is neither BibTeX's nor BibLaTeX's"},
	{"missing-field", "a field the entry type requires is missing (also after crossref/xdata)"},
	{"undefined-crossref", "crossref, xref or xdata names an entry that is not in the library"},
	{"undefined-macro", "a value uses an @string macro that is not defined"},
	{"isbn", "an ISBN has the wrong length or check digit"},
	{"issn", "an ISSN has the wrong form or check digit"},
	{"doi", "a DOI is not of the form 10.NNNN/suffix"},
	{"url", "a URL has no scheme or host"},
	{"date", "a year, month, day or date that cannot be (month 13, 30 February, a range ending before it starts)"},
	{"pages", "a page range that ends before it starts"},
	{"name-variant", "one person spelled two ways in the library"},
}

// Finding is one problem found.
type Finding struct {
	Pos   diag.Pos `json:"-"`
	File  string   `json:"file"`
	Line  int      `json:"line"`
	Col   int      `json:"col"`
	Check string   `json:"check"`
	Key   string   `json:"key,omitempty"` // the entry, if the problem is in one
	Msg   string   `json:"message"`
	Hint  string   `json:"hint"`
}

// String formats the finding on one line: "file:line:col: check: message; fix: hint".
func (f Finding) String() string {
	return fmt.Sprintf("%s: %s: %s; fix: %s", f.Pos, f.Check, f.Msg, f.Hint)
}

// Input is one file of a library.
type Input struct {
	Name string
	Src  []byte
}

// Options select the checks.
type Options struct {
	// Skip are check IDs not to run.
	Skip map[string]bool
	// Authority is used to tell name variants; nil means the default.
	Authority *names.Authority
}

// Library checks the files together and returns the findings sorted by
// position.
func Library(files []Input, opts Options) []Finding {
	c := &checker{opts: opts, entries: map[string][]*entry{}, macros: map[string]bool{}}
	for _, in := range files {
		c.add(in)
	}
	for _, run := range []func(){c.keys, c.fields, c.references, c.nameVariants} {
		run()
	}
	out := c.found[:0]
	for _, f := range c.found {
		if !opts.Skip[f.Check] {
			f.File, f.Line, f.Col = f.Pos.File, f.Pos.Line, f.Pos.Col
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Offset < b.Offset
	})
	return out
}

// entry is one entry of the library with the file it is in.
type entry struct {
	file *bibtex.File
	e    *bibtex.Entry
	pos  diag.Pos
}

type checker struct {
	opts    Options
	files   []*bibtex.File
	list    []*entry
	entries map[string][]*entry // by lower-case key and ids alias
	macros  map[string]bool     // lower-case @string names
	found   []Finding
}

func (c *checker) report(pos diag.Pos, check, key, hint, format string, args ...any) {
	c.found = append(c.found, Finding{Pos: pos, Check: check, Key: key, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func (c *checker) add(in Input) {
	f, diags := bibtex.Parse(in.Name, in.Src)
	for _, d := range diags.Errors() {
		c.report(d.Pos, "syntax", "", "correct the syntax at this place; the rest of the entry may be lost", "%s", d.Msg)
	}
	c.files = append(c.files, f)
	for i := range f.Blocks {
		b := &f.Blocks[i]
		switch b.Kind {
		case bibtex.StringBlock:
			for _, fl := range b.Entry.Fields {
				c.macros[strings.ToLower(fl.Name)] = true
			}
		case bibtex.EntryBlock:
			en := &entry{file: f, e: b.Entry, pos: f.Pos(b.Offset)}
			c.list = append(c.list, en)
			if b.Entry.Key != "" {
				k := strings.ToLower(b.Entry.Key)
				c.entries[k] = append(c.entries[k], en)
			}
			if ids, ok := b.Entry.Field("ids"); ok {
				for _, id := range splitList(text(ids.Value)) {
					if k := strings.ToLower(id); k != strings.ToLower(b.Entry.Key) {
						c.entries[k] = append(c.entries[k], en)
					}
				}
			}
		}
	}
}

// text is a value's text with its parts joined.
func text(v bibtex.Value) string {
	var b strings.Builder
	for _, p := range v {
		b.WriteString(p.Text)
	}
	return b.String()
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (c *checker) keys() {
	for _, en := range c.list {
		if en.e.Key == "" {
			c.report(en.pos, "missing-key", "", "add a key after the opening brace, or run manba keys", "%s entry without a key", en.e.Type)
			continue
		}
		same := c.entries[strings.ToLower(en.e.Key)]
		if same[0] != en && strings.EqualFold(same[0].e.Key, en.e.Key) {
			c.report(c.keyPos(en), "duplicate-key", en.e.Key, "rename one of them (manba keys) or merge them (manba tidy --merge-duplicates)",
				"key %q is also used at %s", en.e.Key, same[0].pos)
		}
	}
}

func (c *checker) keyPos(en *entry) diag.Pos { return en.file.Pos(en.e.KeyOffset) }

package csl

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

// Style is a parsed CSL style.
type Style struct {
	ID, Title     string
	Class         string // "in-text" or "note"
	DefaultLocale string
	// Rights is the licence notice of the style, kept for attribution.
	Rights string

	root         *element
	macros       map[string]*element
	citation     *element
	bibliography *element
	locales      []*Locale
}

// StyleOptions bounds what reading a style may cost, so that a hostile or
// broken file (a huge one, /dev/zero, groups nested thousands deep) gets a
// clear error instead of taking the memory or time it asks for. Zero
// fields take the defaults.
type StyleOptions struct {
	// MaxBytes is the size of the largest style read; default
	// DefaultMaxStyleBytes.
	MaxBytes int64
	// MaxDepth is the deepest nesting of elements, counting the elements
	// of the macros a style calls where it calls them; default
	// DefaultMaxStyleDepth.
	MaxDepth int
}

// The default style limits: the largest real styles are about 250 KB and
// nest about 20 levels deep, macros included.
const (
	DefaultMaxStyleBytes = 4 << 20
	DefaultMaxStyleDepth = 200
)

// readLimited reads r up to limit bytes; a longer input is an error, found
// without reading more than one byte past the limit.
func readLimited(file string, r io.Reader, limit int64) ([]byte, error) {
	src, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(src)) > limit {
		return nil, diag.List{{Pos: diag.Pos{File: file}, Severity: diag.Error,
			Msg: fmt.Sprintf("larger than %d bytes (StyleOptions.MaxBytes)", limit)}}
	}
	return src, nil
}

func (o StyleOptions) withDefaults() StyleOptions {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxStyleBytes
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxStyleDepth
	}
	return o
}

// ParseStyle reads a CSL style with the default limits. Errors are a
// diag.List with file:line:col.
func ParseStyle(r io.Reader) (*Style, error) { return ParseStyleWith(r, StyleOptions{}) }

// ParseStyleWith reads a CSL style within the limits of opts.
func ParseStyleWith(r io.Reader, opts StyleOptions) (*Style, error) {
	return parseStyle("", r, opts.withDefaults())
}

func parseStyle(file string, r io.Reader, opts StyleOptions) (*Style, error) {
	src, err := readLimited(file, r, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	root, err := parseXML(file, src, opts.MaxDepth)
	if err != nil {
		return nil, err
	}
	var errs diag.List
	if root.name != "style" {
		errs = append(errs, *posError(root, "root element is <%s>, want <style>", root.name))
		return nil, errs
	}
	s := &Style{root: root, Class: root.attr("class"), DefaultLocale: root.attr("default-locale"), macros: map[string]*element{}}
	if s.Class == "" {
		s.Class = "in-text"
	}
	for _, c := range root.children {
		switch c.name {
		case "info":
			for _, i := range c.children {
				switch i.name {
				case "id":
					s.ID = trimSpace(i.text)
				case "title":
					s.Title = trimSpace(i.text)
				case "rights":
					s.Rights = trimSpace(i.text)
				}
			}
		case "macro":
			name := c.attr("name")
			if name == "" {
				errs = append(errs, *posError(c, "<macro> without a name"))
				continue
			}
			s.macros[name] = c
		case "citation":
			s.citation = c
		case "bibliography":
			s.bibliography = c
		case "locale":
			s.locales = append(s.locales, localeFrom(c))
		}
	}
	if s.citation == nil {
		errs = append(errs, diag.Diagnostic{Pos: root.pos, Severity: diag.Error, Msg: "style has no <citation>"})
	} else if s.citation.child("layout") == nil {
		errs = append(errs, *posError(s.citation, "<citation> has no <layout>"))
	}
	if s.bibliography != nil && s.bibliography.child("layout") == nil {
		errs = append(errs, *posError(s.bibliography, "<bibliography> has no <layout>"))
	}
	check(root, s, &errs)
	addMissingNames(root, false)
	if checkMacroCycles(s, &errs) {
		checkDepth(s, opts.MaxDepth, &errs)
	}
	precompute(root)
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

// check reports references to undefined macros, which would otherwise
// only show as silently missing output.
func check(e *element, s *Style, errs *diag.List) {
	if m := e.attr("macro"); m != "" && (e.name == "text" || e.name == "key") {
		if _, ok := s.macros[m]; !ok {
			*errs = append(*errs, *posError(e, "undefined macro %q", m))
		}
	}
	for _, c := range e.children {
		check(c, s, errs)
	}
}

// addMissingNames gives a cs:names without cs:name (outside cs:substitute,
// where names inherit the parent's) an empty cs:name before its other
// children, as citeproc-js does: a label in it then follows the names
// ("Pardue LS, editor"), the position an explicit cs:name would give it.
func addMissingNames(e *element, inSubstitute bool) {
	if e.name == "names" && !inSubstitute && e.child("name") == nil {
		e.children = append([]*element{{name: "name", pos: e.pos}}, e.children...)
	}
	for _, c := range e.children {
		addMissingNames(c, inSubstitute || e.name == "substitute")
	}
}

// precompute parses the conditions of cs:if and cs:else-if once, so that
// a Style is read-only while processors share it across goroutines.
func precompute(e *element) {
	if e.name == "if" || e.name == "else-if" {
		conditionsOf(e)
	}
	if e.name == "names" {
		e.vars = strings.Fields(e.attrs["variable"])
	}
	for _, c := range e.children {
		precompute(c)
	}
}

// checkMacroCycles rejects macros that call themselves, directly or
// through other macros: rendering them would never end. It reports whether
// there are none.
func checkMacroCycles(s *Style, errs *diag.List) bool {
	const (
		unvisited = iota
		active
		done
	)
	state := map[string]int{}
	var visit func(name string, at *element) bool
	var calls func(e *element, fn func(name string, at *element) bool) bool
	calls = func(e *element, fn func(string, *element) bool) bool {
		if m := e.attrs["macro"]; m != "" && (e.name == "text" || e.name == "key") {
			if !fn(m, e) {
				return false
			}
		}
		for _, c := range e.children {
			if !calls(c, fn) {
				return false
			}
		}
		return true
	}
	visit = func(name string, at *element) bool {
		m, ok := s.macros[name]
		if !ok {
			return true
		}
		switch state[name] {
		case active:
			*errs = append(*errs, *posError(at, "macro %q calls itself", name))
			return false
		case done:
			return true
		}
		state[name] = active
		ok = calls(m, visit)
		state[name] = done
		return ok
	}
	for _, name := range bib.SortedKeys(s.macros) {
		if !visit(name, s.macros[name]) {
			return false
		}
	}
	return true
}

// checkDepth rejects a style whose elements, with the macros they call
// expanded in place, nest deeper than limit: rendering recurses that deep.
// Each macro's depth is computed once, so the check is linear in the
// style's size.
func checkDepth(s *Style, limit int, errs *diag.List) {
	memo := map[string]int{}
	var depth func(e *element) int
	depth = func(e *element) int {
		d := 0
		if m := e.attrs["macro"]; m != "" && (e.name == "text" || e.name == "key") {
			if me, ok := s.macros[m]; ok {
				md, seen := memo[m]
				if !seen {
					md = depth(me)
					memo[m] = md
				}
				d = md
			}
		}
		for _, c := range e.children {
			d = max(d, depth(c))
		}
		return d + 1
	}
	for _, top := range []*element{s.citation, s.bibliography} {
		if top == nil {
			continue
		}
		if d := depth(top); d > limit {
			*errs = append(*errs, *posError(top, "<%s> nests %d levels deep with its macros expanded (limit %d, StyleOptions.MaxDepth)", top.name, d, limit))
		}
	}
}

// HasBibliography reports whether the style defines a bibliography.
func (s *Style) HasBibliography() bool { return s.bibliography != nil }

// IsNote reports whether the style is a note style.
func (s *Style) IsNote() bool { return s.Class == "note" }

// EmbeddedStyles lists the names of the built-in styles.
func EmbeddedStyles() []string {
	ents, _ := embedded.ReadDir("styles")
	var out []string
	for _, e := range ents {
		if n, ok := strings.CutSuffix(e.Name(), ".csl"); ok {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// styleAliases are the short names users type for the built-in styles.
var styleAliases = map[string]string{
	"chicago": "chicago-author-date", "mla": "modern-language-association",
	"harvard": "harvard-cite-them-right", "chicago-notes": "chicago-notes-bibliography",
}

// LoadStyle returns a built-in style by name ("apa", "chicago-author-date",
// "mla") or reads a .csl file from a path, with the default limits.
func LoadStyle(nameOrPath string) (*Style, error) { return LoadStyleWith(nameOrPath, StyleOptions{}) }

// LoadStyleWith is LoadStyle within the limits of opts.
func LoadStyleWith(nameOrPath string, opts StyleOptions) (*Style, error) {
	opts = opts.withDefaults()
	name := nameOrPath
	if a, ok := styleAliases[name]; ok {
		name = a
	}
	if !strings.ContainsAny(name, `/\`) && !strings.HasSuffix(name, ".csl") {
		if b, err := embedded.ReadFile("styles/" + name + ".csl"); err == nil {
			return parseStyle(name+".csl", bytes.NewReader(b), opts)
		}
	}
	f, err := os.Open(nameOrPath)
	if err != nil {
		if os.IsNotExist(err) && !strings.HasSuffix(nameOrPath, ".csl") {
			return nil, &unknownStyleError{nameOrPath}
		}
		return nil, err
	}
	defer f.Close()
	return parseStyle(filepath.Base(nameOrPath), f, opts)
}

type unknownStyleError struct{ name string }

func (e *unknownStyleError) Error() string {
	return "unknown style " + `"` + e.name + `"` + " (built-in: " + strings.Join(EmbeddedStyles(), ", ") + "; or give a .csl file)"
}

// localeFor builds the merged locale for a language: en-US, then the
// locale file of the language, then the style's own locale sections from
// the least to the most specific.
func (s *Style) localeFor(lang string) *Locale {
	if lang == "" {
		lang = s.DefaultLocale
	}
	if lang == "" {
		lang = "en-US"
	}
	out := &Locale{terms: map[termKey]*term{}, dates: map[string]*element{}}
	out.merge(loadEmbeddedLocale("en-US"))
	primary, _, _ := strings.Cut(lang, "-")
	file := lang
	if loadEmbeddedLocale(file) == nil {
		file = primaryDialects[primary]
	}
	if file != "" && file != "en-US" {
		out.merge(loadEmbeddedLocale(file))
	}
	for _, l := range s.locales {
		if l.Lang == "" {
			out.merge(l)
		}
	}
	for _, l := range s.locales {
		if l.Lang != "" && l.Lang == primary && l.Lang != lang {
			out.merge(l)
		}
	}
	for _, l := range s.locales {
		if l.Lang != "" && l.Lang == lang {
			out.merge(l)
		}
	}
	out.Lang = lang
	return out
}

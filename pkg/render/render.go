package render

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/diag"
)

// Format is the output markup.
type Format int

// The output formats.
const (
	Markdown Format = iota
	HTML
)

// Options say how to render a document.
type Options struct {
	Style  *csl.Style
	Locale string // "" for the style's default
	Items  []bib.Item
	Format Format
	// Nocite are keys put in the bibliography without a citation ("*":
	// every item), added to the front matter's.
	Nocite []string
}

// Document renders the citations of a Markdown document and appends the
// bibliography. name is used in positions. Unknown keys and bad front
// matter are reported; the rest is still rendered.
func Document(name string, src []byte, opts Options) ([]byte, diag.List) {
	var diags diag.List
	lines := diag.NewLines(name, src)
	doc := string(src)
	meta, body, bodyOff, err := FrontMatter(doc)
	if err != nil {
		diags.Errorf(lines.Pos(0), "%v", err)
	}
	r := &renderer{opts: opts, known: map[string]bool{}, note: opts.Style.IsNote()}
	for _, it := range opts.Items {
		r.known[it.ID] = true
	}
	cits := Parse(body)
	r.lang = firstNonEmpty(opts.Locale, meta.Lang)
	p := csl.NewProcessor(opts.Style, r.lang, opts.Items)
	for _, c := range cits {
		for _, cite := range c.Cites {
			if !r.known[cite.Key] {
				diags.Errorf(lines.Pos(bodyOff+cite.Offset), "citation key %q not found in the bibliography", cite.Key)
			}
		}
	}
	// Works listed but not cited are registered after the cited ones, in
	// the order of their first citation: numeric styles number the cited
	// works first, as pandoc does.
	if nocite := append(slices.Clone(meta.Nocite), opts.Nocite...); len(nocite) > 0 {
		var order []string
		for _, c := range cits {
			for _, cite := range c.Cites {
				order = append(order, cite.Key)
			}
		}
		if slices.Contains(nocite, "*") {
			for _, it := range opts.Items {
				order = append(order, it.ID)
			}
		} else {
			order = append(order, nocite...)
		}
		p.Register(order...) // unknown and repeated keys are ignored
	}
	texts := r.citations(p, body, cits)
	var out strings.Builder
	if bodyOff > 0 && opts.Format == Markdown {
		out.WriteString(doc[:bodyOff])
	}
	out.WriteString(r.replace(body, cits, texts))
	if opts.Style.HasBibliography() {
		if entries := p.BibliographyString(csl.Markdown); strings.TrimSpace(entries) != "" {
			out.WriteString("\n")
			if meta.ReferenceSectionTitle != "" {
				out.WriteString("# " + meta.ReferenceSectionTitle + "\n\n")
			}
			out.WriteString(strings.TrimRight(entries, "\n") + "\n")
		}
	}
	for i, n := range r.notes {
		if i == 0 {
			out.WriteString("\n")
		}
		fmt.Fprintf(&out, "[^%s%d]: %s\n", r.notePrefix, i+1, n)
	}
	if opts.Format == HTML {
		var buf bytes.Buffer
		md := goldmark.New(goldmark.WithExtensions(extension.Footnote, extension.Table, extension.Strikethrough))
		if err := md.Convert([]byte(out.String()), &buf); err != nil {
			diags.Errorf(lines.Pos(0), "HTML: %v", err)
		}
		return buf.Bytes(), diags
	}
	return []byte(out.String()), diags
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

type renderer struct {
	opts       Options
	known      map[string]bool
	note       bool
	notes      []string // footnote texts of a note style, in order
	notePrefix string
	lang       string
}

// rendered is the text that replaces one citation.
type rendered struct {
	inline string // in the running text
	note   string // the footnote, for note styles
}

// citations renders all citations together, so that positions (ibid,
// subsequent), numbers and disambiguation see the whole document.
func (r *renderer) citations(p *csl.Processor, body string, cits []Citation) []rendered {
	var cc []csl.Citation
	var index []int // cc index of each citation, -1 when no cite is known
	for _, c := range cits {
		var cs []csl.Cite
		for _, cite := range c.Cites {
			if !r.known[cite.Key] {
				continue
			}
			cs = append(cs, csl.Cite{ID: cite.Key, Prefix: cite.Prefix, Suffix: cite.Suffix, Locator: cite.Locator,
				Label: cite.Label, SuppressAuthor: cite.SuppressAuthor || c.InText})
		}
		if len(cs) == 0 {
			index = append(index, -1)
			continue
		}
		n := 0
		if r.note {
			n = len(cc) + 1
		}
		index = append(index, len(cc))
		cc = append(cc, csl.Citation{Cites: cs, NoteIndex: n})
	}
	// The author names of in-text citations come from a processor of their
	// own, so that they do not count as citations (numbers, positions).
	authors := make([]string, len(cits))
	var names *csl.Processor
	for i, c := range cits {
		if c.InText && index[i] >= 0 {
			if names == nil {
				names = csl.NewProcessor(r.opts.Style, r.lang, r.opts.Items)
			}
			authors[i] = authorOnly(names, c.Cites[0].Key)
		}
	}
	texts := p.Citations(cc, csl.Markdown)
	out := make([]rendered, len(cits))
	for i, c := range cits {
		text := ""
		if index[i] >= 0 {
			text = texts[index[i]]
			if r.note {
				text = capitalizeFirst(text)
			}
		}
		text = r.withUnknown(c, text)
		switch {
		case c.InText && index[i] >= 0:
			author := authors[i]
			switch {
			case r.note:
				out[i] = rendered{inline: author, note: text}
			case author == "":
				out[i] = rendered{inline: text}
			default:
				out[i] = rendered{inline: author + " " + text}
			}
		case r.note && !c.InText && !inFootnote(body, c.Start):
			out[i] = rendered{note: text}
		default:
			out[i] = rendered{inline: text}
		}
	}
	return out
}

var footnoteDef = regexp.MustCompile(`^ {0,3}\[\^[^\]\s]+\]:`)

// inFootnote reports whether offset i lies in a footnote definition
// ("[^label]: ..." and the lines of its paragraph): a citation there is
// already in a note and is rendered in place.
func inFootnote(body string, i int) bool {
	for end := i; ; {
		start := strings.LastIndexByte(body[:end], '\n') + 1
		line := body[start:end]
		if footnoteDef.MatchString(line) {
			return true
		}
		if start == 0 || strings.TrimSpace(body[strings.LastIndexByte(body[:start-1], '\n')+1:start]) == "" {
			return false
		}
		end = start - 1
	}
}

// authorOnly renders the author of an in-text citation. Numeric styles
// give a number, not a name: then there is none, and the citation stands
// alone, as in pandoc.
func authorOnly(p *csl.Processor, key string) string {
	a := unwrap(p.Cite([]csl.Cite{{ID: key, AuthorOnly: true}}, csl.Markdown))
	if !strings.ContainsFunc(a, unicode.IsLetter) {
		return ""
	}
	return a
}

// unwrap removes the brackets an author-only citation takes from the
// style's citation layout: "(Goulka et al.)" names "Goulka et al." in the
// sentence.
func unwrap(s string) string {
	if len(s) >= 2 && (s[0] == '(' && s[len(s)-1] == ')' || s[0] == '[' && s[len(s)-1] == ']') {
		return s[1 : len(s)-1]
	}
	return s
}

// capitalizeFirst capitalises the first letter of a note, as pandoc does
// ("see Abrahamian" opening a footnote becomes "See Abrahamian").
func capitalizeFirst(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
		if r != '*' && r != '_' && r != '"' && r != '“' {
			return s
		}
	}
	return s
}

// withUnknown adds the unknown keys of a citation as **key?**, as pandoc
// shows them.
func (r *renderer) withUnknown(c Citation, text string) string {
	var unknown []string
	for _, cite := range c.Cites {
		if !r.known[cite.Key] {
			unknown = append(unknown, "**"+cite.Key+"?**")
		}
	}
	if len(unknown) == 0 {
		return text
	}
	u := strings.Join(unknown, "; ")
	if text == "" {
		if c.InText || r.note {
			return u
		}
		return "(" + u + ")"
	}
	return text + " (" + u + ")"
}

// replace puts the rendered citations into the body; with a note style a
// citation becomes a footnote reference, placed after the punctuation that
// follows it, without the space before it.
func (r *renderer) replace(body string, cits []Citation, texts []rendered) string {
	r.notePrefix = "c"
	for strings.Contains(body, "[^"+r.notePrefix) {
		r.notePrefix += "c"
	}
	var b strings.Builder
	last := 0
	for i, c := range cits {
		t := texts[i]
		start, end := c.Start, c.End
		if t.note == "" {
			b.WriteString(body[last:start])
			b.WriteString(t.inline)
			last = end
			continue
		}
		pre := body[last:start]
		if t.inline == "" {
			pre = strings.TrimRight(pre, " ")
		}
		b.WriteString(pre)
		b.WriteString(t.inline)
		punct := ""
		for end < len(body) && strings.IndexByte(".,;:!?", body[end]) >= 0 {
			punct += body[end : end+1]
			end++
		}
		r.notes = append(r.notes, t.note)
		fmt.Fprintf(&b, "%s[^%s%d]", punct, r.notePrefix, len(r.notes))
		last = end
	}
	b.WriteString(body[last:])
	return b.String()
}

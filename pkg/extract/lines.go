package extract

import (
	"bytes"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/extract/refparse"
	"github.com/manba/manba/pkg/works"
)

// ParseLines reads every non-empty line of src as one reference string
// and returns one item per line, in order, with the parser m (nil: the
// embedded model). A line nothing could be read from becomes an item with
// only its text as the note, and a warning names its position.
func ParseLines(m *refparse.Model, name string, src []byte) ([]bib.Item, diag.List) {
	var diags diag.List
	lines := diag.NewLines(name, src)
	if !bytes.Equal(bytes.ToValidUTF8(src, nil), src) {
		diags.Warnf(lines.Pos(0), "not valid UTF-8; invalid bytes replaced")
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
		lines = diag.NewLines(name, src)
	}
	used := map[string]int{}
	var items []bib.Item
	off := 0
	for len(src) > 0 {
		l := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			l = src[:i]
			src = src[i+1:]
		} else {
			src = nil
		}
		start := off
		off += len(l) + 1
		text := strings.TrimSpace(strings.Map(noControl, string(l)))
		if text == "" {
			continue
		}
		pos := lines.Pos(start + len(l) - len(bytes.TrimLeft(l, " \t")))
		p := ParseReferenceWith(m, text)
		it := p.Item
		if !readSomething(it) {
			diags.Warnf(pos, "nothing read from %q; kept as a note", shorten(text, 60))
			it = bib.Item{Type: "document"}
			it.Set("note", text)
		}
		it.ID = uniqueKey(citeKey(it), used)
		src := pos.String()
		for _, f := range append(append(bib.SortedKeys(it.Vars), bib.SortedKeys(it.Names)...), bib.SortedKeys(it.Dates)...) {
			_ = works.SetFieldProvenance(&it, f, "", src)
		}
		items = append(items, it)
	}
	diags.Sort()
	return items, diags
}

// readSomething reports whether a parse found more than a note: a title,
// a name, a periodical, a date or an identifier.
func readSomething(it bib.Item) bool {
	for _, v := range []string{"title", "container-title", "publisher", "URL", "DOI", "ISBN"} {
		if it.Get(v) != "" {
			return true
		}
	}
	return len(it.Names) > 0 || !it.Dates["issued"].IsZero()
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// noControl turns control characters (binary input) into spaces.
func noControl(r rune) rune {
	if r < ' ' || r == 0x7f {
		return ' '
	}
	return r
}

package csl

import (
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/require"
)

// FuzzParseStyle checks that any XML parses or fails cleanly, and that a
// style that parses renders a small item without panicking.
func FuzzParseStyle(f *testing.F) {
	for _, name := range EmbeddedStyles() {
		b, _ := embedded.ReadFile("styles/" + name + ".csl")
		if len(b) < 8000 {
			f.Add(string(b))
		}
	}
	f.Add(`<style><citation><layout><text variable="title"/></layout></citation></style>`)
	f.Add(`<style><macro name="a"><text macro="a"/></macro><citation><layout><text macro="a"/></layout></citation></style>`)
	it := bib.Item{ID: "x", Type: "book"}
	it.Set("title", "A <i>title</i> with \"quotes\"")
	it.Set("page", "12-15")
	it.SetNames("author", []bib.Name{{Family: "Rajavi", Given: "Mas'oud"}, {Literal: "PMOI"}})
	it.SetDate("issued", bib.Date{From: bib.DateParts{Year: 2003, Month: 6}, To: bib.DateParts{Year: 2004}})
	f.Fuzz(func(t *testing.T, src string) {
		s, err := ParseStyle(strings.NewReader(src))
		if err != nil {
			return
		}
		p := NewProcessor(s, "", []bib.Item{it, it.Clone()})
		p.Cite([]Cite{{ID: "x", Locator: "3"}}, HTML)
		p.Bibliography(Text)
	})
}

// FuzzInitializeName checks that initials are computed without a panic
// from any given name, markup included, and keep every tag.
func FuzzInitializeName(f *testing.F) {
	for _, s := range []string{"Masoud", "Jean-Paul", "<b>J</b>-Q", "J. B. de C. M.", "<i>a</i><b>", "</b>x<", "TSerendorjiin"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, given string) {
		out := initializeName(given, ". ", true, true)
		_, tags := hideTags(given)
		for _, tag := range tags {
			require.Contains(t, out, tag, "initializeName(%q) = %q lost a tag", given, out)
		}
	})
}

package bibtex_test

import (
	"fmt"
	"os"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
)

func ExampleDecode() {
	src := `@string{pmoi = {People's Mojahedin Organization of Iran}}
@article{abrahamian1980,
  author  = {Abrahamian, Ervand and Mas'oud Rajavi and {Human Rights Watch}},
  title   = {The Guerrilla Movement in {Iran}, 1963--1977},
  journal = {MERIP Reports}, number = 86, pages = {3--15},
  year = 1980, month = mar, note = pmoi,
}`
	items, diags := bibtex.Decode("refs.bib", []byte(src), bibtex.DecodeOptions{})
	for _, it := range items {
		fmt.Println(it.ID, it.Type, it.Get("title"))
		for _, n := range it.Names["author"] {
			fmt.Printf("  %q family=%q literal=%q\n", n.String(), n.Family, n.Literal)
		}
		fmt.Println(" ", it.Get("issue"), it.Get("page"), it.Dates["issued"], it.Get("note"))
	}
	fmt.Println(len(diags), "problems")
	// Output:
	// abrahamian1980 article-journal The Guerrilla Movement in <span class="nocase">Iran</span>, 1963–1977
	//   "Ervand Abrahamian" family="Abrahamian" literal=""
	//   "Mas'oud Rajavi" family="Rajavi" literal=""
	//   "Human Rights Watch" family="" literal="Human Rights Watch"
	//   86 3–15 1980-03 People's Mojahedin Organization of Iran
	// 0 problems
}

func ExampleParse() {
	src := []byte("% MEK sources\n@misc{a, title = {x}\n@book{b, title = {Y}}\n")
	f, diags := bibtex.Parse("refs.bib", src)
	for _, b := range f.Blocks {
		fmt.Printf("%s %q\n", b.Kind, b.Raw)
	}
	for _, d := range diags {
		fmt.Println(d)
	}
	f.WriteTo(os.Stdout) // byte for byte the input
	// Output:
	// text "% MEK sources\n"
	// entry "@misc{a, title = {x}\n"
	// entry "@book{b, title = {Y}}"
	// text "\n"
	// refs.bib:3:1: error: entry "a": unexpected '@' after the value of "title", expected ',' or '}'
	// % MEK sources
	// @misc{a, title = {x}
	// @book{b, title = {Y}}
}

func ExampleEncode() {
	it := bib.Item{ID: "rajavi2005", Type: "article-journal",
		Vars: map[string]string{"title": "The MKO in Exile", "container-title": "Iran Studies", "page": "1–20"},
		Names: map[string][]bib.Name{"author": {
			{Family: "Rajavi", Given: "Masʿūd"}, {Literal: "Human Rights Watch"}}},
		Dates: map[string]bib.Date{"issued": {From: bib.DateParts{Year: 2005, Month: 5}}},
	}
	bibtex.Encode(os.Stdout, []bib.Item{it}, bibtex.EncodeOptions{ASCII: true, ProtectCapitals: true})
	// Output:
	// @article{rajavi2005,
	//   author = {Rajavi, Mas{\textayn}{\=u}d and {Human Rights Watch}},
	//   title = {The {MKO} in {Exile}},
	//   journal = {Iran {Studies}},
	//   pages = {1--20},
	//   year = {2005},
	//   month = may
	// }
}

// ExampleDecodeDatabase reads an abbreviations file and the file that uses
// its macros as one database, as BibTeX does with \bibliography{abbrev,refs}.
func ExampleDecodeDatabase() {
	items, diags := bibtex.DecodeDatabase([]bibtex.Input{
		{Name: "abbrev.bib", Src: []byte(`@string{is = {Iranian Studies}}`)},
		{Name: "refs.bib", Src: []byte(`@article{a, title = {Exile}, journal = is, year = 1989}`)},
	}, bibtex.DecodeOptions{})
	fmt.Println(items[0].Get("container-title"), len(diags))
	// Output: Iranian Studies 0
}

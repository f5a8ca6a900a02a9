package csl_test

import (
	"fmt"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/csl"
)

func exampleItems() []bib.Item {
	hrw := bib.Item{ID: "hrw2005", Type: "report"}
	hrw.Set("title", "No Exit: Human Rights Abuses Inside the MKO Camps")
	hrw.Set("publisher", "Human Rights Watch")
	hrw.SetNames("author", []bib.Name{{Literal: "Human Rights Watch"}})
	hrw.SetDate("issued", bib.Date{From: bib.DateParts{Year: 2005, Month: 5}})

	abr := bib.Item{ID: "abrahamian1989", Type: "book"}
	abr.Set("title", "The Iranian Mojahedin")
	abr.Set("publisher", "Yale University Press")
	abr.Set("publisher-place", "New Haven")
	abr.SetNames("author", []bib.Name{{Family: "Abrahamian", Given: "Ervand"}})
	abr.SetDate("issued", bib.Date{From: bib.DateParts{Year: 1989}})
	return []bib.Item{hrw, abr}
}

func ExampleProcessor_BibliographyString() {
	style, err := csl.LoadStyle("apa")
	if err != nil {
		fmt.Println(err)
		return
	}
	p := csl.NewProcessor(style, "en-US", exampleItems())
	fmt.Println(p.BibliographyString(csl.Text))
	// Output:
	// Abrahamian, E. (1989). The Iranian Mojahedin. Yale University Press.
	// Human Rights Watch. (2005). No Exit: Human Rights Abuses Inside the MKO Camps. Human Rights Watch.
}

func ExampleProcessor_Citations() {
	style, _ := csl.LoadStyle("chicago-author-date")
	p := csl.NewProcessor(style, "", exampleItems())
	for _, c := range p.Citations([]csl.Citation{
		{Cites: []csl.Cite{{ID: "abrahamian1989", Locator: "48"}}},
		{Cites: []csl.Cite{{ID: "hrw2005"}, {ID: "abrahamian1989", Prefix: "see ", Locator: "4", Label: "chapter"}}},
	}, csl.HTML) {
		fmt.Println(c)
	}
	// Output:
	// (Abrahamian 1989, 48)
	// (Human Rights Watch 2005; see Abrahamian 1989, chap. 4)
}

func ExampleParseStyle() {
	_, err := csl.ParseStyle(strings.NewReader(`<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <citation><layout><text macro="missing"/></layout></citation>
</style>`))
	fmt.Println(err)
	// Output:
	// 2:21: error: undefined macro "missing"
}

// Citations made after RegisterAll agree with the bibliography of all the
// items: the second 1989 book by Abrahamian is "1989b" in both.
func ExampleProcessor_RegisterAll() {
	style, _ := csl.LoadStyle("apa")
	items := exampleItems()
	radical := bib.Item{ID: "abrahamian1989radical", Type: "book"}
	radical.Set("title", "Radical Islam: The Iranian Mojahedin")
	radical.Set("publisher", "I.B. Tauris")
	radical.SetNames("author", []bib.Name{{Family: "Abrahamian", Given: "Ervand"}})
	radical.SetDate("issued", bib.Date{From: bib.DateParts{Year: 1989}})
	items = append(items, radical)

	p := csl.NewProcessor(style, "en-US", items)
	p.RegisterAll()
	fmt.Println(p.Cite([]csl.Cite{{ID: "abrahamian1989"}}, csl.Text))
	fmt.Println(p.BibliographyString(csl.Text))
	// Output:
	// (Abrahamian, 1989b)
	// Abrahamian, E. (1989a). Radical Islam: The Iranian Mojahedin. I.B. Tauris.
	// Abrahamian, E. (1989b). The Iranian Mojahedin. Yale University Press.
	// Human Rights Watch. (2005). No Exit: Human Rights Abuses Inside the MKO Camps. Human Rights Watch.
}

// In Markdown, italics inside an italic title come out upright.
func ExampleFormat_markdown() {
	style, _ := csl.LoadStyle("chicago-author-date")
	it := bib.Item{ID: "mek", Type: "book"}
	it.Set("title", "Inside the <i>Mojahedin-e Khalq</i>")
	it.SetNames("author", []bib.Name{{Family: "Singleton", Given: "Anne"}})
	it.SetDate("issued", bib.Date{From: bib.DateParts{Year: 2003}})
	fmt.Println(csl.NewProcessor(style, "en-US", []bib.Item{it}).BibliographyString(csl.Markdown))
	// Output:
	// Singleton, Anne. 2003. *Inside the* Mojahedin-e Khalq.
}

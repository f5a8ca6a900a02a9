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

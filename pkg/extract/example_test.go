package extract_test

import (
	"fmt"

	"github.com/manba/manba/pkg/extract"
	"github.com/manba/manba/pkg/works"
)

func ExampleParseReference() {
	p := extract.ParseReference("Singleton, Anne, Saddam’s private army, Iran-Interlink, 2003.")
	it := p.Item
	fmt.Println(it.Type, "|", it.Names["author"][0].Family, "|", it.Get("title"), "|", it.Get("publisher"), "|", it.Dates["issued"].From.Year)
	fmt.Println("title confidence:", works.FieldConfidence(it, "title"))
	// Output:
	// book | Singleton | Saddam’s private army | Iran-Interlink | 2003
	// title confidence: medium
}

func ExampleExtract() {
	article := []byte(`The group was described in detail [1], [2].

Sources:

[1] Dr. Mohammad Mehdi Jafari’s interview with Seyed Qasem Yahosseini, MKO from inside, Negah-e Emrooz publication, 2002, p.48.
[2] ibid, p.78.
`)
	refs, _ := extract.Extract("article.txt", article)
	extract.Link(refs, works.Items())
	for _, r := range refs {
		fmt.Println(r.Pos, r.Label, r.Item.Get("title"), r.Locators, "->", r.Work)
	}
	// Output:
	// article.txt:5:5 [1] MKO from inside [{page 48}] -> jafari2002mkofrominside
	// article.txt:6:5 [2] MKO from inside [{page 78}] -> jafari2002mkofrominside
}

package citekey_test

import (
	"fmt"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/citekey"
	"github.com/manba/manba/pkg/works"
)

// Keys from Better BibTeX formulas; a Persian-script author takes the
// common English spelling of the authority file.
func Example() {
	book, _ := works.ByID("abrahamian1989mojahedin")
	persian := bib.Item{Vars: map[string]string{"title": "تاریخ سی ساله"}}
	persian.SetNames("author", []bib.Name{{Family: "رجوی", Given: "مسعود"}})
	persian.SetDate("issued", bib.Date{From: bib.DateParts{Year: 1380}})

	for _, formula := range []string{citekey.DefaultFormula, "auth + '_' + shorttitle(2,2) + year"} {
		g := citekey.NewGenerator(citekey.MustParse(formula), nil)
		fmt.Println(g.Key(&book), g.Key(&persian))
	}
	// Output:
	// abrahamianiranian1989 rajavitarikh1380
	// Abrahamian_IranianMojahedin1989 Rajavi_TarikhSi1380
}

// Assign makes keys unique with suffixes and never changes a pinned key.
func ExampleAssign() {
	a, _ := works.ByID("abrahamian1989mojahedin")
	b := a.Clone()
	c, _ := works.ByID("abrahamian1989radical")
	c.Set("note", "Citation Key: Abrahamian89")
	keys, changes := citekey.Assign([]bib.Item{a, b, c}, citekey.Options{All: true})
	fmt.Println(keys)
	for _, ch := range changes {
		fmt.Println(ch.Old, "->", ch.New)
	}
	// Output:
	// [abrahamianiranian1989 abrahamianiranian1989a Abrahamian89]
	// abrahamian1989mojahedin -> abrahamianiranian1989
	// abrahamian1989mojahedin -> abrahamianiranian1989a
	// abrahamian1989radical -> Abrahamian89
}

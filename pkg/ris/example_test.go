package ris_test

import (
	"fmt"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/ris"
)

func ExampleDecoder() {
	src := `TY  - JOUR
AU  - Abrahamian, Ervand
TI  - The Guerrilla Movement in Iran, 1963-1977
T2  - MERIP Reports
PY  - 1980
SP  - 3
EP  - 15
L1  - guerrilla.pdf
ER  - 
`
	d := ris.NewDecoder(strings.NewReader(src), "export.ris")
	it, err := d.Next()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(it.ID, it.Type, it.Names["author"][0].String())
	fmt.Println(it.Get("container-title"), it.Get("page"), it.Dates["issued"].Year())
	fmt.Println(it.Extra["ris:L1"])
	// Output:
	// abrahamian1980 article-journal Ervand Abrahamian
	// MERIP Reports 3-15 1980
	// guerrilla.pdf
}

func ExampleEncode() {
	it := bib.Item{ID: "hrw2005noexit", Type: "report"}
	it.Set("title", "No Exit: Human Rights Abuses Inside the MKO Camps")
	it.Set("publisher", "Human Rights Watch")
	it.SetNames("author", []bib.Name{{Literal: "Human Rights Watch"}})
	it.SetDate("issued", bib.Date{From: bib.DateParts{Year: 2005, Month: 5}})
	it.SetExtra("langid", "english") // RIS has no tag for it
	var out strings.Builder
	warnings, err := ris.Encode(&out, []bib.Item{it}, ris.EncodeOptions{})
	if err != nil {
		fmt.Println(err)
	}
	// Each line is printed without its trailing space ("ER  - " has one).
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		fmt.Println(strings.TrimRight(line, " "))
	}
	for _, w := range warnings {
		fmt.Println(w.Msg)
	}
	// Output:
	// TY  - RPRT
	// ID  - hrw2005noexit
	// TI  - No Exit: Human Rights Abuses Inside the MKO Camps
	// AU  - Human Rights Watch
	// PY  - 2005
	// DA  - 2005/05
	// PB  - Human Rights Watch
	// ER  -
	// item "hrw2005noexit": RIS has no tag for langid; not written
}

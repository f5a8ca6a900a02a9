package check_test

import (
	"fmt"

	"github.com/manba/manba/pkg/check"
)

func ExampleLibrary() {
	src := `@book{rajavi,
  author = {Rajavi, Massoud}, title = {Speeches}, year = 1984, isbn = {0-8330-4701-8}}
@article{rajavi2, author = {Rajavi, Masoud}, title = {Letter}, year = 1985, month = {13}}
@article{rajavi3, author = {Rajavi, Masoud}, title = {Letter}, journal = {Mojahed}, year = 1985}
`
	for _, f := range check.Library([]check.Input{{Name: "refs.bib", Src: []byte(src)}}, check.Options{}) {
		fmt.Println(f)
	}
	// Output:
	// refs.bib:2:3: name-variant: "Rajavi, Massoud" looks like "Rajavi, Masoud" (used 2 times): authority: Rajavī, Masʻūd; fix: write one spelling everywhere (manba names normalize), or keep both if they are two people
	// refs.bib:2:71: isbn: ISBN "0-8330-4701-8" has a wrong check digit (want 9); fix: copy the ISBN again from the book or a catalogue
	// refs.bib:3:1: missing-field: @article entry lacks journal or journaltitle; fix: add journal or journaltitle
	// refs.bib:3:85: date: month "13" is not a month; fix: use jan..dec or 1-12
}

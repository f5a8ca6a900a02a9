package works_test

import (
	"fmt"

	"github.com/manba/manba/pkg/works"
)

func ExampleByID() {
	it, _ := works.ByID("rand2009mek")
	fmt.Println(it.Get("title"))
	fmt.Println(it.Get("number"), it.Dates["issued"].From.Year, len(it.Names["author"]), "authors")
	// Output:
	// The Mujahedin-e Khalq in Iraq: A Policy Conundrum
	// MG-871-OSD 2009 4 authors
}

func ExampleProvenance() {
	conf, sources := works.Provenance("singleton2003saddam", "publisher")
	fmt.Println(conf, len(sources) > 0)
	// Output:
	// high true
}

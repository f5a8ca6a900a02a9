package tidy_test

import (
	"fmt"

	"github.com/manba/manba/pkg/tidy"
)

func ExampleFile() {
	src := `% Abrahamian's history
@Book{abrahamian89, Year = 1989, TITLE = "The {Iranian} Mojahedin",
  month = "May", note = {}, Author = {Abrahamian, Ervand}}
`
	out, _ := tidy.File("refs.bib", []byte(src), tidy.Options{Align: true})
	fmt.Print(string(out))
	// Output:
	// % Abrahamian's history
	// @book{abrahamian89,
	//   author = {Abrahamian, Ervand},
	//   title  = {The {Iranian} Mojahedin},
	//   year   = 1989,
	//   month  = may
	// }
}

package diag_test

import (
	"fmt"

	"github.com/manba/manba/pkg/diag"
)

func ExampleSnippet() {
	src := []byte("@book{singleton2003,\n  year = 20O3,\n}\n")
	lines := diag.NewLines("refs.bib", src)
	var problems diag.List
	problems.Warnf(lines.Pos(30), "year %q is not a number", "20O3")
	fmt.Println(diag.Snippet(src, problems[0]))
	// Output:
	// refs.bib:2:10: warning: year "20O3" is not a number
	//     year = 20O3,
	//            ^
}

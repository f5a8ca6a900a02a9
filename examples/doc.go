// Package examples holds small programs that use manba's packages; run them
// from the repository root:
//
//	go run ./examples/bibliography [-style apa] [-format text|html|md]
//	go run ./examples/normalize [FILE.bib]
//	go run ./examples/extractdedupe [ARTICLE.txt]
//	go run ./examples/convert [FILE.bib]
//
// Each program keeps its logic in a run function that its test calls and
// compares with a golden output under its testdata/ directory.
package examples

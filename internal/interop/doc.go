// Package interop holds manba's differential tests against the programs
// people read its output with: pandoc (BibLaTeX, BibTeX and CSL-JSON in,
// CSL-JSON out) and biber (biblatex's data model). It has no code of its
// own; the tests are in its _test.go files and the exceptions, each with
// its reason, in testdata.
package interop

package check

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// FuzzLibrary checks that any input gives findings with positions and
// known check IDs, without panicking.
func FuzzLibrary(f *testing.F) {
	for _, s := range []string{
		okArticle,
		"@book{k, isbn = {978-0-8330-4701-5}, date = {1991/1989}, pages = {9-1}, author = {Rajavi, Masoud and Rajavi, Massoud}}",
		"@misc{k, crossref = {k}}\n@misc{K, xdata = {k}}",
		"@string{a = {A}}@misc{, month = feb, day = 31, year = x}",
	} {
		f.Add(s)
	}
	known := map[string]bool{}
	for _, c := range Checks {
		known[c.ID] = true
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, fd := range Library([]Input{{Name: "f.bib", Src: []byte(src)}}, Options{}) {
			assert.True(t, known[fd.Check], fd.Check)
			assert.Positive(t, fd.Line, fd.String())
			assert.NotEmpty(t, fd.Hint)
		}
	})
}

package tidy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/manba/manba/pkg/bibtex"
)

// FuzzFile checks on any input that tidying loses no decoded item and
// that tidying twice gives what tidying once gave.
func FuzzFile(f *testing.F) {
	for _, s := range []string{
		"@book{k, Title = \"A {B}\", year = 1989, month = {May}, % c\n note = {}}",
		"% x\n@string{a = {A}}\n@misc(k, title = a # {b})\n@preamble{\"x\"}",
		"@book{k, title = {unclosed",
		"@misc{k, note = \"a {\" }",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, _ := File("f.bib", []byte(src), Options{Align: true})
		before, _ := bibtex.Decode("f.bib", []byte(src), bibtex.DecodeOptions{})
		after, _ := bibtex.Decode("f.bib", out, bibtex.DecodeOptions{})
		if assert.Len(t, after, len(before)) {
			for i := range before {
				assert.True(t, before[i].Equal(after[i]), "item %d changed:\n%q\n%q", i, src, out)
			}
		}
		again, _ := File("f.bib", out, Options{Align: true})
		assert.Equal(t, string(out), string(again))
	})
}

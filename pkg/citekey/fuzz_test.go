package citekey

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/works"
)

// FuzzParse checks that any formula either fails with a positioned error
// or gives an ASCII key for every built-in work.
func FuzzParse(f *testing.F) {
	for _, s := range []string{DefaultFormula, "auth(3,2).upper + '-' + year | title", "authors2.substring(1,", "'\\'", "journal.select(-1,0)", "auth5_0"} {
		f.Add(s)
	}
	items := works.Items()
	f.Fuzz(func(t *testing.T, src string) {
		form, err := Parse(src)
		if err != nil {
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Positive(t, se.Col)
			return
		}
		g := NewGenerator(form, nil)
		for i := range items {
			k := g.Key(&items[i])
			assert.NotEmpty(t, k)
			assert.True(t, isASCII(k), k)
		}
	})
}

// FuzzASCII checks that romanized text is always ASCII.
func FuzzASCII(f *testing.F) {
	for _, s := range []string{"رجوی", "García", "Σωκράτης", "日本", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assert.True(t, isASCII(clean(s)))
	})
}

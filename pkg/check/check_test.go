package check

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// findings returns the check IDs found in src.
func findings(src string) []string {
	var ids []string
	for _, f := range Library([]Input{{Name: "t.bib", Src: []byte(src)}}, Options{}) {
		ids = append(ids, f.Check)
	}
	return ids
}

const okArticle = "@article{a, author = {Rajavi, Masoud}, title = {T}, journal = {J}, year = 1989}\n"

// TestEveryCheckTriggersAndNot gives each check an input that triggers it
// and a close one that does not.
func TestEveryCheckTriggersAndNot(t *testing.T) {
	tests := []struct{ id, bad, good string }{
		{"syntax", "@article{a, title = {T}, journal = {J} year = 1989, author = {X}}", okArticle},
		{"missing-key", "@misc{, title = {T}}", "@misc{k, title = {T}}"},
		{"duplicate-key", okArticle + "@misc{A, title = {U}}", okArticle + "@misc{b, title = {U}}"},
		{"duplicate-field", "@misc{k, title = {T}, Title = {U}}", "@misc{k, title = {T}, subtitle = {U}}"},
		{"empty-field", "@misc{k, title = {T}, note = { }}", "@misc{k, title = {T}, note = {N}}"},
		{"unknown-type", "@thingy{k, title = {T}}", "@online{k, title = {T}, url = {https://x.org}}"},
		{"missing-field", "@article{a, author = {A, B}, title = {T}, year = 1989}", "@article{a, author = {A, B}, title = {T}, journaltitle = {J}, date = {1989}}"},
		{"missing-field", "@inproceedings{a, author = {A, B}, title = {T}, crossref = {p}}\n@proceedings{p, title = {P}}",
			"@inproceedings{a, author = {A, B}, title = {T}, crossref = {p}}\n@proceedings{p, title = {P}, booktitle = {P}, year = 2001}"},
		{"undefined-crossref", "@misc{k, title = {T}, crossref = {nowhere}}", "@misc{k, title = {T}, crossref = {p}}\n@misc{p, title = {P}}"},
		{"undefined-crossref", "@misc{k, title = {T}, xdata = {d1, d2}}\n@xdata{d1, note = {N}}", "@misc{k, title = {T}, xdata = {d1}}\n@xdata{d1, note = {N}}"},
		{"undefined-macro", "@misc{k, title = {T}, publisher = yup}", "@string{yup = {Yale University Press}}\n@misc{k, title = {T}, publisher = yup, month = jan}"},
		{"isbn", "@book{k, title = {T}, author = {A, B}, year = 2009, isbn = {978-0-8330-4701-5}}", "@book{k, title = {T}, author = {A, B}, year = 2009, isbn = {978-0-8330-4701-4}}"},
		{"isbn", "@book{k, title = {T}, author = {A, B}, year = 2009, isbn = {0-8330-4701-8}}", "@book{k, title = {T}, author = {A, B}, year = 2009, isbn = {0-8330-4701-9}}"},
		{"issn", "@misc{k, title = {T}, issn = {0028-0837}}", "@misc{k, title = {T}, issn = {0028-0836}}"},
		{"doi", "@misc{k, title = {T}, doi = {https://doi.org/10.1037/0003-066X.59.1.29}}", "@misc{k, title = {T}, doi = {10.1037/0003-066X.59.1.29}}"},
		{"doi", "@misc{k, title = {T}, doi = {1037/0003-066X}}", "@misc{k, title = {T}, doi = {10.1037/0003-066X}}"},
		{"url", "@misc{k, title = {T}, url = {www.hrw.org/reports}}", "@misc{k, title = {T}, url = {https://www.hrw.org/reports}}"},
		{"date", "@misc{k, title = {T}, year = 2005, month = {Febtember}}", "@misc{k, title = {T}, year = 2005, month = {February}}"},
		{"date", "@misc{k, title = {T}, year = 2005, month = feb, day = 30}", "@misc{k, title = {T}, year = 2004, month = feb, day = 29}"},
		{"date", "@misc{k, title = {T}, date = {2005-13-01}}", "@misc{k, title = {T}, date = {2005-12-01}}"},
		{"date", "@misc{k, title = {T}, date = {1991/1989}}", "@misc{k, title = {T}, date = {1989/1991}}"},
		{"date", "@misc{k, title = {T}, year = {1989a}}", "@misc{k, title = {T}, year = {n.d.}}"},
		{"pages", "@misc{k, title = {T}, pages = {78--67}}", "@misc{k, title = {T}, pages = {1234--56}}"},
		{"name-variant", "@misc{a, title = {T}, author = {Rajavi, Masoud}}\n@misc{b, title = {U}, author = {Rajavi, Massoud and Abrahamian, Ervand}}\n@misc{c, title = {V}, author = {Rajavi, Masoud}}",
			"@misc{a, title = {T}, author = {Rajavi, Masoud}}\n@misc{b, title = {U}, author = {Rajavi, Maryam and Rajavi, M.}}"},
		{"name-variant", "@misc{a, title = {T}, author = {García, José}}\n@misc{b, title = {U}, author = {Garcia, Jose}}",
			"@misc{a, title = {T}, author = {Li, Peng}}\n@misc{b, title = {U}, author = {Liu, Peng}}\n@misc{c, title = {V}, author = {Roth, Robert and Ross, Robert}}"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			assert.Contains(t, findings(tt.bad), tt.id, tt.bad)
			assert.NotContains(t, findings(tt.good), tt.id, tt.good)
		})
		seen[tt.id] = true
	}
	for _, c := range Checks {
		assert.True(t, seen[c.ID], "check %s has no test", c.ID)
	}
	assert.GreaterOrEqual(t, len(Checks), 12)
}

func TestFindingPositionsAndText(t *testing.T) {
	src := "@book{k,\n  title = {T}, author = {A, B}, year = 2009,\n  isbn = {978-0-8330-4701-5}\n}\n"
	fs := Library([]Input{{Name: "refs.bib", Src: []byte(src)}}, Options{})
	require.Len(t, fs, 1)
	assert.Equal(t, `refs.bib:3:10: isbn: ISBN "978-0-8330-4701-5" has a wrong check digit (want 4); fix: copy the ISBN again from the book or a catalogue`, fs[0].String())
	assert.Equal(t, 3, fs[0].Line)
	assert.Equal(t, "k", fs[0].Key)
}

func TestLibraryAcrossFilesAndSkip(t *testing.T) {
	a := Input{Name: "a.bib", Src: []byte("@string{yup = {Yale}}\n@incollection{c, author = {A, B}, title = {T}, crossref = {p}}\n")}
	b := Input{Name: "b.bib", Src: []byte("@book{p, editor = {E, F}, title = {P}, booktitle = {P}, publisher = yup, year = 2001}\n@misc{C, note = {}}\n")}
	var ids []string
	for _, f := range Library([]Input{a, b}, Options{}) {
		ids = append(ids, f.Pos.String()+" "+f.Check)
	}
	assert.Equal(t, []string{"b.bib:2:7 duplicate-key", "b.bib:2:10 empty-field"}, ids)
	assert.Empty(t, Library([]Input{a, b}, Options{Skip: map[string]bool{"duplicate-key": true, "empty-field": true}}))
}

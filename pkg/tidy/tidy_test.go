package tidy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bibtex"
)

func TestFile(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		in   string
		want string
	}{
		{"canonical order, case, braces, month macro",
			Options{},
			"@Book{k, Year = 1989, Title = \"The {Iranian} Mojahedin\", AUTHOR = {Abrahamian, Ervand}, month = {January}}",
			"@book{k,\n  author = {Abrahamian, Ervand},\n  title = {The {Iranian} Mojahedin},\n  year = 1989,\n  month = jan\n}"},
		{"month kept when it is not part of a date",
			Options{},
			"@book{k, month = {January}}",
			"@book{k,\n  month = {January}\n}"},
		{"month kept when @string redefines the macro",
			Options{},
			"@string{jan = {Jan.}}\n@book{k, year = 2000, month = {1}}",
			"@string{jan = {Jan.}}\n@book{k,\n  year = 2000,\n  month = {1}\n}"},
		{"empty fields and repeated fields removed",
			Options{},
			"@misc{k, note = {}, title = {A}, Title = {B}, title = {A}}",
			"@misc{k,\n  title = {A}\n}"},
		{"omit, align and tab indentation",
			Options{Omit: []string{"ABSTRACT"}, Align: true, Indent: "\t"},
			"@article{k, abstract = {x}, journal = {J}, doi = {10.1/x}}",
			"@article{k,\n\tjournal = {J},\n\tdoi     = {10.1/x}\n}"},
		{"quotes where they mean the same",
			Options{Quotes: true},
			"@misc{k, title = {He said {\"}no{\"}}, note = {a \"b\"}, year = {2001}}",
			"@misc{k,\n  title = \"He said {\"}no{\"}\",\n  year = \"2001\",\n  note = {a \"b\"}\n}"},
		{"concatenation, macros and numbers as written",
			Options{},
			"@misc{k, publisher = ird # \" and \" # {Yale}, year = 1989}",
			"@misc{k,\n  publisher = ird # { and } # {Yale},\n  year = 1989\n}"},
		{"comments between fields stay with their field",
			Options{},
			"@book{k, % key\n  year = 1989, % year\n  % before author\n  author = {A}\n  % end\n}",
			"@book{k, % key\n  % before author\n  author = {A},\n  year = 1989 % year\n  % end\n}"},
		{"comments, @preamble and broken entries kept as written",
			Options{},
			"% top\n@preamble{\"\\newcommand{\\x}{y}\"}\n@book{b, title = {B}\n@book{a, title={A}}\n",
			"% top\n@preamble{\"\\newcommand{\\x}{y}\"}\n@book{b, title = {B}\n@book{a,\n  title = {A}\n}\n"},
		{"the first of publisher/organization stays first",
			Options{},
			"@inproceedings{k, organization = {O}, publisher = {P}, author = {A}}",
			"@inproceedings{k,\n  author = {A},\n  organization = {O},\n  publisher = {P}\n}"},
		{"sort by key moves comments with their entry",
			Options{Sort: "key"},
			"@string{s = {S}}\n% about b\n@book{b, title = {B}}\n% about a\n@book{a, title = {A}}\n",
			"@string{s = {S}}\n% about a\n@book{a,\n  title = {A}\n}\n% about b\n@book{b,\n  title = {B}\n}\n"},
		{"sort by year, then author",
			Options{Sort: "year"},
			"@book{x, author = {Zand}, year = 2001}\n@book{y, author = {Abbasi}, year = 2001}\n@book{z, author = {Mir}, year = 1999}\n",
			"@book{z,\n  author = {Mir},\n  year = 1999\n}\n@book{y,\n  author = {Abbasi},\n  year = 2001\n}\n@book{x,\n  author = {Zand},\n  year = 2001\n}\n"},
		{"sort keeps crossref chains in their order",
			Options{Sort: "key"},
			"@inbook{c, crossref = {b}}\n@book{b, crossref = {alias}}\n@mvbook{a, ids = {alias}}\n@book{0, title = {T}}\n",
			"@book{0,\n  title = {T}\n}\n@inbook{c,\n  crossref = {b}\n}\n@book{b,\n  crossref = {alias}\n}\n@mvbook{a,\n  ids = {alias}\n}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _ := File("t.bib", []byte(tt.in), tt.opts)
			assert.Equal(t, tt.want, string(out))
			again, _ := File("t.bib", out, tt.opts)
			assert.Equal(t, string(out), string(again), "not idempotent")
		})
	}
}

func TestRepeatedFieldWarning(t *testing.T) {
	_, diags := File("t.bib", []byte("@misc{k, title = {A},\n  title = {B}}"), Options{})
	require.Len(t, diags, 1)
	assert.Equal(t, `t.bib:2:3: warning: entry "k": repeated field "title" removed (BibTeX reads only the first)`, diags[0].Error())
}

func TestUnknownSort(t *testing.T) {
	src := []byte("@misc{k, title = {A}}")
	out, diags := File("t.bib", src, Options{Sort: "color"})
	assert.True(t, diags.HasErrors())
	assert.Equal(t, src, out)
}

func TestMergeDuplicates(t *testing.T) {
	in := `@book{abrahamian89, author = {Abrahamian, Ervand}, title = {The Iranian Mojahedin}, year = 1989}
% the copy
@book{abr-copy, author = {Abrahamian, Ervand}, title = {The Iranian Mojahedin}, year = 1989, publisher = {Yale University Press}}
@book{other, author = {Singleton, Anne}, title = {Saddam's Private Army}, year = 2003}
`
	out, diags := File("t.bib", []byte(in), Options{MergeDuplicates: true})
	// dedupe keeps the richest entry, at the place of the first.
	assert.Equal(t, `@book{abr-copy,
  author = {Abrahamian, Ervand},
  title = {The Iranian Mojahedin},
  publisher = {Yale University Press},
  year = {1989},
  ids = {abrahamian89}
}
% the copy

@book{other,
  author = {Singleton, Anne},
  title = {Saddam's Private Army},
  year = 2003
}
`, string(out))
	require.Len(t, diags, 1)
	assert.Equal(t, `t.bib:1:1: warning: entry "abrahamian89" merged into "abr-copy"`, diags[0].Error())
}

// TestBrokenEntryReadingIntoTheNext is the FuzzFile crasher class: a broken
// entry whose key or fields were read from the next line's "@type{"
// must not change when tidy rewrites that next entry; tidy(x) decodes to
// the items of x.
func TestBrokenEntryReadingIntoTheNext(t *testing.T) {
	for _, src := range []string{
		"000000000000000@0(\n@A{}",
		"@misc(a,\n@Book{b, title = {T}}",
		"@misc{a, x = 1,\n@y = 2 @Book{b, title = {T}}",
	} {
		t.Run(src, func(t *testing.T) {
			out, _ := File("f.bib", []byte(src), Options{})
			before, _ := bibtex.Decode("f.bib", []byte(src), bibtex.DecodeOptions{})
			after, _ := bibtex.Decode("f.bib", out, bibtex.DecodeOptions{})
			require.Len(t, after, len(before), "%s", out)
			for i := range before {
				a, _ := before[i].AppendJSON(nil)
				b, _ := after[i].AppendJSON(nil)
				assert.Equal(t, string(a), string(b), "tidied:\n%s", out)
			}
		})
	}
}

package bibtex

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// decodeOne decodes src and returns its only item as CSL-JSON and the
// diagnostics.
func decodeOne(t *testing.T, src string) (string, string) {
	t.Helper()
	items, diags := Decode("t.bib", []byte(src), DecodeOptions{})
	require.Len(t, items, 1, "%d items, want 1 (%v)", len(items), diags)
	js, err := items[0].MarshalJSON()
	require.NoError(t, err)
	return string(js), diags.Error()
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, src, want, diags string
	}{
		{"article with macros and concatenation",
			`@string{IJMES = {International Journal of Middle East Studies}}
			 @Article{a, author = {Abrahamian, Ervand}, title = {The Guerrilla Movement in {Iran}},
			   journal = IJMES # { (Cambridge)}, year = 1980, month = may, number = {3}, pages = {3--21}}`,
			`{"id":"a","type":"article-journal","author":[{"family":"Abrahamian","given":"Ervand"}],"title":"The Guerrilla Movement in <span class=\"nocase\">Iran</span>","container-title":"International Journal of Middle East Studies (Cambridge)","issue":3,"page":"3–21","issued":{"date-parts":[[1980,5]]}}`, ""},
		{"names: von, jr, literal, and others",
			`@book{b, author = {Ludwig van Beethoven and de la Fontaine, Jr., Jean and {Human Rights Watch} and {{RAND Corporation}} and others},
			   editor = {Rajavi, Mas{\=u}d}, title = {T}, year = {1989/1991}}`,
			`{"id":"b","type":"book","author":[{"family":"Beethoven","given":"Ludwig","non-dropping-particle":"van"},{"family":"Fontaine","given":"Jean","non-dropping-particle":"de la","suffix":"Jr."},{"literal":"Human Rights Watch"},{"literal":"RAND Corporation"}],"editor":[{"family":"Rajavi","given":"Masūd"}],"title":"T","issued":{"date-parts":[[1989],[1991]]},"custom":{"extra":{"@author-and-others":"true"}}}`, ""},
		{"thesis with default genre, school and extra fields",
			`@phdthesis{c, author = {Mo{\'a}dab, S.}, title = {Exile}, school = {SOAS}, year = 2005, file = {:c.pdf:PDF}, month = {Spring}}`,
			`{"id":"c","type":"thesis","author":[{"family":"Moádab","given":"S."}],"title":"Exile","genre":"PhD thesis","publisher":"SOAS","issued":{"date-parts":[[2005]]},"custom":{"extra":{"file":":c.pdf:PDF","month":"Spring"}}}`, ""},
		{"biblatex date wins over year; subtitle joined",
			`@online{d, title = {Camp Ashraf}, subtitle = {A History}, date = {2005-05-19/2005-06}, year = {2004}, url = {https://example.org/a_b%20c}, urldate = {2020-01-02}, langid = {english}}`,
			`{"id":"d","type":"webpage","title":"Camp Ashraf: A History","URL":"https://example.org/a_b%20c","language":"en","issued":{"date-parts":[[2005,5,19],[2005,6]]},"accessed":{"date-parts":[[2020,1,2]]},"custom":{"extra":{"subtitle":"A History","year":"2004"}}}`, ""},
		{"undefined macro is a warning and keeps its name",
			`@misc{e, publisher = pmoi # { Press}, note = {\unknownmacro{x}}}`,
			`{"id":"e","type":"document","note":"\\unknownmacro{x}","publisher":"pmoi Press"}`,
			"t.bib:1:22: warning: undefined macro \"pmoi\" (kept as its name)\nt.bib:1:39: warning: field \"note\": unknown macro \\unknownmacro kept as written"},
		{"duplicate field is ignored with a warning",
			`@misc{f, title = {One}, Title = {Two}}`,
			`{"id":"f","type":"document","title":"One"}`,
			"t.bib:1:25: warning: duplicate field \"Title\" in entry \"f\" ignored"},
		{"second field for a variable goes to Extra; unknown type",
			`@customa{g, journal = {J}, journaltitle = {JT}, keywords = {a, b}, number = {7}}`,
			`{"id":"g","type":"document","container-title":"J","keyword":"a, b","number":7,"custom":{"extra":{"@type":"customa","journaltitle":"JT"}}}`, ""},
		{"CSL variable names as fields",
			`@misc{h, archive = {Hoover}, director = {Smith, A.}, event-date = {2001}, medium = {VHS}}`,
			`{"id":"h","type":"document","director":[{"family":"Smith","given":"A."}],"archive":"Hoover","medium":"VHS","event-date":{"date-parts":[[2001]]}}`, ""},
		{"entrysubtype names a CSL type",
			`@misc{j, entrysubtype = {interview}, title = {With Rajavi}}`,
			`{"id":"j","type":"interview","title":"With Rajavi"}`, ""},
		{"magazine article",
			`@article{k, entrysubtype = {Magazine}, journal = {Time}}`,
			`{"id":"k","type":"article-magazine","container-title":"Time"}`, ""},
		{"other entrysubtype is kept",
			`@misc{l, entrysubtype = {rubbish}}`,
			`{"id":"l","type":"document","custom":{"extra":{"entrysubtype":"rubbish"}}}`, ""},
		{"literal year keeps the month in Extra",
			`@misc{i, year = {in press}, month = jun}`,
			`{"id":"i","type":"document","issued":{"literal":"in press"},"custom":{"extra":{"month":"June"}}}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := decodeOne(t, tt.src)
			assert.Equal(t, tt.want, got, "item:\n got %s\nwant %s", got, tt.want)
			assert.Equal(t, tt.diags, diags, "diagnostics:\n got %s\nwant %s", diags, tt.diags)
		})
	}
}

func TestDecodeCrossref(t *testing.T) {
	src := `@inproceedings{child1, author = {A, B}, title = {Paper}, crossref = {Proc}, pages = {1--2}}
@inbook{child2, title = {Chapter}, crossref = {book}}
@xdata{pub, publisher = {Verso}, location = {London}}
@proceedings{proc, title = {Proceedings of X}, year = 2005, publisher = {ACM}, editor = {Ed, E.}}
@book{book, author = {Zabih, Sepehr}, title = {The Left in Contemporary Iran}, xdata = {pub}, date = {1986}}
@misc{orphan, crossref = {missing}}
`
	items, diags := Decode("x.bib", []byte(src), DecodeOptions{})
	var got []string
	for _, it := range items {
		js, _ := it.MarshalJSON()
		got = append(got, string(js))
	}
	want := []string{
		`{"id":"child1","type":"paper-conference","author":[{"family":"A","given":"B"}],"editor":[{"family":"Ed","given":"E."}],"title":"Paper","container-title":"Proceedings of X","page":"1–2","publisher":"ACM","issued":{"date-parts":[[2005]]},"custom":{"extra":{"crossref":"Proc"}}}`,
		`{"id":"child2","type":"chapter","author":[{"family":"Zabih","given":"Sepehr"}],"container-author":[{"family":"Zabih","given":"Sepehr"}],"title":"Chapter","container-title":"The Left in Contemporary Iran","publisher":"Verso","publisher-place":"London","issued":{"date-parts":[[1986]]},"custom":{"extra":{"@type":"inbook","crossref":"book"}}}`,
		`{"id":"proc","type":"book","editor":[{"family":"Ed","given":"E."}],"title":"Proceedings of X","publisher":"ACM","issued":{"date-parts":[[2005]]},"custom":{"extra":{"@type":"proceedings"}}}`,
		`{"id":"book","type":"book","author":[{"family":"Zabih","given":"Sepehr"}],"title":"The Left in Contemporary Iran","publisher":"Verso","publisher-place":"London","issued":{"date-parts":[[1986]]}}`,
		`{"id":"orphan","type":"document","custom":{"extra":{"crossref":"missing"}}}`,
	}
	assert.Equal(t, strings.Join(want, "\n"), strings.Join(got, "\n"), "items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	d := diags.Error()
	assert.Equal(t, `x.bib:6:1: warning: entry "orphan": crossref/xdata target "missing" not found`, d, "diagnostics: %s", d)
	// Without inheritance the children keep only their own fields; @xdata
	// entries are still not items.
	items, _ = Decode("x.bib", []byte(src), DecodeOptions{NoInherit: true})
	_, ok := items[0].Vars["publisher"]
	assert.False(t, ok, "NoInherit: %d items, first %v", len(items), items[0].Vars)
	require.Len(t, items, 5, "NoInherit: %d items, first %v", len(items), items[0].Vars)
}

// TestDecoderStreaming reads the same input one byte at a time and in
// whole: the items (apart from their order) and the problems must agree.
func TestDecoderStreaming(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(corpusDir, "bib", "plk+biber", "t", "tdata", "crossrefs.bib"))
	if err != nil {
		testenv.Missing(t, "corpus missing: %v", err)
	}
	src = append(src, "\n@misc{bad, title = {x}\n@misc{after, title = {M\xfcller}}\n"...)
	want, wantDiags := Decode("s.bib", src, DecodeOptions{})
	d := NewDecoder(iotest.OneByteReader(bytes.NewReader(src)), "s.bib", DecodeOptions{})
	got := map[string]bib.Item{}
	for {
		it, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		got[it.ID] = it
	}
	require.Len(t, got, len(want), "streaming gave %d items, Decode %d", len(got), len(want))
	for _, w := range want {
		g, ok := got[w.ID]
		assert.True(t, ok, "item %s differs:%s", w.ID, itemDiff(w, g))
		assert.True(t, g.Equal(w), "item %s differs:%s", w.ID, itemDiff(w, g))
	}
	g, w := d.Diagnostics().Error(), wantDiags.Error()
	assert.Equal(t, w, g, "diagnostics:\n%s\nwant:\n%s", g, w)
	assert.Contains(t, wantDiags.Error(), "Windows-1252", "expected a Latin-1 warning and a syntax error, got:\n%s", wantDiags.Error())
	assert.Contains(t, wantDiags.Error(), "unexpected '@'", "expected a Latin-1 warning and a syntax error, got:\n%s", wantDiags.Error())
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestDecoderReadError(t *testing.T) {
	d := NewDecoder(io.MultiReader(strings.NewReader("@misc{a, title={x}}\n"), errReader{}), "e.bib", DecodeOptions{})
	it, err := d.Next()
	require.NoError(t, err, "Next")
	require.Equal(t, "a", it.ID, "Next")
	_, err = d.Next()
	require.Equal(t, io.ErrClosedPipe, err, "Next error, want the read error")
}

// TestDecodeGolden decodes each testdata/decode/*.bib file and compares the
// CSL-JSON and diagnostics with the .golden file next to it.
func TestDecodeGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/decode/*.bib")
	require.NotEmpty(t, files, "no golden inputs")
	for _, in := range files {
		src, err := os.ReadFile(in)
		require.NoError(t, err)
		items, diags := Decode(filepath.Base(in), src, DecodeOptions{})
		var b bytes.Buffer
		for _, it := range items {
			js, err := it.MarshalJSON()
			require.NoError(t, err)
			b.Write(js)
			b.WriteByte('\n')
		}
		b.WriteString("-- diagnostics --\n")
		for _, d := range diags {
			b.WriteString(d.Error())
			b.WriteByte('\n')
		}
		checkGolden(t, strings.TrimSuffix(in, ".bib")+".golden", b.Bytes())
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "%v (run with -update to create it)", err)
	assert.True(t, bytes.Equal(got, want), "%s differs (run with -update to accept):\n%s", path, firstDiff(want, got))
}

func TestDecodeIdsAndPreamble(t *testing.T) {
	src := `@preamble{"\newcommand{\noopsort}[1]{}" # "\def\x{y}"}
@inbook{c, title = {Chapter}, crossref = {alias}}
@book{b, ids = {alias, other}, title = {Book}, publisher = {Verso}}
@inbook{d, title = {Late}, crossref = {OTHER}}
`
	d := NewDecoder(strings.NewReader(src), "p.bib", DecodeOptions{})
	got := map[string]bib.Item{}
	for {
		it, err := d.Next()
		if err != nil {
			break
		}
		got[it.ID] = it
	}
	for _, k := range []string{"c", "d"} {
		it := got[k]
		assert.Equal(t, "Book", it.Get("container-title"), "%s did not inherit through the ids alias: %v", k, it.Vars)
		assert.Equal(t, "Verso", it.Get("publisher"), "%s did not inherit through the ids alias: %v", k, it.Vars)
	}
	diags := d.Diagnostics()
	assert.Len(t, diags, 0, "diagnostics: %v", diags)
	pre := d.Preambles()
	require.Len(t, pre, 1, "Preambles")
	require.Equal(t, `\newcommand{\noopsort}[1]{}\def\x{y}`, pre[0], "Preambles")
	var buf bytes.Buffer
	e := NewEncoder(&buf, EncodeOptions{})
	require.NoError(t, e.Preamble(pre[0]))
	require.NoError(t, e.Encode(got["b"]))
	d2 := NewDecoder(&buf, "out.bib", DecodeOptions{})
	for {
		if _, err := d2.Next(); err != nil {
			break
		}
	}
	p2 := d2.Preambles()
	require.Len(t, p2, 1, "preamble after writing: %q", p2)
	assert.Equal(t, pre[0], p2[0], "preamble after writing: %q", p2)
	assert.Error(t, e.Preamble("}{"), "an unbalanced preamble was written")
}

// TestDecodePositions checks file:line:col of problems found while
// decoding entries that span lines, streaming and whole.
func TestDecodePositions(t *testing.T) {
	src := "@string{x = {X}}\n\n@article{a,\n  author = {A, B},\n  title  = {T\\emdash{}U},\n  journal = undefinedmacro,\n}\n@misc{b, note = {\\foo}}\n"
	want := "p.bib:5:3: warning: field \"title\": unknown macro \\emdash kept as written\n" +
		"p.bib:6:13: warning: undefined macro \"undefinedmacro\" (kept as its name)\n" +
		"p.bib:8:10: warning: field \"note\": unknown macro \\foo kept as written"
	_, diags := Decode("p.bib", []byte(src), DecodeOptions{})
	got := diags.Error()
	assert.Equal(t, want, got, "Decode:\n%s\nwant:\n%s", got, want)
	d := NewDecoder(iotest.OneByteReader(strings.NewReader(src)), "p.bib", DecodeOptions{})
	for {
		if _, err := d.Next(); err != nil {
			break
		}
	}
	assert.Equal(t, want, d.Diagnostics().Error(), "streaming")
}

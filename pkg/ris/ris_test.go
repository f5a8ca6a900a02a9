package ris

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden reads each testdata/*.ris and compares the diagnostics, the
// items (as CSL-JSON) and the RIS written back with NAME.golden.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.ris")
	require.NotEmpty(t, files, "no inputs")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			items, diags := Decode(filepath.Base(f), src)
			var got bytes.Buffer
			got.WriteString("# diagnostics\n")
			for _, d := range diags {
				got.WriteString(d.Error() + "\n")
			}
			got.WriteString("# items\n")
			for _, it := range items {
				b, err := it.AppendJSON(nil)
				require.NoError(t, err)
				got.Write(append(b, '\n'))
			}
			got.WriteString("# written back\n")
			warns, err := Encode(&got, items, EncodeOptions{})
			require.NoError(t, err)
			got.WriteString("# encoder warnings\n")
			for _, w := range warns {
				got.WriteString(w.Msg + "\n")
			}
			golden := strings.TrimSuffix(f, ".ris") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, got.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update")
			assert.Equal(t, string(want), got.String(), "mismatch with %s", golden)
		})
	}
}

func TestDecodeFields(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the item as CSL-JSON
	}{
		{
			name: "journal article",
			in:   "TY  - JOUR\nID  - a\nAU  - Rajavi, Masoud\nTI  - T\nT2  - J\nJ2  - J.\nVL  - 3\nIS  - 2\nSP  - 5\nEP  - 9\nPY  - 1999\nSN  - 1234-567X\nDO  - 10.1/x\nER  - \n",
			want: `{"id":"a","type":"article-journal","author":[{"family":"Rajavi","given":"Masoud"}],"title":"T","container-title":"J","container-title-short":"J.","DOI":"10.1/x","ISSN":"1234-567X","issue":2,"page":"5-9","volume":3,"issued":{"date-parts":[[1999]]}}`,
		},
		{
			name: "book: T2 is the series, A3 the editor, a lone SP the page count",
			in:   "TY  - BOOK\nID  - b\nA3  - Cronin, Stephanie\nA2  - Series, Ed\nT2  - Persian Studies\nSP  - 312\nER  - \n",
			want: `{"id":"b","type":"book","editor":[{"family":"Cronin","given":"Stephanie"}],"collection-editor":[{"family":"Series","given":"Ed"}],"collection-title":"Persian Studies","number-of-pages":312}`,
		},
		{
			name: "chapter: A2 editor, A3 series editor, T3 series",
			in:   "TY  - CHAP\nID  - c\nA2  - Cronin, Stephanie\nA3  - Series, Ed\nT2  - Book\nT3  - Series\nER  - \n",
			want: `{"id":"c","type":"chapter","editor":[{"family":"Cronin","given":"Stephanie"}],"collection-editor":[{"family":"Series","given":"Ed"}],"container-title":"Book","collection-title":"Series"}`,
		},
		{
			name: "report number in SN, genre in M3",
			in:   "TY  - RPRT\nID  - r\nSN  - HRW-05\nM3  - Briefing\nER  - \n",
			want: `{"id":"r","type":"report","genre":"Briefing","number":"HRW-05"}`,
		},
		{
			name: "DOI in M3, JO alone is the journal",
			in:   "TY  - JOUR\nID  - j\nJO  - Middle East Report\nM3  - doi: 10.2307/3012345\nER  - \n",
			want: `{"id":"j","type":"article-journal","container-title":"Middle East Report","DOI":"10.2307/3012345"}`,
		},
		{
			name: "dates: DA wins, other PY kept, season, accessed",
			in:   "TY  - JOUR\nID  - d\nPY  - 2004\nDA  - 2005/05//Spring\nY2  - 2024-01-02\nER  - \n",
			want: `{"id":"d","type":"article-journal","issued":{"date-parts":[[2005,5]],"season":1},"accessed":{"date-parts":[[2024,1,2]]},"custom":{"extra":{"ris:PY":"2004"}}}`,
		},
		{
			name: "dates: EDTF range and circa, literal",
			in:   "TY  - JOUR\nID  - e\nDA  - 1989/1991\nY2  - 2003~\nER  - \nTY  - JOUR\nID  - f\nPY  - 2003\nDA  - Spring 2003\nER  - \n",
			want: `{"id":"e","type":"article-journal","issued":{"date-parts":[[1989],[1991]]},"accessed":{"date-parts":[[2003]],"circa":true}}` + "\n" +
				`{"id":"f","type":"article-journal","issued":{"date-parts":[[2003]]},"custom":{"extra":{"ris:DA":"Spring 2003"}}}`,
		},
		{
			name: "names: literal, suffix, particles stay in the family name",
			in:   "TY  - GEN\nID  - n\nAU  - People's Mojahedin Organization of Iran\nAU  - King, Martin Luther, Jr.\nAU  - al-Rubaie, Mowaffak\nA4  - Translator, T.\nER  - \n",
			want: `{"id":"n","type":"document","author":[{"literal":"People's Mojahedin Organization of Iran"},{"family":"King","given":"Martin Luther","suffix":"Jr."},{"family":"al-Rubaie","given":"Mowaffak"}],"translator":[{"family":"Translator","given":"T."}]}`,
		},
		{
			name: "unknown tags, second values and the original type are kept",
			in:   "TY  - EJOUR\nID  - k\nTI  - One\nTI  - Two\nUR  - http://a\nUR  - http://b\nL1  - file.pdf\nC8  - x\nER  - \n",
			want: `{"id":"k","type":"article-journal","title":"One","URL":"http://a","custom":{"extra":{"ris:C8":"x","ris:L1":"file.pdf","ris:TI":"Two","ris:TY":"EJOUR","ris:UR":"http://b"}}}`,
		},
		{
			name: "generated ids are unique and ASCII",
			in:   "TY  - BOOK\nAU  - Ḥaqqānī, Ḥusayn\nPY  - 2001\nER  - \nTY  - BOOK\nAU  - Haqqani, H.\nPY  - 2001\nER  - \nTY  - BOOK\nTI  - سازمان\nER  - \n",
			want: `{"id":"haqqani2001","type":"book","author":[{"family":"Ḥaqqānī","given":"Ḥusayn"}],"issued":{"date-parts":[[2001]]}}` + "\n" +
				`{"id":"haqqani2001a","type":"book","author":[{"family":"Haqqani","given":"H."}],"issued":{"date-parts":[[2001]]}}` + "\n" +
				`{"id":"sazman","type":"book","title":"سازمان"}`,
		},
		{
			name: "lenient syntax: one space before the hyphen, none after ER; keywords, notes",
			in:   "TY - JOUR\nID - x\nKW  - a\nKW  - b\nN1  - one\nN1  - two\nER  -\n",
			want: `{"id":"x","type":"article-journal","keyword":"a, b","note":"one\n\ntwo"}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, diags := Decode("in.ris", []byte(tt.in))
			require.False(t, diags.HasErrors(), "%v", diags)
			var got []string
			for _, it := range items {
				b, _ := it.AppendJSON(nil)
				got = append(got, string(b))
			}
			assert.Equal(t, tt.want, strings.Join(got, "\n"))
		})
	}
}

func TestDecodeDiagnostics(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		n     int
		diags []string
	}{
		{"clean", "TY  - JOUR\nER  - \n", 1, nil},
		{"missing TY", "TI  - x\nER  - \n", 1, []string{"1:1: warning: record does not start with TY"}},
		{"missing ER between records", "TY  - JOUR\nTI  - a\nTY  - BOOK\nER  - \n", 2, []string{"3:1: warning: TY inside a record"}},
		{"missing ER at the end", "TY  - JOUR\nTI  - a\n", 1, []string{"1:1: warning: record not closed with ER"}},
		{"stray text", "Exported by X\n\nTY  - JOUR\nER  - \ntrailer\n", 1, []string{"1:1: warning: text outside a record", "5:1: warning: text outside a record"}},
		{"ER alone", "ER  - \n", 0, []string{"1:1: warning: ER without a record"}},
		{"unknown type", "TY  - WHAT\nER  - \n", 1, []string{`1:1: warning: unknown RIS type "WHAT"`}},
		{"EP alone", "\nTY  - JOUR\nEP  - 9\nER  - \n", 1, []string{"3:1: warning: EP without SP"}},
		{"latin-1", "TY  - JOUR\nTI  - Caf\xe9\nER  - \n", 1, []string{"2:1: warning: invalid UTF-8"}},
		{"empty", "", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, diags := Decode("in.ris", []byte(tt.in))
			assert.Equal(t, tt.n, len(items), "items")
			require.Equal(t, len(tt.diags), len(diags), "got diagnostics\n%v\nwant %q", diags, tt.diags)
			for i, d := range diags {
				want := "in.ris:" + tt.diags[i]
				assert.True(t, strings.HasPrefix(d.Error(), want), "got %s, want %s…", d.Error(), want)
			}
		})
	}
}

func TestDecoderReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	d := NewDecoder(io.MultiReader(strings.NewReader("TY  - JOUR\nER  - \nTY  - BOOK\n"), iotest.ErrReader(boom)), "x.ris")
	it, err := d.Next()
	require.NoError(t, err, "first record")
	require.Equal(t, "article-journal", it.Type, "first record")
	// The unclosed record read before the error still comes out.
	it, err = d.Next()
	require.NoError(t, err, "second record")
	require.Equal(t, "book", it.Type, "second record")
	_, err = d.Next()
	require.ErrorIs(t, err, boom, "want the read error")
}

func TestLongLine(t *testing.T) {
	abstract := strings.Repeat("Mojahedin ", 20000)
	items, diags := Decode("in.ris", []byte("TY  - JOUR\nAB  - "+abstract+"\nER  - \n"))
	require.Equal(t, 1, len(items), "long abstract: items, %v", diags)
	require.Empty(t, diags, "long abstract")
	require.True(t, items[0].Get("abstract") == strings.TrimSpace(abstract), "long abstract not read whole") // 200 KB: no diff
}

// TestRoundTripRIS reads RIS, writes it and reads it again: the items must
// be the same, and writing them again must give the same text.
func TestRoundTripRIS(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.ris")
	for _, f := range files {
		src, _ := os.ReadFile(f)
		items, _ := Decode(f, src)
		var out bytes.Buffer
		_, err := Encode(&out, items, EncodeOptions{})
		require.NoError(t, err)
		again, diags := Decode("out.ris", out.Bytes())
		assert.False(t, diags.HasErrors(), "%s: our output has errors: %v", f, diags)
		require.Equal(t, len(items), len(again), "%s: items", f)
		for i := range items {
			a, _ := items[i].AppendJSON(nil)
			b, _ := again[i].AppendJSON(nil)
			assert.True(t, items[i].Equal(again[i]), "%s: item changed:\n%s\n%s", f, a, b)
		}
		var out2 bytes.Buffer
		_, err = Encode(&out2, again, EncodeOptions{})
		require.NoError(t, err)
		assert.Equal(t, out.String(), out2.String(), "%s: second write differs", f)
	}
}

// TestRoundTripItems writes items from elsewhere (the cited works) as RIS
// and reads them back: what RIS holds must survive, and everything else
// must have been reported.
func TestRoundTripItems(t *testing.T) {
	data, err := os.ReadFile("../../../shared/works/works.json")
	if err != nil {
		testenv.Missing(t, "shared works not available: %v", err)
	}
	var items []bib.Item
	require.NoError(t, jsonUnmarshal(data, &items))
	var out bytes.Buffer
	warns, err := Encode(&out, items, EncodeOptions{})
	require.NoError(t, err)
	again, diags := Decode("out.ris", out.Bytes())
	require.Empty(t, diags)
	require.Equal(t, len(items), len(again), "items read back")
	warned := map[string]string{}
	for _, w := range warns {
		id := strings.SplitN(w.Msg, `"`, 3)[1]
		warned[id] += w.Msg
	}
	for i, it := range items {
		got := again[i]
		assert.Equal(t, it.ID, got.ID, "%s: id changed", it.ID)
		assert.Equal(t, it.Get("title"), got.Get("title"), "%s: title changed", it.ID)
		// What changes must have been warned about.
		if !strings.Contains(warned[it.ID], "no type") {
			assert.Equal(t, it.Type, got.Type, "%s: type changed without a warning", it.ID)
		}
		for k, v := range it.Vars {
			if !strings.Contains(warned[it.ID], k) {
				assert.Equal(t, v, got.Vars[k], "%s: %s changed without a warning", it.ID, k)
			}
		}
		if !strings.Contains(warned[it.ID], "issued") {
			assert.Equal(t, it.Dates["issued"], got.Dates["issued"], "%s: issued", it.ID)
		}
		for k, ns := range it.Names {
			if !strings.Contains(warned[it.ID], k) {
				assert.Equal(t, len(ns), len(got.Names[k]), "%s: %s lost names", it.ID, k)
			}
			for j := range got.Names[k] {
				assert.Equal(t, ns[j].String(), got.Names[k][j].String(), "%s: name", it.ID)
			}
		}
	}
}

func TestEncodeWarnings(t *testing.T) {
	it := bib.Item{ID: "x", Type: "interview"}
	it.Set("title", "T")
	it.Set("medium", "Radio")
	it.SetNames("interviewer", []bib.Name{{Family: "Q"}})
	it.SetNames("author", []bib.Name{{Literal: "Human Rights Watch, Middle East Division"}})
	it.SetDate("original-date", bib.Date{From: bib.DateParts{Year: 1970}})
	it.SetExtra("langid", "persian")
	it.SetExtra("@type", "online")
	var out bytes.Buffer
	warns, err := Encode(&out, []bib.Item{it}, EncodeOptions{CRLF: true})
	require.NoError(t, err)
	want := []string{
		`item "x": RIS has no type for "interview"; written as PCOMM, which reads back as "personal_communication"`,
		`item "x": the name "Human Rights Watch, Middle East Division" has a comma; RIS readers will split it into family and given names`,
		`item "x": RIS has no tag for interviewer, original-date, medium, langid; not written`,
	}
	require.Equal(t, len(want), len(warns), "got %v", warns)
	for i, w := range warns {
		assert.Equal(t, want[i], w.Msg)
	}
	assert.True(t, strings.HasPrefix(out.String(), "TY  - PCOMM\r\nID  - x\r\nTI  - T\r\n"), "CRLF output:\n%q", out.String())
	assert.True(t, strings.HasSuffix(out.String(), "ER  - \r\n\r\n"), "CRLF output:\n%q", out.String())
}

func TestStripNocase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`The <span class="nocase">MKO</span> Camps`, "The MKO Camps"},
		{`<i>The <span class="nocase">MEK</span></i>`, "<i>The MEK</i>"},
		{`<span style="font-variant:small-caps;">a <span class="nocase">B</span></span>`, `<span style="font-variant:small-caps;">a B</span>`},
		{`<span class="nocase">unclosed`, "unclosed"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, stripNocase(tt.in), "stripNocase(%q)", tt.in)
	}
}

// TestLowerCaseExtra checks that tags kept by a trip through BibTeX, whose
// field names come back lower-cased, are still written.
func TestLowerCaseExtra(t *testing.T) {
	it := bib.Item{ID: "x", Type: "article-journal", Extra: map[string]string{"ris:l1": "a.pdf\nb.pdf", "ris:ty": "EJOUR"}}
	var out bytes.Buffer
	warns, err := Encode(&out, []bib.Item{it}, EncodeOptions{})
	require.NoError(t, err)
	require.Empty(t, warns)
	assert.Equal(t, "TY  - EJOUR\nID  - x\nL1  - a.pdf\nL1  - b.pdf\nER  - \n\n", out.String())
}

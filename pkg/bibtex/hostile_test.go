package bibtex

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

// The tests in this file are named after the hostile inputs of issue 12;
// each one failed before its fix.

// macroBomb defines s1 as ten bytes and each next macro as three copies of
// the one before, levels deep: s40 would be 10·3^39 bytes.
func macroBomb(levels int) string {
	var b strings.Builder
	b.WriteString("@string{s1 = \"abcdefghij\"}\n")
	for i := 2; i <= levels; i++ {
		fmt.Fprintf(&b, "@string{s%d = s%d # s%d # s%d}\n", i, i-1, i-1, i-1)
	}
	fmt.Fprintf(&b, "@misc{bomb, title = s%d}\n@misc{after, title = {fine}}\n", levels)
	return b.String()
}

// streamAll decodes src with a Decoder (as convert does), returning the
// items and the diagnostics.
func streamAll(t *testing.T, r io.Reader, opts DecodeOptions) ([]bib.Item, diag.List) {
	t.Helper()
	d := NewDecoder(r, "h.bib", opts)
	var items []bib.Item
	for {
		it, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		items = append(items, it)
	}
	return items, d.Diagnostics()
}

func ids(items []bib.Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.ID
	}
	return out
}

func TestMacroBomb40LevelsFinishesWithError(t *testing.T) {
	for _, levels := range []int{16, 40} {
		t.Run(fmt.Sprint(levels), func(t *testing.T) {
			items, diags := Decode("h.bib", []byte(macroBomb(levels)), DecodeOptions{})
			require.Equal(t, []string{"bomb", "after"}, ids(items))
			assert.Empty(t, items[0].Vars["title"], "the oversized value is dropped, not truncated")
			assert.Equal(t, "fine", items[1].Vars["title"])
			require.True(t, diags.HasErrors())
			msg := diags.Errors()[0].Error()
			assert.Contains(t, msg, "h.bib:")
			assert.Regexp(t, `macro "s\d+"`, msg, "the error names the macro")
			assert.Contains(t, msg, "MaxValueBytes")
			assert.Contains(t, diags.Error(), fmt.Sprintf(`h.bib:%d:21: error: entry "bomb", field "title": macro "s%d" was left undefined (its definition was too long); the field is dropped`, levels+1, levels))
		})
	}
}

func TestMacroExpansionLimitsAreConfigurable(t *testing.T) {
	src := "@string{a = {0123456789}}\n@misc{k, title = a # a # a}\n@misc{l, title = a # a}\n"
	items, diags := Decode("h.bib", []byte(src), DecodeOptions{MaxValueBytes: 25})
	require.Len(t, items, 2)
	assert.Empty(t, items[0].Vars["title"])
	assert.Equal(t, "01234567890123456789", items[1].Vars["title"])
	require.Len(t, diags.Errors(), 1)
	assert.Equal(t, `h.bib:2:26: error: entry "k", field "title": expanding macro "a" makes the value longer than 25 bytes (MaxValueBytes); the field is dropped`,
		diags.Errors()[0].Error())

	// The per-file budget counts every byte macros expand to.
	items, diags = Decode("h.bib", []byte(src), DecodeOptions{MaxExpandedBytes: 45})
	require.Len(t, items, 2)
	assert.Equal(t, "012345678901234567890123456789", items[0].Vars["title"])
	assert.Empty(t, items[1].Vars["title"])
	require.Len(t, diags.Errors(), 1)
	assert.Contains(t, diags.Errors()[0].Error(), `h.bib:3:22: error: entry "l", field "title": expanding macro "a" exceeds the 45 bytes macros may expand to in one input (MaxExpandedBytes)`)

	// Negative limits turn them off.
	items, diags = Decode("h.bib", []byte(src), DecodeOptions{MaxValueBytes: -1, MaxExpandedBytes: -1})
	assert.Len(t, items[0].Vars["title"], 30)
	assert.Empty(t, diags)
}

func TestRecoveryResyncsOnAtMidLine(t *testing.T) {
	src := "@article{bad, title={x}, year=20 x}\nxyz @article{good, title={Good}, year=2001}\n"
	for name, decode := range map[string]func() ([]bib.Item, diag.List){
		"Decode": func() ([]bib.Item, diag.List) { return Decode("h.bib", []byte(src), DecodeOptions{}) },
		"bytewise": func() ([]bib.Item, diag.List) {
			return streamAll(t, iotest.OneByteReader(strings.NewReader(src)), DecodeOptions{})
		},
	} {
		t.Run(name, func(t *testing.T) {
			items, diags := decode()
			require.Equal(t, []string{"bad", "good"}, ids(items))
			assert.Equal(t, "Good", items[1].Vars["title"])
			assert.Equal(t, `h.bib:1:34: error: entry "bad": unexpected 'x' after the value of "year", expected ',' or '}'
h.bib:1:34: warning: skipped 7 bytes to the next entry at 2:5`, diags.Error())
		})
	}
	// Parse keeps the skipped text with the broken entry, so the file still
	// writes back byte for byte.
	f, _ := Parse("h.bib", []byte(src))
	var buf bytes.Buffer
	_, err := f.WriteTo(&buf)
	require.NoError(t, err)
	assert.Equal(t, src, buf.String())
	require.Len(t, f.Entries(), 2)
	assert.Equal(t, "good", f.Entries()[1].Key)
}

func TestRecoveryKeepsAtInsideBracesAndQuotes(t *testing.T) {
	// After the error the '@' signs inside the broken entry's values do
	// not start entries; the one after its closing brace does.
	src := "@misc{bad, title = {x} junk, email = {a@misc{b}}, note = \"c@misc{d}\"} @misc{good, title={G}}\n"
	items, diags := Decode("h.bib", []byte(src), DecodeOptions{})
	assert.Equal(t, []string{"bad", "good"}, ids(items))
	assert.Contains(t, diags.Error(), `h.bib:1:24: error: entry "bad": unexpected 'j'`)
	assert.Contains(t, diags.Error(), "skipped 47 bytes to the next entry at 1:71")
}

func TestRecoveryAfterNULBytes(t *testing.T) {
	src := "@misc{a, title = {A}}\x00\x00 @misc{b, title = {B}\x00} \x00@misc{c, title = {C}}\n"
	items, diags := Decode("h.bib", []byte(src), DecodeOptions{})
	assert.Equal(t, []string{"a", "b", "c"}, ids(items))
	assert.Equal(t, "C", items[2].Vars["title"])
	assert.Contains(t, diags.Error(), `h.bib:1:45: error: entry "b": unexpected '\x00'`)
}

func TestSyntaxErrorsNameTheEntry(t *testing.T) {
	_, diags := Decode("h.bib", []byte("@misc{k1, title = {A} = }\n@misc{k2, title = }\n@misc{k3, title = {A}\n"), DecodeOptions{})
	assert.Equal(t, `h.bib:1:23: error: entry "k1": unexpected '=' after the value of "title", expected ',' or '}'
h.bib:1:23: warning: skipped 4 bytes to the next entry at 2:1
h.bib:2:19: error: entry "k2": unexpected '}', expected a value
h.bib:3:1: error: entry "k3": unterminated entry`, diags.Error())
}

func TestHugeEntryIsReportedAndSkipped(t *testing.T) {
	huge := "@misc{huge, title = {" + strings.Repeat("x{y}z ", 100000) + "}, note = {@misc{inner}}}"
	src := "@misc{before, title = {B}}\n" + huge + "\n@misc{after, title = {A}}\n"
	for name, r := range map[string]func() io.Reader{
		"whole":    func() io.Reader { return strings.NewReader(src) },
		"bytewise": func() io.Reader { return iotest.OneByteReader(strings.NewReader(src)) },
	} {
		t.Run(name, func(t *testing.T) {
			items, diags := streamAll(t, r(), DecodeOptions{MaxEntryBytes: 64 << 10})
			assert.Equal(t, []string{"before", "after"}, ids(items))
			assert.Equal(t, `h.bib:2:1: error: entry "huge" is longer than 65536 bytes (MaxEntryBytes); skipped up to 2:600047`, diags.Error())
		})
	}
	// Decode applies the same limit.
	items, diags := Decode("h.bib", []byte(src), DecodeOptions{MaxEntryBytes: 64 << 10})
	assert.Equal(t, []string{"before", "after"}, ids(items))
	assert.Len(t, diags, 1)
}

func TestHugeTextLineIsStreamed(t *testing.T) {
	// A megabyte of text with no newline and no entry must not be held
	// whole, and the entry after it is still read.
	src := strings.Repeat("junk ", 200000) + "@misc{k, title = {T}}"
	items, diags := streamAll(t, strings.NewReader(src), DecodeOptions{MaxEntryBytes: 64 << 10})
	assert.Equal(t, []string{"k"}, ids(items))
	assert.Empty(t, diags)
}

func TestWarningsAreCappedPerKind(t *testing.T) {
	var b strings.Builder
	for i := range 250 {
		fmt.Fprintf(&b, "@misc{k%d, publisher = undefined%d}\n", i, i)
	}
	b.WriteString("@misc{k0, title = {dup}}\n")
	items, diags := streamAll(t, strings.NewReader(b.String()), DecodeOptions{MaxDiagnosticsPerKind: 100})
	assert.Len(t, items, 251)
	require.Len(t, diags, 102)
	assert.Equal(t, `h.bib:1:23: warning: undefined macro "undefined0" (kept as its name)`, diags[0].Error())
	assert.Equal(t, `h.bib:100:24: warning: undefined macro "undefined99" (kept as its name)`, diags[99].Error())
	assert.Equal(t, `h.bib:101:25: warning: 150 more like this (undefined macro …), not listed (MaxDiagnosticsPerKind)`, diags[100].Error())
	assert.Equal(t, `h.bib:251:1: warning: duplicate key "k0"`, diags[101].Error())
}

func TestCrossrefTargetsAreNotHeldInMemory(t *testing.T) {
	// Targets and waiting entries go to the store; with spilling forced,
	// every one is read back from the temporary file.
	src := `@inproceedings{child1, title = {Paper}, crossref = {Proc}}
@xdata{pub, publisher = {Verso}, location = {London}}
@proceedings{proc, title = {Proceedings of X}, year = 2005, xdata = {later}}
@inbook{child2, title = {Chapter}, crossref = {book}}
@book{book, author = {Zabih, Sepehr}, title = {The Left}, xdata = {pub}}
@xdata{later, publisher = {ACM}}
@inproceedings{child3, title = {Late}, crossref = {proc}}
`
	var want []bib.Item
	for _, spill := range []bool{false, true} {
		d := NewDecoder(strings.NewReader(src), "x.bib", DecodeOptions{})
		if spill {
			d.targets.spillAt = 0
		}
		var items []bib.Item
		for {
			it, err := d.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			items = append(items, it)
		}
		assert.Empty(t, d.Diagnostics())
		// child1 waits for proc, and proc for its xdata: child1 inherits
		// what proc inherited.
		require.Equal(t, []string{"book", "child2", "proc", "child1", "child3"}, ids(items))
		for _, i := range []int{2, 3, 4} {
			assert.Equal(t, "ACM", items[i].Vars["publisher"], items[i].ID)
		}
		assert.Equal(t, "Verso", items[1].Vars["publisher"])
		if spill {
			assert.Nil(t, d.targets.file, "the temporary file is closed at the end")
			for i := range want {
				assert.True(t, want[i].Equal(items[i]), "item %d", i)
			}
		}
		want = items
	}
}

func TestRuneCutByAReadIsStillUTF8(t *testing.T) {
	// Input is read 64 KiB at a time and checked as UTF-8 once per read:
	// a rune that a read cuts in two is checked with the next read, and
	// invalid bytes later still make their block Windows-1252.
	for pad := readSize - 40; pad < readSize-20; pad++ {
		src := "@misc{a, note = {" + strings.Repeat("x", pad) + "}}\n@misc{b, title = {Müller رجوی}}\n@misc{c, title = {M\xfcller}}\n"
		items, diags := Decode("u.bib", []byte(src), DecodeOptions{})
		require.Equal(t, []string{"a", "b", "c"}, ids(items))
		assert.Equal(t, "Müller رجوی", items[1].Vars["title"], "pad %d", pad)
		assert.Equal(t, "Müller", items[2].Vars["title"], "pad %d", pad)
		require.Len(t, diags, 1, "pad %d", pad)
		assert.Contains(t, diags[0].Msg, "Windows-1252")
	}
}

func TestBrokenEntryHoldsOnlyItsOwnText(t *testing.T) {
	// Parsing resumes at a line that starts with "@"; what the broken
	// entry read from that line (here its key, "@A") belongs to the entry
	// that starts there.
	f, diags := Parse("h.bib", []byte("@misc(\n@A{}\n@misc{a, x = 1,\n@y = 2 @misc{b}"))
	require.True(t, diags.HasErrors())
	var got []string
	for _, b := range f.Blocks {
		if b.Entry == nil {
			continue
		}
		var names []string
		for _, fl := range b.Entry.Fields {
			names = append(names, fl.Name)
			assert.Less(t, fl.Offset, b.Offset+len(b.Raw))
		}
		got = append(got, fmt.Sprintf("%q %q %v", b.Raw, b.Entry.Key, names))
	}
	assert.Equal(t, []string{
		`"@misc(\n" "" []`,
		`"@A{}" "" []`,
		`"@misc{a, x = 1,\n" "a" [x]`,
		`"@misc{b}" "b" []`,
	}, got)
}

func TestNestingDepthIsConfigurable(t *testing.T) {
	src := "@misc{k,\n  publisher = {a{{{{b}}}}},\n  address = {" + strings.Repeat("{", 1001) + "c" + strings.Repeat("}", 1001) + "}}\n"
	items, diags := Decode("h.bib", []byte(src), DecodeOptions{MaxDepth: 3})
	require.Len(t, items, 1)
	assert.Equal(t, "a{b}", items[0].Vars["publisher"], "the deeper group is kept as written")
	assert.Contains(t, diags.Error(), `h.bib:2:3: warning: field "publisher": braces nested deeper than 3 (MaxDepth); kept as written`)

	// The default bound is latex.DefaultMaxDepth.
	items, diags = Decode("h.bib", []byte(src), DecodeOptions{})
	assert.Equal(t, "ab", items[0].Vars["publisher"])
	assert.Equal(t, `h.bib:3:3: warning: field "address": braces nested deeper than 1000 (MaxDepth); kept as written`, diags.Error())
}

// TestFieldNamedAtType is the FuzzDecode crasher class of a field whose name
// starts with "@": Extra keys of that form say how the entry itself was
// written, so such a field made the type " ", written back as "@ {item".
func TestFieldNamedAtType(t *testing.T) {
	items, diags := Decode("h.bib", []byte("@misc{k, @Type = {comment}, title = {T}}\n@000(@tYpe={ }"), DecodeOptions{})
	require.Len(t, items, 2)
	assert.Equal(t, map[string]string(nil), items[0].Extra)
	assert.Equal(t, "000", items[1].Extra["@type"])
	assert.Contains(t, diags.Error(), `h.bib:1:10: warning: field "@Type" in entry "k": a name that starts with "@" is reserved for the entry's own spelling; dropped`)
	var buf bytes.Buffer
	require.NoError(t, Encode(&buf, items, EncodeOptions{}))
	again, diags := Decode("out.bib", buf.Bytes(), DecodeOptions{})
	assert.False(t, diags.HasErrors(), "%v\n%s", diags, buf.Bytes())
	assert.Len(t, again, 2)
}

// TestEncoderWritesOnlyEntryTypes checks the kept "@type" of an item from
// elsewhere (CSL-JSON's custom extra): one that would not start an entry
// is not used.
func TestEncoderWritesOnlyEntryTypes(t *testing.T) {
	for _, typ := range []string{" ", "comment", "String", "a{b", "x,y"} {
		it := bib.Item{ID: "k", Type: "book"}
		it.SetExtra("@type", typ)
		var buf bytes.Buffer
		e := NewEncoder(&buf, EncodeOptions{})
		require.NoError(t, e.Encode(it))
		assert.Equal(t, "@book{k\n}\n", buf.String(), "@type %q", typ)
		require.Len(t, e.Diagnostics(), 1)
		assert.Equal(t, fmt.Sprintf(`item "k": kept entry type %q would not read back as an entry; not used`, typ), e.Diagnostics()[0].Msg)
	}
}

func TestEncoderWarningsAreCappedPerKind(t *testing.T) {
	var items []bib.Item
	for i := range 150 {
		it := bib.Item{ID: fmt.Sprint("k", i), Type: "not-a-type"}
		it.Set("note", "two\nlines")
		items = append(items, it)
	}
	e := NewEncoder(io.Discard, EncodeOptions{MaxDiagnosticsPerKind: 1})
	for _, it := range items {
		require.NoError(t, e.Encode(it))
	}
	var got []string
	for _, d := range e.Diagnostics() {
		got = append(got, d.Msg)
	}
	assert.Equal(t, []string{
		`item "k0": type "not-a-type" is not a CSL type; written as @misc`,
		`item "k0": line breaks in note become spaces`,
		`149 more like this (line breaks in … become spaces), not listed (MaxDiagnosticsPerKind)`,
		`149 more like this (type … is not a CSL type), not listed (MaxDiagnosticsPerKind)`,
	}, got)
	assert.Equal(t, 300, e.Diagnostics().Count())
}

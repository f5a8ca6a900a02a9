package csljson

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

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bib"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestDecodeGolden decodes each testdata/decode/*.json and compares the
// diagnostics and the re-encoded items with NAME.golden.
func TestDecodeGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/decode/*.json")
	require.NoError(t, err, "no test inputs", err)
	require.NotEmpty(t, files, "no test inputs", err)
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
			warns, err := Encode(&got, items, EncodeOptions{Compact: true})
			require.NoError(t, err)
			got.WriteString("# encoder warnings\n")
			for _, d := range warns {
				got.WriteString(d.Msg + "\n")
			}
			golden := strings.TrimSuffix(f, ".json") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, got.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "%v (run go test -update)", err)
			assert.True(t, bytes.Equal(got.Bytes(), want), "mismatch with %s:\n--- got\n%s\n--- want\n%s", golden, got.Bytes(), want)
		})
	}
}

func TestDecodeDiagnostics(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		ids     []string
		diags   []string // "line:col: severity: message prefix"
		wantErr bool
	}{
		{
			name: "array",
			in:   `[{"id":"a","type":"book"},{"id":"b","type":"report"}]`,
			ids:  []string{"a", "b"},
		},
		{
			name: "single object",
			in:   "\n  {\"id\":\"a\",\"type\":\"book\"}\n",
			ids:  []string{"a"},
		},
		{
			name:  "element that is not an object",
			in:    "[\n 1,\n {\"id\":\"a\",\"type\":\"book\"},\n null\n]",
			ids:   []string{"a"},
			diags: []string{"2:2: error: item 1 is a number, not an object", "4:2: error: item 3 is null, not an object"},
		},
		{
			name:  "syntax error inside an item costs that item only",
			in:    "[\n{\"id\":\"a\",\"type\":\"book\",\"title\":tru},\n{\"id\":\"b\",\"type\":\"book\"}]",
			ids:   []string{"b"},
			diags: []string{"2:36: error: item 1: invalid character '}' in literal true"},
		},
		{
			name:  "missing comma between items",
			in:    "[{\"id\":\"a\",\"type\":\"book\"}\n {\"id\":\"b\",\"type\":\"book\"}]",
			ids:   []string{"a", "b"},
			diags: []string{"2:2: warning: missing \",\" between items"},
		},
		{
			name:  "bad property is dropped, item kept",
			in:    `[{"id":"a","type":"book","issued":{"date-parts":[["x"]]},"title":"T"}]`,
			ids:   []string{"a"},
			diags: []string{`1:26: error: property "issued": date-parts: "x" is not a number; dropped`},
		},
		{
			name:  "names that are not a list",
			in:    `{"id":"a","type":"book","author":"Rajavi, Masoud"}`,
			ids:   []string{"a"},
			diags: []string{`1:25: error: property "author": want a list of names (objects with "family" and "given", or "literal"), got a string; dropped`},
		},
		{
			name:  "unknown type and property warned",
			in:    `[{"id":"a","type":"online","abstractNote":"x"}]`,
			ids:   []string{"a"},
			diags: []string{`1:12: warning: unknown type "online" kept`, `1:28: warning: unknown property "abstractNote" kept`},
		},
		{
			name:  "missing id and type",
			in:    `[{"title":"T"}]`,
			ids:   []string{""},
			diags: []string{"1:2: warning: item 1 has no id", `1:2: warning: item "" has no type`},
		},
		{
			name:  "duplicate id",
			in:    "[{\"id\":\"a\",\"type\":\"book\"},\n{\"type\":\"book\",\"id\":\"a\"}]",
			ids:   []string{"a", "a"},
			diags: []string{`2:16: warning: duplicate id "a" (first item with it at 1:2)`},
		},
		{
			name:  "wrong JSON type for a title",
			in:    `[{"id":"a","type":"book","title":["x"]}]`,
			ids:   []string{"a"},
			diags: []string{`1:26: warning: "title" has a value of the wrong JSON type (an array)`},
		},
		{
			name:  "impossible month",
			in:    `[{"id":"a","type":"book","issued":{"date-parts":[[2005,13]]}}]`,
			ids:   []string{"a"},
			diags: []string{`1:26: warning: "issued": 2005-13-0 is not a calendar date`},
		},
		{
			name:  "trailing comma",
			in:    "[\n{\"id\":\"a\",\"type\":\"book\"},\n]",
			ids:   []string{"a"},
			diags: []string{`2:25: warning: trailing comma before "]"`},
		},
		{
			name:  "unclosed array",
			in:    `[{"id":"a","type":"book"}`,
			ids:   []string{"a"},
			diags: []string{`1:26: warning: unexpected end of input: the array of items is not closed`},
		},
		{
			name:  "truncated item",
			in:    "[{\"id\":\"a\",\"type\":\"book\"},\n {\"id\":\"b\",\"title\":\"unterminated",
			ids:   []string{"a"},
			diags: []string{"2:2: error: unexpected end of input inside this item"},
		},
		{
			name: "missing closing quote costs one item, indented",
			in: "[\n  {\n    \"id\": \"a\",\n    \"title\": \"no end,\n    \"author\": [\n      {\"family\": \"X\"}\n    ]\n  },\n" +
				"  {\n    \"id\": \"b\",\n    \"type\": \"book\",\n    \"author\": [\n      {\n        \"family\": \"Y\"\n      }\n    ]\n  }\n]\n",
			ids:   []string{"b"},
			diags: []string{`4:22: error: item 1: invalid character '\n' in string literal`},
		},
		{
			name:  "missing closing quote, one item per line",
			in:    "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"x},\n{\"id\":\"b\",\"type\":\"book\"},\n{\"id\":\"c\",\"type\":\"book\"}]",
			ids:   []string{"b", "c"},
			diags: []string{`1:38: error: item 1: invalid character '\n' in string literal`},
		},
		{
			name:  "missing closing quote in the last item",
			in:    "[{\"id\":\"a\",\"type\":\"book\"},\n{\"id\":\"b\",\"title\":\"x}\n]",
			ids:   []string{"a"},
			diags: []string{`2:22: error: item 2: invalid character '\n' in string literal`},
		},
		{
			name:  "not JSON at all",
			in:    "@book{a, title={T}}",
			diags: []string{`1:1: error: not CSL-JSON: want an array or object of items, found "@"`},
		},
		{
			name:  "a second array after the array is read as well",
			in:    "[{\"id\":\"a\",\"type\":\"book\"}]\n[{\"id\":\"b\",\"type\":\"book\"}]",
			ids:   []string{"a", "b"},
			diags: []string{`2:1: warning: more items after the array of items; read as well`},
		},
		{
			name:  "other content after the array",
			in:    "[{\"id\":\"a\",\"type\":\"book\"}]\nxyz",
			ids:   []string{"a"},
			diags: []string{`2:1: error: unexpected "x" after the array of items`},
		},
		{
			name:  "stray closing brace in JSON Lines",
			in:    "{\"id\":\"a\",\"type\":\"book\"}}\n{\"id\":\"b\",\"type\":\"book\"}",
			ids:   []string{"a", "b"},
			diags: []string{`1:25: error: item 2 is "}" (not JSON), not an object`},
		},
		{
			name:  "Latin-1 bytes",
			in:    "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"Caf\xe9\"},{\"id\":\"b\",\"type\":\"book\",\"title\":\"\xe9\"}]",
			ids:   []string{"a", "b"},
			diags: []string{"1:38: warning: invalid UTF-8"},
		},
		{
			name:  "empty input",
			in:    " \n",
			diags: []string{"2:1: warning: no CSL-JSON data"},
		},
		{
			name: "strings hide brackets and escaped quotes",
			in:   `[{"id":"a]\"}{[","type":"book","title":"x}]"}]`,
			ids:  []string{"a]\"}{["},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, diags := Decode("in.json", []byte(tt.in))
			var ids []string
			for _, it := range items {
				ids = append(ids, it.ID)
			}
			assert.Equal(t, strings.Join(tt.ids, "|"), strings.Join(ids, "|"), "ids")
			require.Len(t, diags, len(tt.diags), "got %d diagnostics, want %d:\n%v", len(diags), len(tt.diags), diags)
			for i, d := range diags {
				want := "in.json:" + tt.diags[i]
				assert.True(t, strings.HasPrefix(d.Error(), want), "diagnostic %d:\n got  %s\n want %s…", i, d.Error(), want)
			}
		})
	}
}

// TestDecoderStreaming checks that reading in tiny pieces gives the same
// items and positions as reading all at once.
func TestDecoderStreaming(t *testing.T) {
	src, err := os.ReadFile("testdata/decode/messy.json")
	require.NoError(t, err)
	wantItems, wantDiags := Decode("messy.json", src)
	d := NewDecoder(iotest.OneByteReader(bytes.NewReader(src)), "messy.json")
	var items []bib.Item
	for {
		it, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		items = append(items, it)
	}
	require.Len(t, items, len(wantItems), "got %d items, want %d", len(items), len(wantItems))
	for i := range items {
		assert.True(t, items[i].Equal(wantItems[i]), "item %d differs", i)
	}
	got, want := d.Diagnostics().Error(), wantDiags.Error()
	assert.Equal(t, want, got, "diagnostics differ:\n%s\n---\n%s", got, want)
}

func TestDecoderReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	r := io.MultiReader(strings.NewReader(`[{"id":"a","type":"book"},`), iotest.ErrReader(boom))
	d := NewDecoder(r, "x.json")
	it, err := d.Next()
	require.NoError(t, err, "first item: %v, %v", it.ID, err)
	require.Equal(t, "a", it.ID, "first item: %v, %v", it.ID, err)
	_, err = d.Next()
	require.ErrorIs(t, err, boom, "got %v, want the read error", err)
	_, err = d.Next()
	require.ErrorIs(t, err, boom, "error is not sticky: %v", err)
}

// TestDecodeRestoresMovedVariables checks the custom-object convention in
// the reading direction, on input another tool wrote.
func TestDecodeRestoresMovedVariables(t *testing.T) {
	in := `{"id":"a","type":"document","custom":{"original-type":"online","license":"CC0","editor-translator":[{"family":"Rajavi"}],"short_id":"xyz"}}`
	items, diags := Decode("in.json", []byte(in))
	require.Len(t, items, 1, "items %d, diags %v", len(items), diags)
	require.Len(t, diags, 1, "items %d, diags %v", len(items), diags)
	require.Contains(t, diags[0].Msg, `unknown type "online"`, "items %d, diags %v", len(items), diags)
	it := items[0]
	assert.Equal(t, "online", it.Type, "not restored: %+v", it)
	assert.Equal(t, "CC0", it.Get("license"), "not restored: %+v", it)
	assert.Equal(t, "Rajavi", it.Names["editor-translator"][0].Family, "not restored: %+v", it)
	assert.Equal(t, `{"short_id":"xyz"}`, string(it.Custom["custom"]), "custom")
}

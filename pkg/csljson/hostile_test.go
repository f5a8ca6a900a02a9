package csljson

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

func decodeLimited(t *testing.T, r io.Reader, maxItem int) ([]string, diag.List) {
	t.Helper()
	d := NewDecoder(r, "h.json")
	d.MaxItemBytes = maxItem
	var ids []string
	for {
		it, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		ids = append(ids, it.ID)
	}
	return ids, d.Diagnostics()
}

func TestItemOverSizeLimitIsSkippedNotTheRest(t *testing.T) {
	title := strings.Repeat("x", 300<<10)
	number := strings.Repeat("7", 300<<10)
	tests := []struct{ name, src, diags string }{
		{"indented array with a long title",
			"[\n  {\"id\": \"a\", \"type\": \"book\"},\n  {\"id\": \"big\", \"type\": \"book\", \"title\": \"" + title + "\"},\n  {\"id\": \"c\", \"type\": \"book\"}\n]\n",
			"h.json:3:3: error: item 2 is larger than 262144 bytes (MaxItemBytes); skipped up to 3:307245"},
		{"one-line array with a long number",
			"[{\"id\": \"a\", \"type\": \"book\"}, {\"id\": \"big\", \"type\": \"book\", \"volume\": " + number + "}, {\"id\": \"c\", \"type\": \"book\"}]",
			"h.json:1:31: error: item 2 is larger than 262144 bytes (MaxItemBytes); skipped up to 1:307272"},
		{"JSON Lines",
			"{\"id\": \"a\", \"type\": \"book\"}\n{\"id\": \"big\", \"type\": \"book\", \"title\": \"" + title + "\"}\n{\"id\": \"c\", \"type\": \"book\"}\n",
			"h.json:2:1: error: item 2 is larger than 262144 bytes (MaxItemBytes); skipped up to 2:307243"},
		{"missing closing brace: resumes at the next item's line",
			"[\n  {\"id\": \"a\", \"type\": \"book\"},\n  {\"id\": \"big\", \"type\": \"book\", \"title\": \"" + title + "\",\n  {\"id\": \"c\", \"type\": \"book\"}\n]\n",
			"h.json:3:3: error: item 2 is larger than 262144 bytes (MaxItemBytes); skipped up to 4:3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, r := range map[string]io.Reader{
				"whole":    strings.NewReader(tt.src),
				"bytewise": iotest.OneByteReader(strings.NewReader(tt.src)),
			} {
				ids, diags := decodeLimited(t, r, 256<<10)
				assert.Equal(t, []string{"a", "c"}, ids, name)
				assert.Equal(t, tt.diags, diags.Error(), name)
			}
		})
	}
}

func TestDuplicateKeysInAnObjectWarn(t *testing.T) {
	src := `[{"id": "a", "type": "book", "title": "One",
  "author": [{"family": "X", "family": "Y"}], "title": "Two", "issued": {"date-parts": [[2001]]}}]`
	items, diags := Decode("h.json", []byte(src))
	require.Len(t, items, 1)
	assert.Equal(t, "Two", items[0].Vars["title"], "the last value is used, as before")
	assert.Equal(t, `h.json:2:30: warning: duplicate key "family" in an object; the last value is used
h.json:2:47: warning: duplicate key "title" in an object; the last value is used`, diags.Error())
}

func TestJSONLinesRoundTrip(t *testing.T) {
	items := []bib.Item{
		{ID: "a", Type: "book", Vars: map[string]string{"title": "Line\nbreak"}},
		{ID: "b", Type: "article-journal", Vars: map[string]string{"title": "Two"}},
	}
	var buf bytes.Buffer
	_, err := Encode(&buf, items, EncodeOptions{Lines: true})
	require.NoError(t, err)
	assert.Equal(t, `{"id":"a","type":"book","title":"Line\nbreak"}
{"id":"b","type":"article-journal","title":"Two"}
`, buf.String())
	back, diags := Decode("h.jsonl", buf.Bytes())
	assert.Empty(t, diags)
	require.Len(t, back, 2)
	for i := range items {
		assert.True(t, items[i].Equal(back[i]), "item %d", i)
	}
	// No items: no output at all.
	buf.Reset()
	_, err = Encode(&buf, nil, EncodeOptions{Lines: true})
	require.NoError(t, err)
	assert.Empty(t, buf.String())
}

func TestNestingDepthIsConfigurable(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	src := "[\n{\"id\": \"a\", \"type\": \"book\", \"custom\": {\"x\": " + deep(3) + "}},\n" +
		"{\"id\": \"b\", \"type\": \"book\", \"custom\": {\"x\": " + deep(1001) + "}},\n" +
		"{\"id\": \"c\", \"type\": \"book\"}\n]\n"
	d := NewDecoder(strings.NewReader(src), "h.json")
	d.MaxDepth = 5
	var ids []string
	for {
		it, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		ids = append(ids, it.ID)
	}
	assert.Equal(t, []string{"a", "c"}, ids)
	assert.Equal(t, `h.json:3:48: error: item 2 nests objects and arrays deeper than 5 (MaxDepth); skipped`, d.Diagnostics().Error())

	// The default is DefaultMaxDepth.
	items, diags := Decode("h.json", []byte(src))
	assert.Len(t, items, 2)
	assert.Equal(t, `h.json:3:1043: error: item 2 nests objects and arrays deeper than 1000 (MaxDepth); skipped`, diags.Error())
}

func TestEncoderWarningsAreCappedPerKind(t *testing.T) {
	var items []bib.Item
	for i := range 150 {
		it := bib.Item{ID: fmt.Sprint("k", i), Type: "online"}
		it.Set("license", "CC")
		items = append(items, it)
	}
	warns, err := Encode(io.Discard, items, EncodeOptions{MaxDiagnosticsPerKind: 1})
	require.NoError(t, err)
	var got []string
	for _, d := range warns {
		got = append(got, d.Msg)
	}
	assert.Equal(t, []string{
		`item "k0": type "online" is not a CSL type; written as "document", kept as custom["original-type"]`,
		`item "k0": "license" has no CSL-JSON property; kept as custom["license"]`,
		`149 more like this (… has no CSL-JSON property), not listed (MaxDiagnosticsPerKind)`,
		`149 more like this (type … is not a CSL type), not listed (MaxDiagnosticsPerKind)`,
	}, got)
	assert.Equal(t, 300, warns.Count())
}

package ris

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestContinuationLines covers the FuzzDecode crasher class of a line
// without a tag: under a name tag it joins the name with a space (a name
// is one line, as Zotero reads it), and a continuation line that would
// read as a tag line once its indentation is gone is written back
// indented, so that RIS -> items -> RIS -> items gives the same items.
func TestContinuationLines(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the item as CSL-JSON
	}{
		{
			name: "indented tag-like line under a name tag (fuzz crasher)",
			in:   "A1 - 000\n A0 -",
			want: `{"id":"000","type":"document","author":[{"literal":"000 A0 -"}]}`,
		},
		{
			name: "wrapped name",
			in:   "TY  - JOUR\nAU  - Smith,\n  John\nAU  - Doe\n  Jane\nER  - \n",
			want: `{"id":"smith","type":"article-journal","author":[{"family":"Smith","given":"John"},{"literal":"Doe Jane"}]}`,
		},
		{
			name: "ER inside an abstract",
			in:   "TY  - JOUR\nID  - a\nAB  - foo\n  ER  - \nER  - \n",
			want: `{"id":"a","type":"article-journal","abstract":"foo\nER  -"}`,
		},
		{
			name: "TY after a blank line inside a kept tag",
			in:   "TY  - JOUR\nID  - a\nZZ  - foo\n\n  TY  - BOOK\nER  - \n",
			want: `{"id":"a","type":"article-journal","custom":{"extra":{"ris:ZZ":"foo\n\nTY  - BOOK"}}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, _ := Decode("in.ris", []byte(tt.in))
			require.Len(t, items, 1)
			got, err := items[0].AppendJSON(nil)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))

			var out bytes.Buffer
			_, err = Encode(&out, items, EncodeOptions{})
			require.NoError(t, err)
			again, diags := Decode("out.ris", out.Bytes())
			require.Empty(t, diags, "%s", out.Bytes())
			require.Len(t, again, 1, "%s", out.Bytes())
			back, err := again[0].AppendJSON(nil)
			require.NoError(t, err)
			assert.Equal(t, string(got), string(back), "written back:\n%s", out.Bytes())
		})
	}
}

package bib

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/internal/testenv"
)

func TestItemJSONRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{
			name: "report with numbers and dates",
			in:   `{"type":"report","id":"r1","number-of-pages":28,"title":"No Exit","author":[{"literal":"Human Rights Watch"}],"issued":{"date-parts":[["2005","5"]]}}`,
			want: `{"id":"r1","type":"report","author":[{"literal":"Human Rights Watch"}],"title":"No Exit","number-of-pages":28,"issued":{"date-parts":[[2005,5]]}}`,
		},
		{
			name: "range, circa, season, markup kept unescaped",
			in:   `{"id":"x","type":"book","title":"<i>The Iranian Mojahedin</i> & co","issued":{"date-parts":[[1989],[1991]],"circa":1,"season":"2"}}`,
			want: `{"id":"x","type":"book","title":"<i>The Iranian Mojahedin</i> & co","issued":{"date-parts":[[1989],[1991]],"season":2,"circa":true}}`,
		},
		{
			name: "odd date shapes: empty parts, strings, spaces, literal",
			in:   `{"id":"x","type":"book","issued":{ "date-parts" : [ [ ] ] , "literal" : "n.d." },"accessed":{"date-parts":[["2005", "05" ,"19" ]]},"submitted":{"raw":"Spring 2003","circa":"1"}}`,
			want: `{"id":"x","type":"book","issued":{"literal":"n.d."},"submitted":{"circa":true,"raw":"Spring 2003"},"accessed":{"date-parts":[[2005,5,19]]}}`,
		},
		{
			name: "names with escapes, nulls and flags",
			in:   `{"id":"x","type":"book","author":[{"family":"Rajav\u012b","given":null,"comma-suffix":true},{"literal":"Human \"Rights\" Watch"}]}`,
			want: `{"id":"x","type":"book","author":[{"family":"Rajavī","comma-suffix":true},{"literal":"Human \"Rights\" Watch"}]}`,
		},
		{
			name: "open range",
			in:   `{"id":"x","type":"book","issued":{"date-parts":[[1987],[0]]}}`,
			want: `{"id":"x","type":"book","issued":{"date-parts":[[1987],[0]]}}`,
		},
		{
			name: "unknown properties and extra kept",
			in:   `{"id":"x","type":"book","categories":["a","b"],"custom":{"extra":{"langid":"english"},"z":1}}`,
			want: `{"id":"x","type":"book","categories":["a","b"],"custom":{"extra":{"langid":"english"},"z":1}}`,
		},
		{
			name: "leading zero stays a string; particles",
			in:   `{"id":"x","type":"book","page":"048","author":[{"family":"Rubaie","non-dropping-particle":"al-","given":"Mowaffak"}]}`,
			want: `{"id":"x","type":"book","author":[{"family":"Rubaie","given":"Mowaffak","non-dropping-particle":"al-"}],"page":"048"}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var it Item
			require.NoError(t, json.Unmarshal([]byte(tt.in), &it))
			got, err := it.AppendJSON(nil)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
			var again Item
			require.NoError(t, json.Unmarshal(got, &again))
			assert.True(t, again.Equal(it), "round trip changed the item:\n%+v\n%+v", it, again)
		})
	}
}

func TestWorksJSONRoundTrip(t *testing.T) {
	data, err := os.ReadFile("../../../shared/works/works.json")
	if err != nil {
		testenv.Missing(t, "shared data not available: %v", err)
	}
	var items []Item
	require.NoError(t, json.Unmarshal(data, &items))
	require.Len(t, items, 32)
	out, err := json.Marshal(items)
	require.NoError(t, err)
	var again []Item
	require.NoError(t, json.Unmarshal(out, &again))
	for i := range items {
		assert.True(t, items[i].Equal(again[i]), "item %s changed in a round trip", items[i].ID)
	}
	assert.Equal(t, "Human Rights Watch", items[0].Names["author"][0].Literal, "first author")
}

func TestParseISODate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"2005", "2005", true},
		{"2005-05-19", "2005-05-19", true},
		{"1989/1991", "1989/1991", true},
		{"2005-05/2005-06", "2005-05/2005-06", true},
		{"2003~", "2003~", true},
		{"2005/..", "2005/..", true},
		{"2006/", "2006/..", true},
		{"May 2005", "", false},
		{"2005-13", "", false},
	}
	for _, tt := range tests {
		d, ok := ParseISODate(tt.in)
		assert.Equal(t, tt.ok, ok, "ParseISODate(%q)", tt.in)
		if ok {
			assert.Equal(t, tt.want, d.String(), "ParseISODate(%q)", tt.in)
		}
	}
}

func TestNameString(t *testing.T) {
	tests := []struct {
		n    Name
		want string
	}{
		{Name{Family: "Rajavi", Given: "Masoud"}, "Masoud Rajavi"},
		{Name{Family: "Rubaie", NonDroppingParticle: "al-", Given: "Mowaffak"}, "Mowaffak al-Rubaie"},
		{Name{Family: "Gogh", NonDroppingParticle: "van", Given: "Vincent"}, "Vincent van Gogh"},
		{Name{Family: "King", Given: "Martin Luther", Suffix: "Jr.", CommaSuffix: true}, "Martin Luther King, Jr."},
		{Name{Literal: "Human Rights Watch"}, "Human Rights Watch"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.n.String(), "%+v.String()", tt.n)
	}
}

func TestAppendJSONString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `""`},
		{"plain", `"plain"`},
		{`a "quoted" \ back`, `"a \"quoted\" \\ back"`},
		{"<i>Mojahedin</i> & co", `"<i>Mojahedin</i> & co"`},
		{"tab\tnew\nline\rbell\x07del\x7f", `"tab\tnew\nline\rbell\u0007del` + "\x7f" + `"`},
		{"Masʻūd رجوی", `"Masʻūd رجوی"`},
		{"line\u2028para\u2029end", `"line\u2028para\u2029end"`},
		{"\u2027\u202a", "\"\u2027\u202a\""},
		{"bad \xff byte", "\"bad \ufffd byte\""},
		{"cut \xe2\x80", "\"cut \ufffd\ufffd\""},
	}
	for _, tt := range tests {
		got := string(AppendJSONString(nil, tt.in))
		assert.Equal(t, tt.want, got, "AppendJSONString(%q)", tt.in)
		var back string
		assert.NoError(t, json.Unmarshal([]byte(got), &back), "%s is not JSON", got)
		if !strings.Contains(tt.in, "\xe2\x80") {
			assert.Equal(t, strings.ToValidUTF8(tt.in, "\ufffd"), back, "decoding %s", got)
		}
	}
}

// appendJSONStringRef is AppendJSONString rune by rune, the reference for
// its word-at-a-time scan.
func appendJSONStringRef(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r) // U+FFFD for each invalid byte
		}
	}
	b.WriteByte('"')
	return b.String()
}

// TestAppendJSONStringWords puts every byte value at every place of a
// string long enough for the eight-byte scan.
func TestAppendJSONStringWords(t *testing.T) {
	const base = "abcdefghijklmnopqrs"
	for pos := range len(base) {
		for c := range 256 {
			in := base[:pos] + string(rune(c)) + base[pos+1:]
			raw := base[:pos] + string([]byte{byte(c)}) + base[pos+1:]
			for _, s := range []string{in, raw} {
				require.Equal(t, appendJSONStringRef(s), string(AppendJSONString([]byte("x"), s))[1:], "AppendJSONString(%q)", s)
			}
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	f.Add("plain ascii text of some length")
	f.Add("Masʻūd رجوی \"q\" \\ \x01\u2028 \xff\xe2\x80")
	f.Fuzz(func(t *testing.T, s string) {
		require.Equal(t, appendJSONStringRef(s), string(AppendJSONString(nil, s)))
	})
}

func TestItemJSONErrors(t *testing.T) {
	for _, in := range []string{
		`{"id":"x",}`,
		`["not an object"]`,
		`{"id":"x","author":"Bob"}`,
		`{"id":"x","author":[{"family":1}]}`,
		`{"id":"x","issued":{"date-parts":"2005"}}`,
		`{"id":"x","issued":{"date-parts":[["May"]]}}`,
		`{"id":"x","issued":{"literal":5}}`,
	} {
		var it Item
		assert.Error(t, json.Unmarshal([]byte(in), &it), "Unmarshal(%s)", in)
	}
}

func FuzzItemJSON(f *testing.F) {
	f.Add(`{"id":"a","type":"book","author":[{"family":"Rajavi","given":"Mas'oud"}],"issued":{"date-parts":[[1989],[0]]},"custom":{"extra":{"x":"y"}}}`)
	f.Add(`{"id":1,"page":"48","issued":{"date-parts":[["2005","5"]],"season":2,"circa":"1","literal":"x"}}`)
	f.Fuzz(func(t *testing.T, in string) {
		var it Item
		if json.Unmarshal([]byte(in), &it) != nil {
			return
		}
		out, err := it.AppendJSON(nil)
		if err != nil {
			return // custom data that is not an object cannot take Extra
		}
		var again Item
		require.NoError(t, json.Unmarshal(out, &again), "our own output %s does not read back", out)
		out2, err := again.AppendJSON(nil)
		require.NoError(t, err)
		require.Equal(t, string(out), string(out2), "writing is not a fixed point")
	})
}

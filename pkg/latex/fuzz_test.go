package latex

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

func addSeeds(f *testing.F) {
	for _, c := range decodeCases {
		f.Add(c.in)
	}
	for _, s := range []string{
		"<i>a</i><b></b>" + nc + "x" + nc + "y" + end + end,
		"{\\em a {\\bf b} c}}{", "$x^{2}_{3}$ $$", "\\'{\\'{e}}", "--- '' `` ``` ''' ----",
		"\xff\xfe{\\'\xff}", "\\url{a{b}c}\\href{x}", "a\u00a0b\u0301\u0301",
	} {
		f.Add(s)
	}
}

// FuzzDecode: Decode never panics, always returns valid UTF-8 in NFC, and Encode
// inverts it in every mode (so Decode(Encode(Decode(s))) == Decode(s)).
func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, markup := range []bool{false, true} {
			x, _ := Decode(s, DecodeOptions{Markup: markup})
			require.True(t, utf8.ValidString(x) && norm.NFC.IsNormalString(x),
				"Decode(%q, markup %v) = %q: invalid UTF-8 or not NFC", s, markup, x)
			for _, ascii := range []bool{false, true} {
				enc := Encode(x, EncodeOptions{Markup: markup, ASCII: ascii})
				back, _ := Decode(enc, DecodeOptions{Markup: markup})
				require.Equal(t, x, back, "markup %v ascii %v: Decode(%q), Encode = %q, decoded again", markup, ascii, s, enc)
			}
		}
		x, _ := Decode(s, DecodeOptions{Verbatim: true})
		require.True(t, utf8.ValidString(x), "Decode(%q, Verbatim) = %q: invalid UTF-8", s, x)
		back, _ := Decode(Encode(x, EncodeOptions{Verbatim: true}), DecodeOptions{Verbatim: true})
		require.Equal(t, x, back, "verbatim: Decode(%q), round trip", s)
	})
}

// FuzzEncode: for any valid UTF-8 text, Decode(Encode(x)) == NFC(x) in
// every mode, and with ProtectCapitals encoding is a fixed point after one pass.
func FuzzEncode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, x string) {
		if !utf8.ValidString(x) {
			return
		}
		for _, opts := range []EncodeOptions{
			{}, {ASCII: true}, {Markup: true}, {Markup: true, ASCII: true},
			{ProtectCapitals: true}, {ASCII: true, ProtectCapitals: true}, {Verbatim: true},
		} {
			enc := Encode(x, opts)
			back, probs := Decode(enc, DecodeOptions{Markup: opts.Markup, Verbatim: opts.Verbatim})
			want := x
			if !opts.Verbatim {
				want = norm.NFC.String(x) // Decode's output is NFC
			}
			require.Equal(t, want, back, "%+v: Encode(%q) = %q, decoded", opts, x, enc)
			require.Nil(t, probs, "%+v: Encode(%q) = %q, decoded %q", opts, x, enc, back)
		}
		x = norm.NFC.String(x)
		for _, opts := range []EncodeOptions{{Markup: true, ProtectCapitals: true}, {Markup: true, ProtectCapitals: true, ASCII: true}} {
			once := Encode(x, opts)
			y, _ := Decode(once, DecodeOptions{Markup: true})
			require.Equal(t, once, Encode(y, opts), "%+v: Encode(%q), then again after decoding %q", opts, x, y)
		}
	})
}

// TestRandomRoundTrip is a deterministic cousin of the fuzz targets for
// plain go test runs: decode cases with TeX fragments spliced in at random
// must still round-trip through Encode.
func TestRandomRoundTrip(t *testing.T) {
	pieces := []string{"{", "}", `\`, "'", "`", "-", "$", "^", "_", "~", "<i>", "</i>", nc, end,
		`\'`, `\emph`, `\em `, `\i`, "e", "A", " ", `\url`, `\href`, "é", "\u0301", "\xff", "[", "]",
		`\relax`, `\d`, `\t`, `\ensuremath`, "$$", `\ch{`, `\ifmmode`, `\else`, `\fi`, `\verb|`, "MKO",
		`\char`, `"4`, `\nth`, `\kern`, "-.1em", `\hspace`, `\discretionary`, `\(`, `\)`, `\[`, `\\`,
		"--", "''", "``", "\u00a0", `\textsuperscript`, "<sup>", "</sup>", "</span>", `\sc `, `\"`, `\=`,
		`\mathbb`, `\alpha`, `\hat`, `\textbackslash`, `\foo`, "{}", "ı", "\u0361"}
	r := rand.New(rand.NewPCG(1, 2))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		b := []byte(decodeCases[r.IntN(len(decodeCases))].in)
		for k := r.IntN(25); k >= 0; k-- {
			p := r.IntN(len(b) + 1)
			b = append(b[:p], append([]byte(pieces[r.IntN(len(pieces))]), b[p:]...)...)
		}
		s := string(b)
		for _, markup := range []bool{false, true} {
			x, _ := Decode(s, DecodeOptions{Markup: markup})
			require.True(t, utf8.ValidString(x) && norm.NFC.IsNormalString(x),
				"Decode(%q) = %q: invalid UTF-8 or not NFC", s, x)
			for _, opts := range []EncodeOptions{{Markup: markup}, {Markup: markup, ASCII: true}} {
				enc := Encode(x, opts)
				back, _ := Decode(enc, DecodeOptions{Markup: markup})
				require.Equal(t, x, back, "%+v: Decode(%q), Encode = %q, decoded again", opts, s, enc)
			}
		}
	}
}

package latex

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

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
			if !utf8.ValidString(x) || !norm.NFC.IsNormalString(x) {
				t.Fatalf("Decode(%q, markup %v) = %q: invalid UTF-8 or not NFC", s, markup, x)
			}
			for _, ascii := range []bool{false, true} {
				enc := Encode(x, EncodeOptions{Markup: markup, ASCII: ascii})
				if back, _ := Decode(enc, DecodeOptions{Markup: markup}); back != x {
					t.Fatalf("markup %v ascii %v: Decode(%q) = %q, Encode = %q, decoded again %q", markup, ascii, s, x, enc, back)
				}
			}
		}
		x, _ := Decode(s, DecodeOptions{Verbatim: true})
		if !utf8.ValidString(x) {
			t.Fatalf("Decode(%q, Verbatim) = %q: invalid UTF-8", s, x)
		}
		if back, _ := Decode(Encode(x, EncodeOptions{Verbatim: true}), DecodeOptions{Verbatim: true}); back != x {
			t.Fatalf("verbatim: Decode(%q) = %q, round trip %q", s, x, back)
		}
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
			if back != want || probs != nil {
				t.Fatalf("%+v: Encode(%q) = %q, decoded %q %v", opts, x, enc, back, probs)
			}
		}
		x = norm.NFC.String(x)
		for _, opts := range []EncodeOptions{{Markup: true, ProtectCapitals: true}, {Markup: true, ProtectCapitals: true, ASCII: true}} {
			once := Encode(x, opts)
			y, _ := Decode(once, DecodeOptions{Markup: true})
			if twice := Encode(y, opts); twice != once {
				t.Fatalf("%+v: Encode(%q) = %q, but after decoding %q it is %q", opts, x, once, y, twice)
			}
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
			if !utf8.ValidString(x) || !norm.NFC.IsNormalString(x) {
				t.Fatalf("Decode(%q) = %q: invalid UTF-8 or not NFC", s, x)
			}
			for _, opts := range []EncodeOptions{{Markup: markup}, {Markup: markup, ASCII: true}} {
				enc := Encode(x, opts)
				if back, _ := Decode(enc, DecodeOptions{Markup: markup}); back != x {
					t.Fatalf("%+v: Decode(%q) = %q, Encode = %q, decoded again %q", opts, s, x, enc, back)
				}
			}
		}
	}
}

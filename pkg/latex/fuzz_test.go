package latex

import (
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

// FuzzDecode: Decode never panics, always returns valid UTF-8, and Encode
// inverts it in every mode (so Decode(Encode(Decode(s))) == Decode(s)).
func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, markup := range []bool{false, true} {
			x, _ := Decode(s, DecodeOptions{Markup: markup})
			if !utf8.ValidString(x) {
				t.Fatalf("Decode(%q, markup %v) = %q: invalid UTF-8", s, markup, x)
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

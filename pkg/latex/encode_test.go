package latex

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

var (
	utf8Opts   = EncodeOptions{}
	asciiOpts  = EncodeOptions{ASCII: true}
	richOpts   = EncodeOptions{Markup: true}
	protOpts   = EncodeOptions{Markup: true, ProtectCapitals: true}
	asciiRich  = EncodeOptions{Markup: true, ASCII: true, ProtectCapitals: true}
	verbatimOp = EncodeOptions{Verbatim: true}
)

func TestEncode(t *testing.T) {
	for _, c := range []struct {
		in   string
		opts EncodeOptions
		want string
	}{
		{"Iran and its opposition", utf8Opts, "Iran and its opposition"},
		{"Mas'oud Rajavi", utf8Opts, "Mas'oud Rajavi"},
		{"Mas’oud", utf8Opts, "Mas’oud"},
		{"Mas’oud", asciiOpts, `Mas{\textquoteright}oud`},
		{"Rajāvī", asciiOpts, `Raj{\=a}v{\=\i}`},
		{"Ḥasan Muḥammad", asciiOpts, `{\d{H}}asan Mu{\d{h}}ammad`},
		{"ẓ ṣ ṭ ḍ ẖ", asciiOpts, `{\d{z}} {\d{s}} {\d{t}} {\d{d}} {\b{h}}`},
		{"ʿAli Qurʾan", asciiOpts, `{\textayn}Ali Qur{\texthamza}an`},
		{"Shī‘a", asciiOpts, "Sh{\\=\\i}{\\textquoteleft}a"},
		{"‘‘", asciiOpts, "{\\textquoteleft}{\\textquoteleft}"},
		{"“quoted”", asciiOpts, "``quoted''"},
		{"“quoted”", utf8Opts, "“quoted”"},
		{"École Straße Łódź", asciiOpts, `{\'E}cole Stra{\ss}e {\L}{\'o}d{\'z}`},
		{"ǿ ṩ ǰ İ", asciiOpts, `{\'\o} {\.{\d{s}}} {\v{\j}} {\.I}`},
		{"ị", asciiOpts, `{\d{i}}`},
		{"Brașov", asciiOpts, `Bra{\textcommabelow{s}}ov`},
		{"x\u0301 v\u0304 \u0131\u0301", asciiOpts, "{\\'x} {\\=v} {\\i}\u0301"},
		{"Lunacharski\u012d t\u0361s and t\u0361s\u0301", asciiOpts, "Lunacharski{\\u{\\i}} {\\t{ts}} and {\\t{t}}s\u0301"},
		{"مجاهدین خلق", asciiOpts, "مجاهدین خلق"},
		{"α-helix x² H₂O", asciiOpts, `$\alpha$-helix x{\texttwosuperior} H$_{2}$O`},
		{"αβ", asciiOpts, `$\alpha${}$\beta$`},
		{"A & B 50% $5 #1 a_b {x} ~ ^ \\ `", utf8Opts,
			`A \& B 50\% \$5 \#1 a\_b \{x\} \textasciitilde{} \^{} \textbackslash{} \textasciigrave{}`},
		{"Dr.\u00a0Smith", utf8Opts, "Dr.~Smith"},
		{"1–10 war—peace", utf8Opts, "1–10 war—peace"},
		{"1–10 war—peace", asciiOpts, "1--10 war---peace"},
		{"a--b ''", utf8Opts, "a-{}-b '{}'"},
		{"-–", asciiOpts, "-{}--"},
		{"<i>Iran</i> and <b>MEK</b>", richOpts, `\textit{Iran} and \textbf{MEK}`},
		{"<i>Iran</i>", utf8Opts, "<i>Iran</i>"},
		{sc + "Pmoi" + end + " 19<sup>th</sup> H<sub>2</sub>O", richOpts,
			`\textsc{Pmoi} 19\textsuperscript{th} H\textsubscript{2}O`},
		{"The " + nc + "MKO" + end, richOpts, "The {MKO}"},
		{nc + "&T" + end, richOpts, `{\relax \&T}`},
		{nc + "<i>x</i>" + end, richOpts, `{\relax \textit{x}}`},
		{nc + "a" + nc + "b" + end + end, richOpts, `{a<span class="nocase">b</span>}`},
		{"<i></i>x", richOpts, "<i></i>x"},
		{"<i>x</b>", richOpts, "<i>x</b>"},
		{"x < y", richOpts, "x < y"},
		{"<i>a <b>b</i> c</b>", richOpts, `<i>a \textbf{b</i> c}`},
		{"The MKO and PMOI use iPhone in Tehran", protOpts, "The {MKO} and {PMOI} use {iPhone} in Tehran"},
		{"McDonald's 3D", protOpts, "{McDonald}'s {3D}"},
		{"<i>MEK</i> " + nc + "RAND Corporation" + end, protOpts, `\textit{{MEK}} {RAND Corporation}`},
		{"Hanif-Nezhad", protOpts, "Hanif-Nezhad"},
		{"ÉTAT", asciiRich, `{{\'E}TAT}`},
		{"http://a.org/~x_y%20{z}\\", verbatimOp, `http://a.org/~x_y\%20\{z\}\\`},
		{"10.1000/xyz", verbatimOp, "10.1000/xyz"},
	} {
		assert.Equal(t, c.want, Encode(c.in, c.opts), "Encode(%q, %+v)", c.in, c.opts)
	}
}

// TestEncodeInvertsDecode checks Decode(Encode(x)) == x for the decoded
// form of every Decode test case, in every option combination.
func TestEncodeInvertsDecode(t *testing.T) {
	for _, c := range decodeCases {
		for _, markup := range []bool{false, true} {
			x, _ := Decode(c.in, DecodeOptions{Markup: markup})
			for _, ascii := range []bool{false, true} {
				enc := Encode(x, EncodeOptions{Markup: markup, ASCII: ascii})
				back, probs := Decode(enc, DecodeOptions{Markup: markup})
				assert.Equal(t, x, back, "Decode(Encode(%q, ascii %v, markup %v)) via %q", x, ascii, markup, enc)
				assert.Nil(t, probs, "Decode(Encode(%q)) reported problems", x)
			}
		}
	}
}

// TestProtectCapitalsFixedPoint: encoding what Decode made of a protected
// encoding gives the same TeX again.
func TestProtectCapitalsFixedPoint(t *testing.T) {
	for _, c := range decodeCases {
		x, _ := Decode(c.in, DecodeOptions{Markup: true})
		for _, opts := range []EncodeOptions{protOpts, asciiRich} {
			once := Encode(x, opts)
			y, _ := Decode(once, DecodeOptions{Markup: true})
			assert.Equal(t, once, Encode(y, opts), "Encode not a fixed point for %q", x)
		}
	}
}

func TestVerbatimRoundTrip(t *testing.T) {
	for _, s := range []string{`http://a.org/\~u/a\_b`, `C:\\x\\y.pdf`, `{10.1000/ABC}`, `a\b\%`} {
		x, _ := Decode(s, DecodeOptions{Verbatim: true})
		back, _ := Decode(Encode(x, verbatimOp), DecodeOptions{Verbatim: true})
		assert.Equal(t, x, back, "verbatim round trip of %q", s)
	}
}

// TestConcurrent runs Decode and Encode from many goroutines (go test
// -race): the tables are shared, and the Latin accent table is built on
// first use.
func TestConcurrent(t *testing.T) {
	done := make(chan string)
	for g := range 8 {
		go func() {
			var last string
			for _, c := range decodeCases[g%4:] {
				x, _ := Decode(c.in, DecodeOptions{Markup: true})
				last = Encode(x, asciiRich)
			}
			done <- last
		}()
	}
	// Every goroutine ends with the last case.
	x, _ := Decode(decodeCases[len(decodeCases)-1].in, DecodeOptions{Markup: true})
	want := Encode(x, asciiRich)
	for range 8 {
		assert.Equal(t, want, <-done, "goroutine result")
	}
}

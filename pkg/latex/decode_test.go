package latex

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

const (
	nc  = `<span class="nocase">`
	sc  = `<span style="font-variant:small-caps;">`
	end = `</span>`
)

// decodeCases are shared by the Decode tests and the round-trip tests. plain
// is the result without Markup, rich the result with it ("" = same as plain).
var decodeCases = []struct {
	in, plain, rich string
}{
	// accents in every spelling
	{`\'e`, "é", ""},
	{`\'{e}`, "é", ""},
	{`{\'e}`, "é", ""},
	{`{\' e}`, "é", ""},
	{`\' e`, "é", ""},
	{`\'\i`, "í", ""},
	{`{\'\i}`, "í", ""},
	{`\'{\i}`, "í", ""},
	{`\"o`, "ö", ""},
	{`\"{U}ber`, "Über", ""},
	{`\^o`, "ô", ""},
	{"\\`a", "à", ""},
	{`\~n`, "ñ", ""},
	{`Espa\~{n}a`, "España", ""},
	{`\=a`, "ā", ""},
	{`\=\i`, "ī", ""},
	{`\.z`, "ż", ""},
	{`{\.I}stanbul`, "İstanbul", ""},
	{`\u{g}`, "ğ", ""},
	{`\u g`, "ğ", ""},
	{`\v{s}`, "š", ""},
	{`\v s`, "š", ""},
	{`\v{c}`, "č", ""},
	{`\H{o}`, "ő", ""},
	{`\c{c}`, "ç", ""},
	{`\c c`, "ç", ""},
	{`\k{a}`, "ą", ""},
	{`\r{a}`, "å", ""},
	{`\r{u}`, "ů", ""},
	{`\d{h}`, "ḥ", ""},
	{`{\d{h}}`, "ḥ", ""},
	{`{\d h}`, "ḥ", ""},
	{`\d{s}`, "ṣ", ""},
	{`\d{t}`, "ṭ", ""},
	{`\d{z}`, "ẓ", ""},
	{`\d{d}`, "ḍ", ""},
	{`\d{H}`, "Ḥ", ""},
	{`\b{h}`, "ẖ", ""},
	{`\b{k}`, "ḵ", ""},
	{`\t{oo}`, "o\u0361o", ""},
	{`Bra\textcommabelow{s}ov, Timi\c{s}oara`, "Brașov, Timişoara", ""},
	{`\t{ts}`, "t\u0361s", ""},
	{`\.{\d{s}}`, "ṩ", ""},
	{`\'\o`, "ǿ", ""},
	{`\v\j`, "ǰ", ""},
	{`\'{}`, "´", ""},
	{`\^{}`, "^", ""},
	{`\~{}`, "~", ""},
	{`\'{x}`, "x\u0301", ""},
	{`\'{ab}`, "áb", ""},
	// decomposed input comes out in NFC too
	{"Re\u0301sume\u0301 {\\'e}\u0323", "Résumé ẹ́", "Résumé ẹ́"},
	// Persian and Arabic romanization
	{`Mas{\textquoteright}oud`, "Mas’oud", ""},
	{`Mas'oud Rajavi`, "Mas'oud Rajavi", ""},
	{`Raja{\=v}{\=\i}`, "Rajav\u0304ī", ""},
	{`Raj{\=a}v{\=\i}`, "Rajāvī", ""},
	{`{\d{H}}asan`, "Ḥasan", ""},
	{`Abrahamian`, "Abrahamian", ""},
	{`Hanif-Nezhad`, "Hanif-Nezhad", ""},
	{`Mojahedin-e Khalq`, "Mojahedin-e Khalq", ""},
	{`Mu{\d{h}}ammad`, "Muḥammad", ""},
	{`{\textayn}Ali`, "ʿAli", ""},
	{`{\textain}Ali`, "ʿAli", ""},
	{`Qur{\texthamza}an`, "Qurʾan", ""},
	{`Qur\hamza{}an`, "Qurʾan", ""},
	{`{\textquoteleft}Abd al-Karim`, "‘Abd al-Karim", ""},
	{`Sh{\=\i}{\textquoteleft}a`, "Shī‘a", ""},
	{`\textquoteleft Ulama`, "‘Ulama", ""},
	{`Ism{\=a}{\textquoteleft}{\=\i}l{\=\i}`, "Ismā‘īlī", ""},
	{`Sh\=ah`, "Shāh", ""},
	// letter and symbol macros
	{`Stra\ss e`, "Straße", ""},
	{`Stra{\ss}e`, "Straße", ""},
	{`\ss{}`, "ß", ""},
	{`{\o}`, "ø", ""},
	{`\O`, "Ø", ""},
	{`\aa\AA`, "åÅ", ""},
	{`\ae{} \AE{} \oe{} \OE{}`, "æ Æ œ Œ", ""},
	{`\L\'od\'z`, "Łódź", ""},
	{`\l{}`, "ł", ""},
	{`\i\j`, "ıȷ", ""},
	{`\dh\DH\th\TH\ng\NG`, "ðÐþÞŋŊ", ""},
	{`\textendash \textemdash`, "–—", ""},
	{`\S 3 \P{}`, "§3 ¶", ""},
	{`\copyright{} \pounds \euro`, "© £€", ""},
	{`\dag \ldots \dots{}`, "†……", ""},
	{`\textasciitilde\textbackslash`, "~\\", ""},
	{`\LaTeX{} and \TeX`, "LaTeX and TeX", ""},
	{`\textordfeminine`, "ª", ""},
	{`\textquotedblleft x\textquotedblright`, "“x”", ""},
	// specials
	{`A \& B`, "A & B", ""},
	{`50\% \$5 \#1 a\_b \{x\}`, "50% $5 #1 a_b {x}", ""},
	{`Dr.~Smith`, "Dr.\u00a0Smith", ""},
	{`pp. 1--10`, "pp. 1–10", ""},
	{`war---and peace`, "war—and peace", ""},
	{`a-b`, "a-b", ""},
	{`a-{}-b`, "a--b", ""},
	{"``quoted''", "“quoted”", ""},
	{"`single'", "‘single’", ""}, // a ` quote closes with ’, not a mixed ‘single'
	{"Ma`mun's", "Ma‘mun's", ""}, // a ` after a letter opens nothing
	{`it's`, "it's", ""},
	{`a\,b\;c\ d`, "a\u2009b\u2005c d", ""},
	{`one\\two`, "one two", ""},
	{`one\\[2pt]two`, "one two", ""},
	{`hyphen\-ation`, "hyphenation", ""},
	{`x < y & z > w`, "x < y & z > w", ""},
	{`<i>literal</i>`, "<i>literal</i>", ""},
	// math
	{`$x^2$`, "x²", ""},
	{`$x^{10}$`, "x¹⁰", ""},
	{`H$_2$O`, "H₂O", ""},
	{`$\alpha$-helix`, "α-helix", ""},
	{`$\leq 5$`, "≤ 5", ""},
	{`$37^\circ$C`, "37°C", ""},
	{`$\mathbb{R}$`, "ℝ", ""},
	{`$\mathrm{CO}_2$`, "CO₂", ""},
	{`\ensuremath{\beta}`, "β", ""},
	// formatting
	{`\emph{Iran}`, "Iran", "<i>Iran</i>"},
	{`\textit{Iran}`, "Iran", "<i>Iran</i>"},
	{`\textsl{Iran}`, "Iran", "<i>Iran</i>"},
	{`{\em Iran}`, "Iran", "<i>Iran</i>"},
	{`{\it Iran}`, "Iran", "<i>Iran</i>"},
	{`{\itshape Iran}`, "Iran", "<i>Iran</i>"},
	{`\textbf{MEK}`, "MEK", "<b>MEK</b>"},
	{`{\bf MEK}`, "MEK", "<b>MEK</b>"},
	{`{\bfseries MEK}`, "MEK", "<b>MEK</b>"},
	{`\textsc{Pmoi}`, "Pmoi", sc + "Pmoi" + end},
	{`{\sc Pmoi}`, "Pmoi", sc + "Pmoi" + end},
	{`{\scshape Pmoi}`, "Pmoi", sc + "Pmoi" + end},
	{`19\textsuperscript{th}`, "19th", "19<sup>th</sup>"},
	{`H\textsubscript{2}O`, "H2O", "H<sub>2</sub>O"},
	{`\emph{\textbf{x}}`, "x", "<i><b>x</b></i>"},
	{`{\em a {\bf b} c}`, "a b c", "<i>a <b>b</b> c</i>"},
	{`{a \em b}`, "a b", nc + "a <i>b</i>" + end},
	{`\em a`, "a", "<i>a</i>"},
	{`{\em}x`, "x", "x"},
	{`\emph{}x`, "x", "x"},
	{`\textup{a} \textnormal{b} \textrm{c} \texttt{d}`, "a b c d", ""},
	{`\mbox{a}\hbox{b}`, "ab", ""},
	{`\url{http://x.org/a_b}`, "http://x.org/a_b", ""},
	{`\href{http://x.org}{the site}`, "the site", ""},
	{`\enquote{x}`, "“x”", ""},
	{`\mkbibparens{x} \mkbibbrackets{y}`, "(x) [y]", ""},
	{`{\noopsort{1973b}}1973`, "1973", ""},
	{`\textcolor{red}{x}`, "x", ""},
	// case protection
	{`{DNA}`, "DNA", nc + "DNA" + end},
	{`The {MKO} in {Tehran}`, "The MKO in Tehran", "The " + nc + "MKO" + end + " in " + nc + "Tehran" + end},
	{`{{RAND Corporation}}`, "RAND Corporation", nc + "RAND Corporation" + end},
	{`{\relax Foo}`, "Foo", nc + "Foo" + end},
	{`{\'E}cole`, "École", ""},
	{`{{\'E}cole}`, "École", nc + "École" + end},
	{`{}`, "", ""},
	{`a{}b`, "ab", ""},
	{`{A}{B}`, "AB", nc + "A" + end + nc + "B" + end},
	{`\emph{{DNA} x}`, "DNA x", "<i>" + nc + "DNA" + end + " x</i>"},
	{`\NoCaseChange{iPhone}`, "iPhone", nc + "iPhone" + end},
	{`{\TeX}`, "TeX", ""},
	// TeX-world and chemistry macros seen in real bibliographies
	{`{\MF} and \MP{} in {\TUB}`, "Metafont and MetaPost in TUGboat", "Metafont and MetaPost in TUGboat"},
	{`\AmSTeX\Dash a product`, "AMS-TeX—a product", ""},
	{`input{\slash}output`, "input/output", ""},
	{`{\tt\bs strut}`, "\\strut", ""},
	{`{\acro{EPS}} files`, "EPS files", ""},
	{`{\smc mf medley}`, "mf medley", sc + "mf medley" + end},
	{`\proglang{R} package \pkg{mlr}`, "R package mlr", ""},
	{`the \nth{4} and \nth{22} and \nth{13} edition`, "the 4th and 22nd and 13th edition", ""},
	{`DVIto\kern-.15em VDU`, "DVItoVDU", ""},
	{`lo--\hspace{0pt}al`, "lo–al", ""},
	{`SIGCSE/\discretionary{}{}{}SIGCUE`, "SIGCSE/SIGCUE", ""},
	{`Antu\ifmmode \check{s}\else \v{s}\fi{}ek`, "Antušek", ""},
	{`\ifmmode \acute{S}\else \'{S}\fi{}lezak`, "Ślezak", ""},
	{`array \verb|x[100]| and \path|a@b.c|`, "array x[100] and a@b.c", ""},
	{"{\\tt\\char`\\\\let} \\char\"41\\char66", "\\let AB", ""},
	{`the \(\theta\) rhythm, \[x^2\]`, "the θ rhythm, x²", ""},
	{`operation \oplus and \lambda`, "operation ⊕ and λ", ""},
	{`$\hat{x}$ and $\log n$ and ${\rm N}_{2}$`, "x̂ and log n and N₂", ""},
	{`Proc. 15$^{th}$ Symp.`, "Proc. 15th Symp.", "Proc. 15<sup>th</sup> Symp."},
	{`high-{$T_{c}$} films`, "high-Tc films", "high-" + nc + "T<sub>c</sub>" + end + " films"},
	{`\ch{Li^{+}} and \ch{Mg^{2+}} with \ch{ATP}`, "Li⁺ and Mg²⁺ with ATP", ""},
	{`\ch{H2SO4} \ch{Na+} \ch{2H2O} \ch{SO4^2-} \ch{A -> B}`, "H₂SO₄ Na⁺ 2H₂O SO₄²⁻ A → B", ""},
	{`\ch{CuSO4*5H2O}`, "CuSO₄·5H₂O", ""},
	{"\\char'101\\char`A\\char`\\%", "AA%", ""},
	{`\lq{}Ulama\rq{} \ohorn\uhorn{} \textschwa`, "‘Ulama’ ơư ə", ""},
	{`\autocap{e}xcerpt`, "excerpt", ""},
	{`e\char"301 \d{}`, "\u1eb9\u0301", ""},
	// unknown macros are kept
	{`\foo`, `\foo`, ""},
	{`\foo{bar} baz`, `\foo{bar} baz`, ""},
	{`\cite[p.~3]{key}`, `\cite[p.~3]{key}`, ""},
	{`$\mathcal{O}(n)$`, `$\mathcal{O}(n)$`, ""},
	{`\ch{\foo} \ch{A=>B}`, `\ch{\foo} \ch{A=>B}`, ""},
	{`\verb|x`, `\verb|x`, ""},
	{`\char`, `\char`, ""},
	{`\hspace`, ``, ""},
	{`\hspace{1em the rest`, `\hspace{1em the rest`, ""},
	{`\discretionary{a}{b the rest`, `\discretionary{a}{b the rest`, ""},
	// broken input
	{`a { b`, "a  b", "a " + nc + " b" + end},
	{`a } b`, "a  b", ""},
	{`a\`, `a\`, ""},
	{`$x`, "$x", ""},
	{`\'`, "´", ""},
}

func TestDecode(t *testing.T) {
	for _, c := range decodeCases {
		got, _ := Decode(c.in, DecodeOptions{})
		assert.Equal(t, c.plain, got, "Decode(%q)", c.in)
		want := c.rich
		if want == "" {
			want = c.plain
		}
		got, _ = Decode(c.in, DecodeOptions{Markup: true})
		assert.Equal(t, want, got, "Decode(%q, Markup)", c.in)
	}
}

func TestDecodeProblems(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []Problem
	}{
		{`plain`, nil},
		{`{\'e}`, nil},
		{`x \foo{bar}`, []Problem{{2, `unknown macro \foo kept as written`}}},
		{`a { b`, []Problem{{2, "unclosed {"}}},
		{`a } b`, []Problem{{2, "unmatched }"}}},
		{`ab\`, []Problem{{2, `lone \ at end of text`}}},
		{`x $\mathcal{O}$`, []Problem{{2, "math kept as written"}}},
		{`$x`, []Problem{{0, "unclosed $ kept as written"}}},
		{`\'`, []Problem{{0, `accent \' without argument`}}},
		{`\emph`, []Problem{{0, `macro \emph without argument`}}},
		{`\url x`, []Problem{{0, `\url without {argument}`}}},
		{`\verb|x`, []Problem{{0, `\verb without closing | kept as written`}}},
		{`\ch{\foo}`, []Problem{{0, "chemical formula kept as written"}}},
		{`\ifmmode x`, []Problem{{0, `\ifmmode without \fi ignored`}}},
		{`{\~}`, nil},
		{`\hspace{1em the rest`, []Problem{{0, `unclosed { after \hspace`}}},
		{`\href{http://x the rest`, []Problem{{0, `unclosed { after \href`}}},
		{"a\xffb", []Problem{{1, "invalid UTF-8 replaced by U+FFFD"}}},
	} {
		_, got := Decode(c.in, DecodeOptions{Markup: true})
		assert.True(t, slices.Equal(got, c.want), "Decode(%q) problems = %v, want %v", c.in, got, c.want)
	}
}

func TestDecodeVerbatim(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`https://doi.org/10.1000/x_y`, `https://doi.org/10.1000/x_y`},
		{`http://a.org/\~user/a\_b\%20c\#d?x=1\&y=2`, `http://a.org/~user/a_b%20c#d?x=1&y=2`},
		{`{http://a.org/{x}}`, `http://a.org/x`},
		{`10.1000/{ABC}--\'e`, `10.1000/ABC--\'e`},
		{`C:\\Users\\x.pdf`, `C:\Users\x.pdf`},
		{`a\{b\}`, `a{b}`},
		{`a~b`, `a~b`},
	} {
		got, probs := Decode(c.in, DecodeOptions{Verbatim: true})
		assert.Equal(t, c.want, got, "Decode(%q, Verbatim)", c.in)
		assert.Nil(t, probs, "Decode(%q, Verbatim) problems", c.in)
	}
	_, probs := Decode(`a{b`, DecodeOptions{Verbatim: true})
	if assert.Len(t, probs, 1, "unclosed brace in verbatim: problems") {
		assert.Equal(t, 1, probs[0].Offset, "unclosed brace in verbatim: problems %v", probs)
	}
}

// TestDecodeFastPath checks that text without TeX comes back unchanged and
// without allocating: the BibTeX reader depends on it for speed.
func TestDecodeFastPath(t *testing.T) {
	for _, s := range []string{"", "Iran and its opposition", "Mas'oud Rajavi", "1-10", "Ḥasan", "a < b"} {
		got, probs := Decode(s, DecodeOptions{Markup: true})
		assert.Equal(t, s, got, "Decode(%q)", s)
		assert.Nil(t, probs, "Decode(%q) problems", s)
		n := testing.AllocsPerRun(10, func() { Decode(s, DecodeOptions{Markup: true}) })
		assert.Zero(t, n, "Decode(%q) allocations", s)
	}
}

func TestDecodeDeepNesting(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("{", 5000) + "x" + strings.Repeat("}", 5000),
		strings.Repeat(`\'`, 100000) + "x",
		strings.Repeat(`\emph`, 100000) + "x",
	} {
		for _, markup := range []bool{false, true} {
			// The checks print sizes, not the 100 KB texts.
			got, probs := Decode(s, DecodeOptions{Markup: markup})
			assert.True(t, strings.Contains(got, "x") && len(probs) > 0 && utf8.ValidString(got),
				"deep nesting (markup %v): got %d bytes, %d problems", markup, len(got), len(probs))
		}
	}
	// Math too deep to convert is kept as written.
	s := "$" + strings.Repeat("^", 100000) + "2$"
	got, probs := Decode(s, DecodeOptions{})
	assert.True(t, got == s, "deep math: got %d bytes, want the %d input bytes", len(got), len(s))
	assert.Len(t, probs, 1, "deep math: problems")
}

func TestDecodeMaxDepthIsConfigurable(t *testing.T) {
	tests := []struct {
		name, in string
		max      int
		want     string
		probs    []Problem
	}{
		{"braces", "a{{{{b}}}}", 3, "a{b}", []Problem{{4, "braces nested deeper than 3 (MaxDepth); kept as written"}}},
		{"macro arguments", `\emph\emph\emph\emph x`, 2, `\emph x`, []Problem{{15, "macros nested deeper than 2 (MaxDepth); kept as written"}}},
		{"math", "$x^{{{2}}}$", 2, "$x^{{{2}}}$", []Problem{{0, "math kept as written"}}},
		{"within the bound", "a{{{{b}}}}", 4, "ab", nil},
		{"zero is the default", strings.Repeat("{", DefaultMaxDepth) + "b" + strings.Repeat("}", DefaultMaxDepth), 0, "b", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs := Decode(tt.in, DecodeOptions{MaxDepth: tt.max})
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.probs, probs)
		})
	}
}

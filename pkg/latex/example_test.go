package latex_test

import (
	"fmt"

	"github.com/manba/manba/pkg/latex"
)

func ExampleDecode() {
	title := `The {MKO} and \emph{Mas{\textquoteright}oud Raj{\=a}v{\=\i}}: {\d{H}}asan's view, 1981--1988`
	s, problems := latex.Decode(title, latex.DecodeOptions{Markup: true})
	fmt.Println(s)
	fmt.Println(len(problems), "problems")

	name, _ := latex.Decode(`Hanif-Nezhad, Mu{\d{h}}ammad`, latex.DecodeOptions{})
	fmt.Println(name)
	// Output:
	// The <span class="nocase">MKO</span> and <i>Mas’oud Rajāvī</i>: Ḥasan's view, 1981–1988
	// 0 problems
	// Hanif-Nezhad, Muḥammad
}

func ExampleDecode_problems() {
	s, problems := latex.Decode(`see \cite{abrahamian1989} and {unclosed`, latex.DecodeOptions{})
	fmt.Println(s)
	for _, p := range problems {
		fmt.Println(p)
	}
	// Output:
	// see \cite{abrahamian1989} and unclosed
	// offset 4: unknown macro \cite kept as written
	// offset 30: unclosed {
}

func ExampleEncode() {
	title := `The Mojahedin-e Khalq (MKO) and <i>Masʿūd Rajāvī</i>, 1981–1988`
	fmt.Println(latex.Encode(title, latex.EncodeOptions{Markup: true, ProtectCapitals: true}))
	fmt.Println(latex.Encode(title, latex.EncodeOptions{Markup: true, ProtectCapitals: true, ASCII: true}))
	fmt.Println(latex.Encode("https://example.org/100%_sure", latex.EncodeOptions{Verbatim: true}))
	// Output:
	// The Mojahedin-e Khalq ({MKO}) and \textit{Masʿūd Rajāvī}, 1981–1988
	// The Mojahedin-e Khalq ({MKO}) and \textit{Mas{\textayn}{\=u}d Raj{\=a}v{\=\i}}, 1981--1988
	// https://example.org/100\%_sure
}

func ExampleDecode_verbatim() {
	url, _ := latex.Decode(`https://example.org/\~mek/a\_b\%20c`, latex.DecodeOptions{Verbatim: true})
	fmt.Println(url)
	// Output:
	// https://example.org/~mek/a_b%20c
}

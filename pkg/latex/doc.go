// Package latex converts between TeX text, as found in BibTeX field
// values, and Unicode with CSL-JSON rich-text markup.
//
// Decode handles accents in all their spellings (\'e, \'{e}, {\'e}, {\' e},
// \'\i, \d{h} for the dot below of Persian and Arabic romanization), letter
// and symbol macros (\ss, \o, \textquoteright, \textayn, \texthamza ...),
// TeX specials and ligatures (~ is a no-break space, -- and --- are en and
// em dashes, doubled backquotes and apostrophes curly quotes), simple math
// ($x^2$, $\alpha$, \(\theta\)), simple mhchem formulas (\ch{H2O}),
// formatting macros and BibTeX case protection. Its output is valid UTF-8
// in NFC. All macro knowledge is in tables (tables.go, math.go), not code.
//
// Choices worth knowing:
//   - A single ' stays an apostrophe: BibTeX users type it for ʼ and ’ alike.
//   - \\ (a line break) becomes a space: titles and names have no lines.
//   - \- (a hyphenation hint), \/, \@, \kern and \hspace lengths produce
//     nothing.
//   - Literal <, > and & are kept as they are, also with Markup: CSL-JSON
//     rich text gives meaning only to its own tags (as in citeproc-js), and
//     Encode writes any other < back as text.
//   - Only a brace group that does not start with a macro protects case,
//     as in BibTeX ({DNA} does, {\'e} does not); {\relax Foo} does. Braces
//     inside a protected group, or in text decoded without Markup, only
//     group and vanish. Arguments of formatting macros are not protected,
//     but braces inside them are: \emph{{DNA} x}.
//   - Math that has no plain-text form, unknown macros (with the brace
//     and bracket arguments that follow them) and unbalanced $ are kept
//     exactly as written and reported as a Problem. Decode never drops
//     text and never fails: unbalanced braces are reported and repaired,
//     invalid UTF-8 is replaced by U+FFFD and reported.
//   - Verbatim fields (url, doi, file) only lose their braces and the
//     backslash of \% \_ \# \& \$ \~ \{ \} \\ (JabRef writes \\ for a
//     backslash in file paths).
//
// Encode is the inverse: Decode(Encode(x, o), o') == x for every x Decode
// can produce (o' with the same Markup and Verbatim), which the tests
// check over every field value of the shared corpus and by fuzzing. To get
// there it breaks ligatures the text would form (a-{}-b), writes a nocase
// span starting with a macro as {\relax ...}, and writes tags Decode would
// not produce (unpaired, empty, or a nocase span inside another) as text.
// With ASCII it writes letters with diacritics as accent macros on their
// base letter ({\'e}, {\'\i}, {\d{h}}, {\.{\d{s}}}) and symbols as text or
// math macros; characters with no TeX form (Arabic script, for example)
// are kept as UTF-8.
package latex

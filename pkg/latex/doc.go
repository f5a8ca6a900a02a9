// Package latex converts between TeX text, as found in BibTeX field
// values, and Unicode with CSL-JSON rich-text markup.
//
// Decode handles accents in all their spellings (\'e, \'{e}, {\'e}, {\' e},
// \'\i, \d{h} for the dot below of Persian and Arabic romanization), letter
// and symbol macros (\ss, \o, \textquoteright, \textayn, \texthamza ...),
// TeX specials and ligatures (~ is a no-break space, -- and --- are en and
// em dashes, doubled backquotes and apostrophes curly quotes), simple math ($x^2$, $\alpha$),
// formatting macros and BibTeX case protection. Its output is NFC for
// everything it composes. All macro knowledge is in tables (tables.go,
// math.go), not code.
//
// Choices worth knowing:
//   - A single ' stays an apostrophe: BibTeX users type it for ʼ and ’ alike.
//   - \\ (a line break) becomes a space: titles and names have no lines.
//   - \- (a hyphenation hint), \/ and \@ produce nothing.
//   - Literal <, > and & are kept as they are, also with Markup: CSL-JSON
//     rich text gives meaning only to its own tags (as in citeproc-js), and
//     Encode writes any other < back as text.
//   - Only a brace group that does not start with a macro protects case,
//     as in BibTeX ({DNA} does, {\'e} does not); {\relax Foo} does.
//     Braces inside a protected group, or in text decoded without Markup,
//     only group and vanish.
//   - Unknown macros and math without a plain-text form are kept exactly as
//     written (with their brace arguments) and reported as a Problem.
//     Decode never drops text and never fails: unbalanced braces are
//     reported and repaired.
//
// Encode is the inverse: Decode(Encode(x)) == x for every x Decode can
// produce (with matching Markup and Verbatim options). With ASCII it writes
// letters with diacritics as accent macros on their base letter ({\'e},
// {\'\i}, {\d{h}}); characters with no TeX form (Arabic script, for
// example) are kept as UTF-8.
package latex

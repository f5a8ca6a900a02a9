// Package bibtex reads and writes BibTeX and BibLaTeX.
//
// The scanner and parser are lossless: Parse returns a syntax tree whose
// blocks (entries, @string, @preamble, @comment and the text between them)
// keep their exact source text and byte offsets, so File.WriteTo gives the
// input back byte for byte. Parsing never stops at the first problem: a
// syntax error is recorded with its file:line:col and parsing resumes at
// the next line that starts with "@".
package bibtex

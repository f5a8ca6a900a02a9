// Package tidy rewrites BibTeX/BibLaTeX files in one canonical layout
// without losing anything the file says.
//
// Entries are written with lower-case types and field names, fields in a
// canonical order (FieldOrder, then the others as they came), one field a
// line with a chosen indentation (optionally aligned), values in braces (or
// quotes when asked and possible), month values as the jan..dec macros,
// empty fields and repeated fields removed (BibTeX reads only the first of
// a repeated field, so nothing is lost). Numbers, macros and "#"
// concatenations stay as they are, and so does the text of every value.
//
// Everything else is kept as written: comments and text between entries,
// @string, @preamble and @comment blocks, entries a syntax error cut
// short, and the order of entries unless a sort is asked for (by key,
// author or year; comments before an entry move with it). Decoding a tidied
// file gives the same items as decoding the original, and tidying twice
// gives what tidying once gave: the tests check both on every file of the
// shared corpus.
//
// Options.Omit drops named fields, and Options.MergeDuplicates joins the
// entries that package dedupe finds to be the same work into the richest
// one (the other keys go to its ids field).
package tidy

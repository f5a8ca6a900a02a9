// Package bibtex reads and writes BibTeX and BibLaTeX.
//
// # Syntax tree
//
// Parse is a lossless scanner and parser: the returned File's blocks
// (entries, @string, @preamble, @comment and the text between them) keep
// their exact source text and byte offsets, so File.WriteTo gives the input
// back byte for byte. Values keep their parts (braced, quoted, number,
// macro) as written, nested braces included. Entries may use braces or
// parentheses; keys may be in any script; "@" inside values and "%" comment
// lines between fields are fine. Input that is not valid UTF-8 is read as
// Windows-1252 (Latin-1) with a warning, and written back in it.
//
// Parsing never stops at the first problem: a syntax error is recorded with
// its file:line:col, the fields read so far are kept, and parsing resumes
// at the next line that starts with "@". The problems come back as a sorted
// diag.List.
//
// # Items
//
// Decode and the streaming Decoder turn entries into bib.Items by the
// tables in mapping.go (rendered in MAPPING.md): entry types to CSL types,
// fields to CSL variables. @string macros are expanded (names are
// case-insensitive; jan..dec are predefined; an undefined macro is a
// warning and stands for its name). TeX is converted to Unicode by
// pkg/latex: title-like fields keep emphasis and case protection as CSL
// rich text, names and plain fields do not, and url/doi fields are taken
// verbatim. Names are split by BibTeX's rules ("First von Last", "von
// Last, First", "von Last, Jr, First"; "and" at brace depth 0); a name that
// is one brace group, such as {Human Rights Watch}, becomes a literal name,
// and a trailing "and others" is kept as Extra["@author-and-others"] (for
// any name field, "@" + CSL variable + "-and-others"). Dates come from
// date, or year, month and day, with ranges such as 1989/1991.
//
// Nothing is dropped: a field no CSL variable carries, or a second field
// for a variable already set, is kept in Item.Extra under its lower-case
// name with its TeX value; the entry type is kept in Extra["@type"] when
// the CSL type does not imply it. crossref (also through BibLaTeX ids
// aliases) and xdata inheritance is applied; the Decoder holds only entries
// whose targets it has not seen, and the entries that may be targets, so
// its memory does not grow with the rest of the input. The text of
// @preamble blocks is available from Decoder.Preambles. DecodeDatabase and
// NewDatabaseDecoder read several files as one database, as BibTeX and
// biber do: macros and crossref targets of one file serve the others.
//
// # Writing
//
// Encode and the Encoder write items back as BibTeX or BibLaTeX entries
// with a fixed field order, UTF-8 or TeX-escaped ASCII, capitals in titles
// optionally brace-protected, literal names double-braced, names as "von
// Last, Jr, First", and the fields kept in Extra as they were read. CSL
// types no entry type stands for are written with entrysubtype and read
// back. For every item Decode produces, decoding what Encode writes gives
// an equal item (bib.Item.Equal); the corpus test checks this on 30,000
// real entries. Fields follow biblatex's data model and Better BibTeX
// (langid, editora/editoratype, @online's organization, braced proper
// nouns); a CSL variable no field can hold goes to LeftoverField as a
// "variable: value" line, with a warning, and reads back. What a CSL item
// holds that BibTeX cannot (custom properties, seasons, line breaks) is
// reported by Encoder.Diagnostics.
//
// # Limits
//
// Hostile input cannot make decoding hang or grow without bound. The
// limits are DecodeOptions fields with safe defaults, each reported where
// it bites, as file:line:col with the option's name: MaxEntryBytes (one
// entry's text, 16 MiB: a longer entry is skipped and decoding goes on),
// MaxValueBytes and MaxExpandedBytes (what @string macros expand to in
// one value, 1 MiB, and in the whole input, 64 MiB: the error names the
// macro), MaxDepth (nesting of braces and macro arguments in a value,
// 1000: deeper text is kept as written) and MaxDiagnosticsPerKind (100 of
// each kind are listed, the rest counted). Zero means the default.
//
// # nickng/bibtex
//
// nickng.go converts to and from github.com/nickng/bibtex documents for
// programs that already use that package. It is not used for reading:
// ParseNickng only guards calls into it (a mutex, and a check that its
// fatal undefined-macro path cannot run).
package bibtex

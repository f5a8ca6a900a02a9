// Package ris reads and writes RIS, the tagged format of EndNote, Zotero,
// Reference Manager and most library catalogues and publishers, as a stream
// of bib.Items.
//
// A record runs from "TY  - " to "ER  - "; each line is a two-character tag,
// two spaces, a hyphen, a space and the value, and a line without a tag
// continues the value before it. The Decoder is lenient the way real exports
// need (a byte order mark, CR LF, one space before the hyphen, none after
// "ER  -", header text, a missing ER) and reports each problem with its
// file:line:col. The type and tag tables, in types.go and at build in
// fields.go, follow the 2011 RIS specification as Zotero reads it.
//
// Nothing is dropped when reading: a tag without a CSL variable, a second
// value of a single-valued tag, and an original type that the canonical RIS
// type would not bring back are kept in Item.Extra under "ris:XX" and
// written back by the Encoder, so RIS → items → RIS keeps every value. When
// writing items that came from elsewhere, whatever RIS has no tag or type
// for is reported in the Encoder's Diagnostics.
package ris

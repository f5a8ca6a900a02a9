// Package csljson reads and writes CSL-JSON, the item format of citeproc-js,
// Zotero, pandoc and the CSL processors, as a stream of bib.Items.
//
// The Decoder accepts a JSON array of items, a single item, or JSON Lines
// (one item per line). It finds the extent of each item with a small scanner
// that only tracks brackets and strings, so memory stays bounded by the
// largest item however long the array is, and a malformed item costs that
// item only: it is reported with its file:line:col and the decoder goes on
// with the next one. Problems inside an item that leave the rest readable (a
// date that is not a date, an unknown type, a property the CSL schema does
// not define) are reported as well, and the item is kept. The Decoder's
// limits (MaxItemBytes, 16 MiB; MaxDepth, 1000 levels of objects and
// arrays; MaxDiagnosticsPerKind, 100) have safe defaults, and an item over
// one is reported with its position and the limit's name, and skipped.
//
// The Encoder writes a JSON array, indented or one item per line, with the
// stable key order of bib.Item.AppendJSON. Its output validates against the
// CSL 1.0.2 data schema (csl-data.json): variables that manba models but the
// schema lacks (editor-translator, license, part-number, …) and properties of
// a wrong JSON type are moved into the item's "custom" object, and a type
// outside the CSL list is written as "document" with the original kept in
// custom["original-type"]. The Decoder reverses both moves, so an item
// survives a round trip; Canonical tells what comes back.
//
// Validate checks a document against the same schema the way a strict
// consumer would, with a file:line:col for every violation; a fuzz test
// keeps it in agreement with a JSON Schema validator run on csl-data.json.
package csljson

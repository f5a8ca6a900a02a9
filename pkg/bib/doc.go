// Package bib is manba's data model: a bibliographic Item shaped like a
// CSL-JSON item, with Names, Dates and the variables of CSL 1.0.2.
//
// Every reader (BibTeX/BibLaTeX, CSL-JSON, RIS) decodes into Item and every
// writer encodes from it. Fields that CSL cannot express are kept in
// Item.Extra and Item.Custom so that a round trip through any format loses
// nothing. The package uses the standard library only.
//
// Item marshals to and from CSL-JSON with encoding/json; package csljson adds
// streaming and validation on top.
package bib

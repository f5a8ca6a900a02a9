// Package refparse labels the words of a free-text reference ("Lane,
// Robert K. Essays on Folklore. New York: Norton, 1998.") with the parts
// of a citation: author, title, container-title, date, publisher, pages...
//
// The labeller is an averaged structured perceptron over the whitespace
// tokens of the reference, with first-order label transitions decoded by
// Viterbi. Each token is described by hashed features: the word, its
// prefixes and suffixes, its shape and capitalisation, digits and year
// patterns, the punctuation around it, whether it sits inside quotes or
// brackets, its relative position, small lexicons (months, "ed.", "vol.",
// "pp.", publisher and periodical words) and the same of its neighbours.
//
// The default model is embedded (model.bin, trained on AnyStyle's labelled
// references, BSD-2-clause, see LICENSE-anystyle) and rebuilt reproducibly
// by `go generate`; Train and ReadXML train a model on any file in
// AnyStyle's XML format.
package refparse

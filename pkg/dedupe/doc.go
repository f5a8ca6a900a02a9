// Package dedupe finds duplicate bibliography items within and across
// files, explains each decision, and merges duplicates keeping the richest
// fields and every original key.
//
// Identifiers decide first: a shared DOI or ISBN (ISBN-10 and ISBN-13 are
// compared in their ISBN-13 form, also when an ISBN is only mentioned in a
// note) or the same URL below a site's home page makes a duplicate, and two
// different DOIs rule one out. Otherwise
// two items are duplicates when their titles match once case, punctuation,
// diacritics, transliteration variants and subtitles are ignored, their years
// agree and their authors (or editors) are the same people, compared through
// name match keys so that "Massoud Rajavi" and "Mas'oud Rajavi" agree.
//
// Link is the looser matcher used to attach a reference extracted from free
// text (often without a title, as in "a 2009 Rand report") to one known work:
// it only answers when exactly one candidate fits.
//
// Pairs the user has judged "not a duplicate" are kept in a Distinct set
// (a text file of key pairs) and never reported again.
package dedupe

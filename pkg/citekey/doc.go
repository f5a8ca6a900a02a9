// Package citekey makes citation keys from formulas in Better BibTeX's
// syntax, readable ASCII whatever the script of the names and titles.
//
// A Formula is parsed once (Parse) and applied by a Generator:
//
//	auth.lower + shorttitle(1,1).lower + year      (DefaultFormula)
//	auth(3,2).upper + '-' + year | title.select(1,2)
//
// Functions: auth(n,m) the family name of the m-th creator (its first n
// characters; authN_M is shorthand), authEtAl, authors(n) and authorsN (n
// family names, "EtAl" when there are more), year, shorttitle(n,m) and
// veryshorttitle(n,m) (n significant title words, the first m
// capitalised), title (all significant words capitalised) and journal.
// Creators are the authors, else the editors. Filters: lower, upper,
// nopunct, skipwords, select(start,n), substring(start,n), clean, fold,
// condense(sep), prefix(s), postfix(s). Alternatives are separated by "|";
// the first that gives a non-empty key wins.
//
// Keys are ASCII and safe in BibTeX and pandoc (letters, digits, -_:./+).
// A name in Perso-Arabic script takes the common English spelling of its
// entry in the names authority file (رجوی, مسعود -> Rajavi); other
// Perso-Arabic text takes the letter mapping of translit.Latin, each word
// capitalised (تاریخ -> Tarikh); Latin letters lose their diacritics,
// Greek and Cyrillic are romanized (see ASCII). Nothing is dropped and no
// key holds U+FFFD. year is the Gregorian year: a date the source wrote in
// the Solar or Lunar Hijri calendar (bib.Date.Calendar, converted by
// package calendar) gives the Gregorian year it starts in (1380 SH ->
// 2001).
//
// Assign gives keys to a library: pinned keys (a Better BibTeX "Citation
// Key:" line, or a list) never change, existing keys are kept unless asked,
// and equal keys get the suffixes a, b, ... in input order. For BibTeX,
// ReadBibTeX and BibTeXFile.Rekeyed write the new keys into the source
// through the lossless syntax tree of package bibtex, changing nothing else
// but the crossref, xref and xdata references to renamed entries.
package citekey

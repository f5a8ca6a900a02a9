// Package extract finds the references of a plain-text article and parses
// them into bib.Items.
//
// Extract looks for reference lists under headings such as "References",
// "Sources", "Resources", "Notes", "Bibliography", "Works cited" or
// "Appendix: For further study", with numbered ("1.", "[1]", "1)") or
// unnumbered entries, possibly hard-wrapped; for mentions in the running
// text ("a 2009 Rand report", "a Human Rights Watch report", “Title” by
// Author, a quoted report title with its publisher nearby, a reposted
// article's byline, a linked PDF); and for author-date citations ("(Goulka
// et al. 2009, p. 12)", resolved to the list entry they cite). Each entry
// is parsed by ParseReference: a trained sequence labeller (package
// refparse, an averaged structured perceptron with Viterbi decoding,
// trained on AnyStyle's labelled references) marks every word as author,
// title, container-title, date, volume, pages, publisher, location...;
// the labelled segments become CSL fields (names through package names,
// dates through the date parser). Hand-written rules keep the layouts of
// web articles and notes they were written for (interviews, "(Place:
// Publisher, Year)", a bare web domain, an organisation or a newspaper and
// a date). Each field carries a confidence level ("high", "medium",
// "low") and its source position, stored in the item's custom data the
// way package works stores researched provenance (read it with
// works.FieldConfidence).
//
// "Ibid.", "Id.", "ibid, p.78", "op. cit." and "Author, previous, p. 220"
// resolve to the reference they repeat; the page or chapter cited is kept as
// the reference's locator, not as a field of the work.
//
// ExtractStream reads a document from an io.Reader in parts of about
// DefaultPartSize bytes and gives each part's references as soon as they
// are found, so that memory stays bounded however long the input; a
// document no longer than a part gives what Extract gives. ParseLinesStream
// does the same for one reference per line.
//
// Link attaches references to known works (package works, or a user's
// bibliography) through dedupe.Link, and Bibliography turns the references
// of an article into one item per distinct work, each listing the places
// that cite it.
package extract

// Package works holds the works cited in manba's five seed articles about
// the Mojahedin-e Khalq (MEK/MKO/PMOI), embedded as CSL-JSON data and
// exposed as bib.Items.
//
// The data (works.json) is a copy of the researched metadata in
// shared/works/works.json: every field rests on named sources with a
// confidence level ("high", "medium", "low"), and fields nobody could confirm
// are left out rather than guessed. That provenance travels with each item
// in its CSL-JSON "custom" object (Item.Custom["custom"]: "sources",
// "confidence", "remarks", "seed_citations") and is readable from Go with
// Provenance, Remark and SeedCitations, or for any item carrying the same
// shape (such as an extracted reference) with FieldConfidence and
// FieldSources.
//
// The researchers' notes on each work (discrepancies between sources, facts
// nobody could confirm) are in the annote variable, not note: styles do not
// print annote, and the BibTeX/BibLaTeX writers put it in annote/annotation,
// so a bibliography of the works shows the works and not the research.
package works

// Package csl is a processor for the Citation Style Language, version 1.0.2.
//
// ParseStyle and LoadStyle read a style (LoadStyle also knows the built-in
// ones by name: "apa", "chicago-author-date", "mla", ...); errors are
// diag.Lists with file:line:col. NewProcessor binds a style, a locale and
// the items; then
//
//   - Processor.Citations renders a document's citations in order, with
//     cite positions (first, subsequent, ibid, ibid-with-locator,
//     near-note), citation numbers, disambiguation (add-names,
//     add-givenname with every givenname-disambiguation-rule, year
//     suffixes, the disambiguate condition), cite sorting, grouping and
//     collapsing (citation-number ranges, year, year-suffix, ranged); a
//     Cite may fix its Position instead of having it computed;
//   - Processor.Cite renders one citation on its own;
//   - Processor.Register and RegisterAll put items in the bibliography
//     ahead of any citation (citeproc-js's updateItems): they are numbered
//     first and disambiguated with the cited items, so citations carry the
//     year suffixes and numbers of the bibliography they go with;
//   - Processor.Bibliography and BibliographyString render the
//     bibliography: sorted with the locale's collation (Arabic al-/el- and
//     the ʿayn and hamza marks are ignored), subsequent-author-substitute,
//     second-field-align and display blocks.
//
// Rendering covers macros, conditionals, names (et-al, initials, particles,
// sort order, institutions, substitution), dates (localized, ranges,
// seasons, BC/AD), numbers (ordinals, roman), labels with plural
// detection, page-range formats, text case (title case only for English
// items), quotes with the locale's punctuation-in-quote, rich-text markup
// in values, and punctuation merging at affix and delimiter boundaries.
// Output is plain text, HTML in the form citeproc-js writes and the CSL
// test suite expects, or pandoc Markdown (where italics inside italics
// come out upright, as the HTML flip-flop shows them).
//
// Locales fall back from the style's own locale sections to the locale
// file (all CSL locales are built in, e.g. de-DE, fr-FR, fa-IR; a bare
// language such as "fr" uses its primary dialect) and then to en-US. A parsed
// Style is read-only and may be shared between goroutines; a Processor is
// not safe for concurrent use.
//
// The seven styles and the CSL locales under styles/ and locales/ are
// embedded (locales/PROVENANCE.md says where each file comes from), so LoadStyle("apa") works without any files. They come from
// the CSL project (https://citationstyles.org/) and are licensed under
// CC BY-SA 3.0; their <rights> and author listings are kept unchanged
// (see styles/LICENSING-from-README.md and locales/LICENSING-from-README.md).
//
// Against the official CSL test suite (../shared/csl/test-suite) the
// processor passes the fixtures not listed in testdata/skip.txt; each
// listed fixture carries the reason it fails.
package csl

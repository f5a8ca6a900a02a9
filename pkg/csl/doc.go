// Package csl is a processor for the Citation Style Language, version 1.0.2.
//
// It parses CSL styles and locales (ParseStyle, LoadStyle, ParseLocale),
// and renders citations and bibliographies of bib.Items with a Processor:
// macros, conditionals, names, dates, numbers, labels, page ranges, text
// case, sorting with locale-aware collation, disambiguation, cite
// positions (ibid, subsequent) for note styles, cite grouping and
// collapsing, and punctuation merging at affix boundaries. Output is plain
// text, HTML in the form the CSL test suite expects, or Markdown.
//
// The seven styles and four locales under styles/ and locales/ are
// embedded, so LoadStyle("apa") works without any files. They come from
// the CSL project (https://citationstyles.org/) and are licensed under
// CC BY-SA 3.0; their <rights> and author listings are kept unchanged.
package csl

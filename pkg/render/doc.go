// Package render formats the citations of a Markdown document with a CSL
// style, as pandoc's citeproc does, and appends the bibliography.
//
// Citations use pandoc's syntax: [@key], [@key, p. 48], [see @a; @b,
// chap. 2, and passim], [-@key] (author suppressed), and @key or
// @key [p. 30] in the running text (the author named in the sentence).
// Locators take pandoc's labels (p., pp., chap., sec., vol., para., fig.,
// n., l., col., ...) and a locator without a label is a page. Keys are
// pandoc's: letters, digits and _, with internal punctuation :.#$%&-+?<>~/,
// or anything in @{braces}. Nothing inside code spans, fenced or indented
// code blocks, or after a backslash is a citation, and neither is an e-mail
// address.
//
// A YAML front matter block may name bibliography files, a csl style,
// nocite keys (@* for all) and a reference-section-title, as pandoc's does;
// Parse and FrontMatter expose them so a caller can load what they name.
//
// With a note style each citation becomes a Markdown footnote [^cN] (after
// the punctuation that follows it, as pandoc places it); author-date and
// numeric styles render in the text. Output is Markdown, or HTML through
// goldmark. A key not in the bibliography is reported with its
// file:line:col and left visible as **key?**, as pandoc does.
package render

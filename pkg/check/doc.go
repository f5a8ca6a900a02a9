// Package check finds integrity problems in BibTeX/BibLaTeX libraries, the
// kind a library manager wants a continuous-integration job or a pre-commit
// hook to catch: syntax errors, duplicate keys, missing required fields,
// ISBN/ISSN check digits, malformed DOIs, URLs and page ranges, impossible
// dates, undefined crossref/xdata targets and @string macros, and the same
// person spelled two ways (through pkg/names clustering, so "Rajavi,
// Masoud" and "Rajavi, Massoud" meet).
//
// Each Finding has a position (file:line:col), a check ID from Checks, a
// message, and a one-line hint for the fix. The files given to Library are
// checked together, as BibTeX reads several .bib files as one database.
package check

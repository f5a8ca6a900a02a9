// Package stress holds the hostile-input tests of the readers (issue 12):
// macro bombs, broken syntax before entries, NUL bytes, huge entries and
// items, deep nesting, floods of warnings and reference extraction from a
// stream of reference lists, each run with a time and a memory limit and
// with its diagnostics asserted. The default run uses inputs of tens of MB,
// generated as they are read; with -tags stress the large ones run too (a
// 1 GB number, convert's peak RSS on 3.7, 22 and 130 MB of .bib, extract's
// on 1, 10 and 50 MB of reference lists). It has no code of its own.
package stress

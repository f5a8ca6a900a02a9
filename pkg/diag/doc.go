// Package diag carries source positions and the problems found at them:
// errors and warnings with file:line:col, sorted lists of them, and a
// snippet printer that underlines the place with a caret.
//
// Parsers in manba recover from bad input and return every item they could
// read together with a List of every problem; nothing panics or exits.
package diag

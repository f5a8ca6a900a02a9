package bibtex

import (
	"io"
	"strings"
	"sync"

	"github.com/manba/manba/pkg/diag"
)

// File is the syntax tree of one BibTeX/BibLaTeX file. Its blocks tile the
// source: concatenating their Raw texts gives the input back, so a file can
// be written out byte for byte (see WriteTo).
type File struct {
	Name   string
	Blocks []Block
	// Latin1 reports that the input was not valid UTF-8 and was read as
	// Windows-1252 (a superset of Latin-1); Raw texts hold the UTF-8
	// conversion and WriteTo converts back.
	Latin1 bool

	src       string // the UTF-8 source the offsets refer to
	linesOnce sync.Once
	lines     *diag.Lines
}

// BlockKind says what a block of a file is.
type BlockKind uint8

// The kinds of blocks.
const (
	// TextBlock is text outside entries: blank lines, % comments, prose.
	TextBlock BlockKind = iota
	EntryBlock
	StringBlock   // @string{name = value, ...}
	PreambleBlock // @preamble{value}
	CommentBlock  // @comment{...}
)

func (k BlockKind) String() string {
	switch k {
	case TextBlock:
		return "text"
	case EntryBlock:
		return "entry"
	case StringBlock:
		return "string"
	case PreambleBlock:
		return "preamble"
	case CommentBlock:
		return "comment"
	}
	return "unknown"
}

// Block is one top-level piece of a file.
type Block struct {
	Kind   BlockKind
	Offset int    // byte offset of Raw in the source
	Raw    string // the exact source text of the block
	// Entry is set for EntryBlock, StringBlock (one field per macro) and
	// PreambleBlock (one field with an empty name).
	Entry *Entry
}

// Entry is an @type{key, name = value, ...} entry, or the body of an
// @string or @preamble.
type Entry struct {
	Type      string // as written, e.g. "Article"
	Key       string // as written; empty for @string and @preamble
	KeyOffset int
	Delim     byte // '{' or '('
	Fields    []Field
	// Complete is false when a syntax error cut the entry short; Fields
	// then holds the fields read before the error.
	Complete bool
}

// Field is one "name = value" pair.
type Field struct {
	Name   string // as written, e.g. "Title"
	Offset int    // byte offset of Name
	Value  Value
}

// Value is a field value: one or more parts joined by "#".
type Value []Part

// PartKind says how a part of a value was written.
type PartKind uint8

// The kinds of value parts.
const (
	Braced PartKind = iota // {text}
	Quoted                 // "text"
	Number                 // 1984
	Macro                  // jan, or a name defined by @string
)

// Part is one operand of a value. Text is the content without the outer
// delimiters, nested braces kept as written; for a Macro it is the name.
type Part struct {
	Kind   PartKind
	Text   string
	Offset int // byte offset of the part's first byte (its delimiter)
}

// Field returns the first field whose name equals name ignoring case.
func (e *Entry) Field(name string) (Field, bool) {
	for _, f := range e.Fields {
		if strings.EqualFold(f.Name, name) {
			return f, true
		}
	}
	return Field{}, false
}

// Entries returns the entries of the file (not @string, @preamble or
// @comment), in source order.
func (f *File) Entries() []*Entry {
	var out []*Entry
	for i := range f.Blocks {
		if f.Blocks[i].Kind == EntryBlock {
			out = append(out, f.Blocks[i].Entry)
		}
	}
	return out
}

// Pos returns the position of a byte offset of the source.
func (f *File) Pos(offset int) diag.Pos {
	f.linesOnce.Do(func() { f.lines = diag.NewLines(f.Name, []byte(f.src)) })
	return f.lines.Pos(offset)
}

// WriteTo writes the file back exactly as it was read: the concatenation of
// the blocks' Raw texts, converted back to Windows-1252 if the input was.
func (f *File) WriteTo(w io.Writer) (int64, error) {
	var n int64
	var buf []byte
	for i := range f.Blocks {
		raw := f.Blocks[i].Raw
		var m int
		var err error
		if f.Latin1 {
			buf = toCP1252(buf[:0], raw)
			m, err = w.Write(buf)
		} else {
			m, err = io.WriteString(w, raw)
		}
		n += int64(m)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

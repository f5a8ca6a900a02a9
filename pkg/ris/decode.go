package ris

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

// Decoder reads RIS records from a stream, one bib.Item per record.
type Decoder struct {
	r     *bufio.Reader
	file  string
	line  int // number of the last line read
	off   int // offset of the next line
	diags diag.List
	err   error // sticky read error

	held     *tagLine        // a TY line that ended an unclosed record
	n        int             // records read
	used     map[string]bool // ids seen, to keep generated ones unique
	suffixes map[string]int  // next suffix to try for a generated id
	warned8  bool            // invalid UTF-8 reported
	itemPos  diag.Pos        // where the record last returned starts
}

// tagLine is one "XX  - value" line.
type tagLine struct {
	tag   string
	value string
	pos   diag.Pos
}

// NewDecoder returns a decoder reading from r; filename names r in
// diagnostics.
func NewDecoder(r io.Reader, filename string) *Decoder {
	return &Decoder{r: bufio.NewReaderSize(r, 64<<10), file: filename, used: map[string]bool{}, suffixes: map[string]int{}}
}

// ItemPos returns where the record of the item Next returned last starts,
// for diagnostics about the item found later (what an output format
// cannot hold).
func (d *Decoder) ItemPos() diag.Pos { return d.itemPos }

// Diagnostics returns the problems found so far, sorted by position.
func (d *Decoder) Diagnostics() diag.List {
	return d.diags.Sorted()
}

// Decode reads every record of src.
func Decode(filename string, src []byte) ([]bib.Item, diag.List) {
	d := NewDecoder(bytes.NewReader(src), filename)
	var items []bib.Item
	for {
		it, err := d.Next()
		if err != nil {
			break // src is in memory: the only error is io.EOF
		}
		items = append(items, it)
	}
	return items, d.Diagnostics()
}

// Next returns the next record as an item, or io.EOF after the last one.
// Problems in the input go to Diagnostics; the error is only for input that
// cannot be read.
func (d *Decoder) Next() (bib.Item, error) {
	var rec []tagLine
	blanks := 0         // blank lines inside a value, kept if more text follows
	stray := diag.Pos{} // start of text outside records, reported once per run
	for {
		var tl tagLine
		var text string
		var isTag bool
		if d.held != nil {
			tl, isTag, d.held = *d.held, true, nil
		} else {
			raw, pos, ok := d.readLine()
			if !ok {
				break
			}
			text = raw
			tl, isTag = parseTagLine(raw, pos)
			if !isTag {
				tl.pos = pos
			}
		}
		switch {
		case isTag && rec == nil:
			if stray.Line > 0 {
				d.diags.Warnf(stray, "text outside a record (before TY or after ER) ignored")
				stray = diag.Pos{}
			}
			if tl.tag == "ER" {
				d.diags.Warnf(tl.pos, "ER without a record")
				continue
			}
			if tl.tag != "TY" {
				d.diags.Warnf(tl.pos, "record does not start with TY; read as GEN")
				rec = append(rec, tagLine{tag: "TY", value: "GEN", pos: tl.pos})
			}
			rec = append(rec, tl)
		case rec == nil:
			if strings.TrimSpace(text) != "" && stray.Line == 0 {
				stray = tl.pos
			}
		case isTag && tl.tag == "ER":
			return d.build(rec), nil
		case isTag && tl.tag == "TY":
			d.diags.Warnf(tl.pos, "TY inside a record: the record before it has no ER")
			d.held = &tl
			return d.build(rec), nil
		case isTag:
			blanks = 0
			rec = append(rec, tl)
		case strings.TrimSpace(text) == "":
			blanks++
		case len(rec) == 1:
			d.diags.Warnf(tl.pos, "text without a tag after TY ignored")
		default:
			// A line without a tag continues the value before it
			// (abstracts and notes span lines).
			// Indentation is not kept: it is layout, and it would not
			// survive a value written back as several tag lines.
			last := &rec[len(rec)-1]
			switch {
			case last.value == "":
				last.value = strings.TrimSpace(text)
			case oneLine[last.tag]:
				last.value += " " + strings.TrimSpace(text)
			default:
				last.value += strings.Repeat("\n", blanks+1) + strings.TrimSpace(text)
			}
			blanks = 0
		}
	}
	if stray.Line > 0 {
		d.diags.Warnf(stray, "text outside a record (before TY or after ER) ignored")
	}
	if rec != nil {
		d.diags.Warnf(rec[0].pos, "record not closed with ER at the end of the input")
		return d.build(rec), nil
	}
	if d.err != nil {
		return bib.Item{}, d.err
	}
	return bib.Item{}, io.EOF
}

// oneLine tags hold a date, a page or one name; a line break there is only
// a wrapped line, so continuation lines join with a space, as Zotero joins
// them (it keeps line breaks only in notes, abstracts and keywords). A name
// tag holds one name: a line break inside it would make a name that no
// RIS writer can put on its one line.
var oneLine = map[string]bool{
	"PY": true, "Y1": true, "DA": true, "Y2": true, "SP": true, "EP": true,
	"AU": true, "A1": true, "A2": true, "A3": true, "A4": true, "ED": true,
}

// readLine returns the next line without its line ending, and its position.
func (d *Decoder) readLine() (string, diag.Pos, bool) {
	if d.err != nil {
		return "", diag.Pos{}, false
	}
	var buf []byte
	for first := true; ; first = false {
		chunk, err := d.r.ReadSlice('\n')
		if first && !errors.Is(err, bufio.ErrBufferFull) {
			buf = chunk // valid until the next read; copied by string() below
		} else {
			buf = append(buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue // a line longer than the buffer
		}
		if err != nil && err != io.EOF {
			d.err = fmt.Errorf("%s: %w", d.file, err)
		}
		break
	}
	if len(buf) == 0 {
		return "", diag.Pos{}, false
	}
	d.line++
	pos := diag.Pos{File: d.file, Offset: d.off, Line: d.line, Col: 1}
	d.off += len(buf)
	buf = bytes.TrimRight(buf, "\r\n")
	if d.line == 1 {
		if b, ok := bytes.CutPrefix(buf, []byte("\xef\xbb\xbf")); ok {
			buf = b
			pos.Offset += 3
		}
	}
	if !d.warned8 && !utf8.Valid(buf) {
		d.warned8 = true
		d.diags.Warnf(pos, "invalid UTF-8 (is the file in another encoding?); bad bytes kept as they are")
	}
	return string(buf), pos, true
}

// parseTagLine splits "XX  - value". It accepts one or more spaces before
// the hyphen and no space after it ("ER  -"), as exporters write.
func parseTagLine(s string, pos diag.Pos) (tagLine, bool) {
	if len(s) < 4 || !isUpper(s[0]) || !(isUpper(s[1]) || isDigit(s[1])) || s[2] != ' ' {
		return tagLine{}, false
	}
	i := 3
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) || s[i] != '-' {
		return tagLine{}, false
	}
	i++
	if i < len(s) && s[i] != ' ' {
		return tagLine{}, false
	}
	value := strings.TrimSpace(s[i:])
	return tagLine{tag: s[:2], value: value, pos: pos}, true
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

package diag

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in an input. Line and Col are 1-based, Col counts bytes;
// a zero Line means the position is unknown.
type Pos struct {
	File   string
	Offset int
	Line   int
	Col    int
}

// String returns "file:line:col", omitting unknown parts.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%d:%d", p.Line, p.Col)
	}
	if b.Len() == 0 {
		return "-"
	}
	return b.String()
}

// Severity says whether a problem lost data (Error) or only deserves a look
// (Warning).
type Severity int

// The severities.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem at one position.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
	// Omitted is, for the "N more like this" summary of a Capped list, the
	// N problems it stands for; zero otherwise.
	Omitted int
}

// Error formats the problem as "file:line:col: severity: message".
func (d Diagnostic) Error() string {
	return d.Pos.String() + ": " + d.Severity.String() + ": " + d.Msg
}

// List is a list of problems; it implements error.
type List []Diagnostic

// Add appends a problem.
func (l *List) Add(pos Pos, sev Severity, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: sev, Msg: fmt.Sprintf(format, args...)})
}

// Errorf appends an error.
func (l *List) Errorf(pos Pos, format string, args ...any) { l.Add(pos, Error, format, args...) }

// Warnf appends a warning.
func (l *List) Warnf(pos Pos, format string, args ...any) { l.Add(pos, Warning, format, args...) }

// Sort orders the list by file, offset, line, column, then message; the sort
// is stable so equal positions keep their order of discovery.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Offset < b.Offset
	})
}

// Sorted returns a sorted copy of the list, leaving the list as it is.
func (l List) Sorted() List {
	out := append(List(nil), l...)
	out.Sort()
	return out
}

// Count returns the number of problems found: one for each diagnostic,
// and for a summary of a Capped list the problems it stands for.
func (l List) Count() int {
	n := 0
	for _, d := range l {
		n += max(d.Omitted, 1)
	}
	return n
}

// HasErrors reports whether any problem is an Error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the errors.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns only the warnings.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Err returns the list as an error if it holds any Error, else nil.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// Error joins the problems, one per line.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// Lines maps byte offsets of one input to line and column numbers.
type Lines struct {
	file   string
	starts []int // offsets where each line starts
}

// NewLines indexes src, the content of file.
func NewLines(file string, src []byte) *Lines {
	l := &Lines{file: file, starts: []int{0}}
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		l.starts = append(l.starts, i)
	}
	return l
}

// Pos returns the position of a byte offset.
func (l *Lines) Pos(offset int) Pos {
	line := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset })
	if line == 0 {
		line = 1
	}
	return Pos{File: l.file, Offset: offset, Line: line, Col: offset - l.starts[line-1] + 1}
}

// Snippet returns the source line of d and a caret under its column, for
// human-readable reports:
//
//	refs.bib:3:9: error: unexpected "}"
//	  title = },
//	          ^
func Snippet(src []byte, d Diagnostic) string {
	var b strings.Builder
	b.WriteString(d.Error())
	if d.Pos.Line <= 0 {
		return b.String()
	}
	start := 0
	for line := 1; line < d.Pos.Line; line++ {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return b.String()
		}
		start += i + 1
	}
	end := bytes.IndexByte(src[start:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += start
	}
	text := strings.TrimRight(string(src[start:end]), "\r")
	b.WriteString("\n  ")
	b.WriteString(text)
	b.WriteString("\n  ")
	col := d.Pos.Col - 1
	if col > len(text) {
		col = len(text)
	}
	for _, r := range text[:col] {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	return b.String()
}

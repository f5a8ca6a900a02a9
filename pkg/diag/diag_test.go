package diag

import (
	"strings"
	"testing"
)

func TestLinesPos(t *testing.T) {
	src := []byte("@book{a,\n  title = {x},\n}\n")
	l := NewLines("refs.bib", src)
	tests := []struct {
		off  int
		want string
	}{
		{0, "refs.bib:1:1"},
		{8, "refs.bib:1:9"},
		{9, "refs.bib:2:1"},
		{11, "refs.bib:2:3"},
		{len(src) - 1, "refs.bib:3:2"},
		{len(src), "refs.bib:4:1"},
	}
	for _, tt := range tests {
		if got := l.Pos(tt.off).String(); got != tt.want {
			t.Errorf("Pos(%d) = %s, want %s", tt.off, got, tt.want)
		}
	}
}

func TestListSortAndErr(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "b.bib", Line: 1, Col: 1}, "undefined macro %q", "jan2")
	l.Errorf(Pos{File: "a.bib", Line: 9, Col: 2}, "unexpected %q", "}")
	l.Errorf(Pos{File: "a.bib", Line: 3, Col: 7}, "missing key")
	l.Sort()
	want := []string{
		"a.bib:3:7: error: missing key",
		"a.bib:9:2: error: unexpected \"}\"",
		"b.bib:1:1: warning: undefined macro \"jan2\"",
	}
	if got := strings.Split(l.Error(), "\n"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sorted list:\n%s\nwant:\n%s", l.Error(), strings.Join(want, "\n"))
	}
	if l.Err() == nil || len(l.Errors()) != 2 || len(l.Warnings()) != 1 {
		t.Errorf("Err/Errors/Warnings disagree: %v %d %d", l.Err(), len(l.Errors()), len(l.Warnings()))
	}
	if (List{{Severity: Warning}}).Err() != nil {
		t.Error("a list of warnings only must not be an error")
	}
}

func TestPosString(t *testing.T) {
	tests := []struct {
		p    Pos
		want string
	}{
		{Pos{}, "-"},
		{Pos{File: "x.json"}, "x.json"},
		{Pos{Line: 2, Col: 5}, "2:5"},
		{Pos{File: "x.json", Line: 2, Col: 5}, "x.json:2:5"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	src := []byte("@book{a,\n\ttitle = },\n}\n")
	d := Diagnostic{Pos: Pos{File: "r.bib", Line: 2, Col: 10}, Msg: `unexpected "}"`}
	want := "r.bib:2:10: error: unexpected \"}\"\n  \ttitle = },\n  \t        ^"
	if got := Snippet(src, d); got != want {
		t.Errorf("Snippet:\n%q\nwant\n%q", got, want)
	}
	// A position past the end prints the message alone.
	d.Pos.Line = 40
	if got := Snippet(src, d); got != d.Error() {
		t.Errorf("Snippet past end = %q", got)
	}
}

func TestSortedLeavesListAlone(t *testing.T) {
	l := List{{Pos: Pos{Line: 2}}, {Pos: Pos{Line: 1}}}
	s := l.Sorted()
	if s[0].Pos.Line != 1 || s[1].Pos.Line != 2 {
		t.Errorf("Sorted = %v", s)
	}
	if l[0].Pos.Line != 2 {
		t.Errorf("Sorted changed its receiver: %v", l)
	}
}

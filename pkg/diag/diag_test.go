package diag

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		assert.Equal(t, tt.want, l.Pos(tt.off).String(), "Pos(%d)", tt.off)
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
	assert.Equal(t, want, strings.Split(l.Error(), "\n"), "sorted list")
	require.Error(t, l.Err())
	assert.Len(t, l.Errors(), 2)
	assert.Len(t, l.Warnings(), 1)
	assert.NoError(t, (List{{Severity: Warning}}).Err(), "a list of warnings only must not be an error")
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
		assert.Equal(t, tt.want, tt.p.String(), "%#v.String()", tt.p)
	}
}

func TestSnippet(t *testing.T) {
	src := []byte("@book{a,\n\ttitle = },\n}\n")
	d := Diagnostic{Pos: Pos{File: "r.bib", Line: 2, Col: 10}, Msg: `unexpected "}"`}
	want := "r.bib:2:10: error: unexpected \"}\"\n  \ttitle = },\n  \t        ^"
	got := Snippet(src, d)
	assert.Equal(t, want, got, "Snippet:\n%q\nwant\n%q", got, want)
	// A position past the end prints the message alone.
	d.Pos.Line = 40
	assert.Equal(t, d.Error(), Snippet(src, d), "Snippet past end")
}

func TestSortedLeavesListAlone(t *testing.T) {
	l := List{{Pos: Pos{Line: 2}}, {Pos: Pos{Line: 1}}}
	s := l.Sorted()
	assert.Equal(t, 1, s[0].Pos.Line, "Sorted")
	assert.Equal(t, 2, s[1].Pos.Line, "Sorted")
	assert.Equal(t, 2, l[0].Pos.Line, "Sorted changed its receiver: %v", l)
}

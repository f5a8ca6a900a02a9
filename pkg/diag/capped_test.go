package diag

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCappedKeepsTheFirstOfEachKindAndCountsTheRest(t *testing.T) {
	c := Capped{Max: 2}
	for i := 1; i <= 5; i++ {
		c.Warnf(Pos{File: "a.bib", Line: i, Col: 1}, "undefined macro %q (kept as text)", "jan2")
	}
	c.Errorf(Pos{File: "a.bib", Line: 9, Col: 1}, "missing key")
	assert.Len(t, c.Kept(), 3)
	assert.Equal(t, []string{
		`a.bib:1:1: warning: undefined macro "jan2" (kept as text)`,
		`a.bib:2:1: warning: undefined macro "jan2" (kept as text)`,
		`a.bib:3:1: warning: 3 more like this (undefined macro …), not listed (MaxDiagnosticsPerKind)`,
		`a.bib:9:1: error: missing key`,
	}, lines(c.List()))
}

func lines(l List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.Error())
	}
	return out
}

func TestCappedSummariesCountAndComeInOneOrder(t *testing.T) {
	// Without positions (an encoder's warnings), the summaries are ordered
	// by kind, and Count includes what they stand for.
	c := Capped{Max: 1}
	for i := range 3 {
		c.Warnf(Pos{}, "item %q: no tag for %s", fmt.Sprint(i), "x")
		c.Warnf(Pos{}, "item %q: type %s written as GEN", fmt.Sprint(i), "y")
	}
	l := c.List()
	assert.Equal(t, []string{
		`-: warning: item "0": no tag for x`,
		`-: warning: item "0": type y written as GEN`,
		`-: warning: 2 more like this (item …: no tag for …), not listed (MaxDiagnosticsPerKind)`,
		`-: warning: 2 more like this (item …: type … written as GEN), not listed (MaxDiagnosticsPerKind)`,
	}, lines(l))
	assert.Equal(t, 6, l.Count())
}

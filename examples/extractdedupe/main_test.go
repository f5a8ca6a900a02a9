package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/output.txt")

func TestRun(t *testing.T) {
	src, err := os.ReadFile("testdata/article.txt")
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, run(&b, "article.txt", src))
	golden := filepath.Join("testdata", "output.txt")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update")
	assert.Equal(t, string(want), b.String(), "output differs from %s", golden)
	// The points of the example, independently of the layout: ibid and a
	// transliterated spelling join the first note, the inline mention joins
	// the RAND report, and the unknown book stays new.
	for _, line := range []string{
		"abrahamian1989mojahedin  book              cited as 1,2,4     known work abrahamian1989mojahedin",
		"rand2009mek              book              cited as 5,inline  known work rand2009mek",
		"mohammadi2014notes       book              cited as 7         new",
	} {
		assert.Contains(t, b.String(), line, "output")
	}
}

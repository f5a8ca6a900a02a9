package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const untidy = "% refs\n@Book{b, Year = 1989, TITLE = \"B\", note = {}}\n@book{a, title = {A}, abstract = {long}}\n"

func TestTidyInPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "refs.bib")
	require.NoError(t, os.WriteFile(path, []byte(untidy), 0o640))
	_, errOut, code := runCLI(t, "", "tidy", "-i", "--sort", "key", "--omit", "abstract", "--indent", "tab", path)
	require.Equal(t, 0, code, errOut)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	// The comment before b moves with it.
	assert.Equal(t, "@book{a,\n\ttitle = {A}\n}\n% refs\n@book{b,\n\ttitle = {B},\n\tyear = 1989\n}\n", string(got))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), fi.Mode().Perm())
}

func TestTidyStdinIsIdempotent(t *testing.T) {
	once, errOut, code := runCLI(t, untidy, "tidy", "--align")
	require.Equal(t, 0, code, errOut)
	twice, _, _ := runCLI(t, once, "tidy", "--align")
	assert.Equal(t, once, twice)
}

func TestTidyUsageAndErrors(t *testing.T) {
	for _, args := range [][]string{
		{"tidy", "-i"},
		{"tidy", "-i", "-"},
		{"tidy", "--sort", "color"},
		{"tidy", "--indent", "0"},
	} {
		_, _, code := runCLI(t, "", args...)
		assert.Equal(t, 2, code, args)
	}
	out, errOut, code := runCLI(t, "@book{a, title = {A}\n@book{b, title={B}}\n", "tidy")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "<stdin>:")
	assert.Contains(t, out, "@book{b,\n  title = {B}\n}")
}

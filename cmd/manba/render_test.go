package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRenderFrontMatterBibliography(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "refs.bib"), []byte(oneBib), 0o644))
	doc := filepath.Join(dir, "paper.md")
	require.NoError(t, os.WriteFile(doc, []byte("---\nbibliography: refs.bib\ncsl: chicago-notes-bibliography\n---\nAs argued [@one, p. 4].\n"), 0o644))
	out, errOut, code := runCLI(t, "", "render", doc)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "As argued.[^c1]\n")
	assert.Contains(t, out, "[^c1]: Masoud Rajavi, *A Book* (P, 2001), 4.\n")

	html := filepath.Join(dir, "paper.html")
	_, errOut, code = runCLI(t, "", "render", doc, "--style", "apa", "-o", html)
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(html)
	require.NoError(t, err)
	assert.Contains(t, string(b), "<p>As argued (Rajavi, 2001, p. 4).</p>")
}

func TestRenderUnknownKeyAndBuiltInWorks(t *testing.T) {
	out, errOut, code := runCLI(t, "Known @rand2009mek and not [@nosuch].\n", "render", "--style", "apa")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "Known Goulka et al. (2009) and not (**nosuch?**).")
	assert.Contains(t, errOut, `<stdin>:1:29: error: citation key "nosuch" not found in the bibliography`)
}

func TestRenderUsage(t *testing.T) {
	for _, args := range [][]string{{"render", "--to", "docx"}, {"render", "--style", "nosuch-style"}, {"render", "a.md", "b.md"}} {
		_, _, code := runCLI(t, "x", args...)
		assert.Equal(t, 2, code, args)
	}
}

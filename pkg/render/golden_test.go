package render

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/csljson"
	"github.com/manba/manba/pkg/works"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenStyles are the styles the golden document is rendered in: an
// author-date one, a note one and a numeric one.
var goldenStyles = []string{"apa", "chicago-notes-bibliography", "ieee"}

func renderGolden(t *testing.T, style string, f Format) []byte {
	t.Helper()
	src, err := os.ReadFile("testdata/doc.md")
	require.NoError(t, err)
	st, err := csl.LoadStyle(style)
	require.NoError(t, err)
	out, diags := Document("doc.md", src, Options{Style: st, Items: works.Items(), Format: f})
	require.Len(t, diags, 1)
	assert.Equal(t, `doc.md:15:54: error: citation key "nosuch2020" not found in the bibliography`, diags[0].Error())
	return out
}

// TestGolden renders testdata/doc.md, which cites the built-in works, in
// each golden style as Markdown and HTML.
func TestGolden(t *testing.T) {
	for _, style := range goldenStyles {
		for ext, f := range map[string]Format{".md": Markdown, ".html": HTML} {
			t.Run(style+ext, func(t *testing.T) {
				got := renderGolden(t, style, f)
				path := filepath.Join("testdata", "doc."+style+ext)
				if *update {
					require.NoError(t, os.WriteFile(path, got, 0o644))
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err)
				assert.Equal(t, string(want), string(got))
			})
		}
	}
}

// TestAgainstPandoc renders the golden document with pandoc --citeproc and
// compares both as plain text (our Markdown also goes through pandoc, so
// that only the citations can differ; no-break spaces count as spaces). Every differing line must be listed,
// with its reason, in testdata/pandoc-differences.txt.
func TestAgainstPandoc(t *testing.T) {
	pandoc := testenv.Tool(t, "pandoc")
	dir := t.TempDir()
	var js bytes.Buffer
	_, err := csljson.Encode(&js, works.Items(), csljson.EncodeOptions{})
	require.NoError(t, err)
	bibFile := filepath.Join(dir, "works.json")
	require.NoError(t, os.WriteFile(bibFile, js.Bytes(), 0o644))
	var got []string
	for _, style := range goldenStyles {
		ours := filepath.Join(dir, style+".md")
		require.NoError(t, os.WriteFile(ours, renderGolden(t, style, Markdown), 0o644))
		cslFile, err := filepath.Abs(filepath.Join("..", "csl", "styles", style+".csl"))
		require.NoError(t, err)
		theirs := run(t, pandoc, "--citeproc", "--csl", cslFile, "--bibliography", bibFile, "-t", "plain", "--wrap=none", "testdata/doc.md")
		mine := run(t, pandoc, "-f", "markdown", "-t", "plain", "--wrap=none", ours)
		// Pandoc's Markdown reader turns the space after "p." or "al." into
		// a no-break space; its citeproc output does not go through it.
		nbsp := strings.NewReplacer("\u00a0", " ")
		a, b := strings.Split(nbsp.Replace(mine), "\n"), strings.Split(nbsp.Replace(theirs), "\n")
		require.Equal(t, len(b), len(a), "%s: line counts differ:\n%s\n---\n%s", style, mine, theirs)
		for i := range a {
			if a[i] != b[i] {
				got = append(got, style+" manba:  "+a[i], style+" pandoc: "+b[i])
			}
		}
	}
	listed, err := os.ReadFile("testdata/pandoc-differences.txt")
	require.NoError(t, err)
	var want []string
	for _, l := range strings.Split(string(listed), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			want = append(want, l)
		}
	}
	assert.Equal(t, want, got)
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	require.NoError(t, cmd.Run(), "%s %v", name, args)
	return out.String()
}

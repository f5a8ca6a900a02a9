package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/csljson"
	"github.com/manba/manba/pkg/ris"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// checkGolden compares got with testdata/NAME, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update")
	assert.Equal(t, string(want), string(got), "mismatch with %s", path)
}

const convertDir = "testdata/convert/"

// TestConvertGolden runs conversions both ways and compares exit code,
// standard error and standard output with golden files.
func TestConvertGolden(t *testing.T) {
	needFormat(t, "csljson")
	needFormat(t, "ris")
	needFormat(t, "bibtex")
	needFormat(t, "biblatex")
	tests := []struct {
		golden string
		stdin  string
		args   []string
		code   int
	}{
		{"json-to-ris.golden", "", []string{"--to", "ris", convertDir + "cited.json"}, 0},
		{"ris-to-json.golden", "", []string{"--to", "csljson", convertDir + "cited.ris"}, 0},
		{"messy-json-to-ris.golden", "", []string{"--to", "ris", convertDir + "messy.json"}, 1},
		{"sniffed-ris-from-stdin.golden", readFile(t, convertDir+"header.txt"), []string{"--to", "csljson"}, 0},
		{"forced-from.golden", "", []string{"--from", "ris", "--to", "csljson", convertDir + "header.txt"}, 0},
		{"two-inputs.golden", "", []string{"--to", "ris", convertDir + "cited.ris", convertDir + "cited.json"}, 0},
		{"bib-to-json.golden", "", []string{"--to", "csljson", "../../testdata/messy.bib"}, 0},
		{"bib-to-ris.golden", "", []string{"--to", "ris", "../../testdata/messy.bib"}, 0},
		{"json-to-bibtex-ascii.golden", "", []string{"--to", "bibtex", "--ascii", convertDir + "cited.json"}, 0},
		{"ris-to-biblatex.golden", "", []string{"--to", "biblatex", convertDir + "cited.ris"}, 0},
		{"sniffed-bib-from-stdin.golden", "% exported\n@book{x, title={T}, year=2001}\n", []string{"--to", "csljson"}, 0},
		{"bib-to-bib-preambles.golden", "@preamble{\"\\newcommand{\\noop}[1]{}\"}\n@book{a, title={X}, year=2000}\n@preamble{\"\\def\\x{y}\"}\n@book{b, title={Y}, year=2001}\n@preamble{\"\\relax\"}\n", []string{"--to", "biblatex"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tt.stdin, append([]string{"convert"}, tt.args...)...)
			assert.Equal(t, tt.code, code, stderr)
			checkGolden(t, "convert/"+tt.golden, fmt.Appendf(nil, "# exit %d\n# stderr\n%s# stdout\n%s", code, stderr, stdout))
		})
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// TestConvertRoundTrip converts CSL-JSON to RIS and back through the CLI:
// what RIS holds must survive, and the final CSL-JSON must be valid input.
func TestConvertRoundTrip(t *testing.T) {
	needFormat(t, "csljson")
	needFormat(t, "ris")
	risOut, stderr, code := runCLI(t, "", "convert", "--to", "ris", convertDir+"cited.json")
	require.Equal(t, 0, code, "to RIS: %s", stderr)
	jsonOut, stderr, code := runCLI(t, risOut, "convert", "--to", "csljson", "-")
	require.Equal(t, 0, code, "back to CSL-JSON: %s", stderr)
	require.Empty(t, stderr)
	orig, _ := csljson.Decode("cited.json", []byte(readFile(t, convertDir+"cited.json")))
	back, diags := csljson.Decode("back.json", []byte(jsonOut))
	require.Empty(t, diags)
	require.Len(t, back, len(orig))
	for i := range orig {
		a, b := orig[i], back[i]
		assert.Equal(t, a.ID, b.ID, "item %d", i)
		assert.Equal(t, a.Type, b.Type, a.ID)
		assert.Equal(t, a.Get("title"), b.Get("title"), a.ID)
		assert.Equal(t, a.Dates["issued"], b.Dates["issued"], a.ID)
		assert.Len(t, b.Names["author"], len(a.Names["author"]), a.ID)
	}
}

func TestConvertUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"missing --to", []string{"convert", convertDir + "cited.json"}, 2, "missing --to"},
		{"unknown --to", []string{"convert", "--to", "docx", convertDir + "cited.json"}, 2, `unknown format "docx"`},
		{"unknown --from", []string{"convert", "--from", "marc", "--to", "ris"}, 2, `unknown format "marc"`},
		{"bad flag", []string{"convert", "--too", "ris"}, 2, "unknown flag"},
		{"help", []string{"convert", "--help"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", tt.args...)
			assert.Equal(t, tt.code, code, stderr)
			assert.Contains(t, stderr, tt.msg)
			if tt.name == "help" {
				assert.Contains(t, stdout, "manba convert --to csljson refs.bib", "help has examples")
				assert.Contains(t, stdout, "file:line:col", "help explains diagnostics")
			}
		})
	}
}

// TestConvertBadInputs checks that an input that cannot be read is
// reported and the others are still converted, with exit status 1.
func TestConvertBadInputs(t *testing.T) {
	needFormat(t, "ris")
	stdout, stderr, code := runCLI(t, "", "convert", "--to", "ris", "testdata/convert/nosuchfile.json", convertDir+"cited.ris")
	assert.Equal(t, 1, code, "missing file")
	assert.Contains(t, stderr, "nosuchfile.json")
	assert.Equal(t, 4, strings.Count(stdout, "ER  - "), "the other input is converted")
	stdout, stderr, code = runCLI(t, "%% not a bibliography\n", "convert", "--to", "ris")
	assert.Equal(t, 1, code, "unknown format")
	assert.Contains(t, stderr, "<stdin>: cannot tell the format; use --from")
	assert.Empty(t, stdout)
}

func TestConvertOutputFile(t *testing.T) {
	needFormat(t, "csljson")
	needFormat(t, "ris")
	dir := t.TempDir()

	// Input errors: exit 1, but everything readable is written.
	path := filepath.Join(dir, "out.ris")
	_, stderr, code := runCLI(t, "", "convert", "--to", "ris", "-o", path, convertDir+"messy.json")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, 1, code, stderr)
	assert.Equal(t, 5, strings.Count(string(got), "ER  - "))
	assert.Contains(t, stderr, convertDir+`messy.json:10:3: warning: item "rajavi-online": type "online" has no RIS type`,
		"a writer warning names the item's position in its input")

	// A read failure half-way: the old file stays, no temporary is left.
	path = filepath.Join(dir, "out.json")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o644))
	_, stderr, code = runCLI(t, "", "convert", "--from", "ris", "--to", "csljson", "-o", path, convertDir+"cited.ris", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "is a directory")
	got, _ = os.ReadFile(path)
	assert.Equal(t, "old", string(got), "failed conversion changed the output")
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 2, "temporary files left behind")
}

// TestConvertStreams checks that convert does not hold the whole input: a
// writer sees the first item before the reader has reached the last one.
func TestConvertStreams(t *testing.T) {
	needFormat(t, "csljson")
	var src bytes.Buffer
	enc := csljson.NewEncoder(&src, csljson.EncodeOptions{Compact: true})
	for i := range 2000 {
		enc.Encode(bib.Item{ID: fmt.Sprintf("item%d", i), Type: "book"})
	}
	enc.Close()
	r := &countingReader{r: bytes.NewReader(src.Bytes())}
	w := &firstWriteRecorder{r: r}
	sink := &itemSink{w: formats["csljson"].NewWriter(w, writeOptions{})}
	in, err := openInput("-", "", r)
	require.NoError(t, err)
	n, diags, err := convertRun([]openedInput{in}, sink, nil)
	require.NoError(t, err)
	require.Empty(t, diags)
	assert.Equal(t, 2000, n)
	assert.NotZero(t, w.readAtFirstWrite, "nothing written")
	assert.Less(t, w.readAtFirstWrite, int64(src.Len()), "first item written after reading the whole input")
}

type countingReader struct {
	r interface{ Read([]byte) (int, error) }
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

type firstWriteRecorder struct {
	r                *countingReader
	readAtFirstWrite int64
}

func (w *firstWriteRecorder) Write(p []byte) (int, error) {
	if w.readAtFirstWrite == 0 {
		w.readAtFirstWrite = w.r.n
	}
	return len(p), nil
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want string
	}{
		{"% comment\n@Article{x,\n", "bibtex"},
		{"\xef\xbb\xbf@string (j = {J})", "bibtex"},
		{"  [\n {\"id\": \"a\"", "csljson"},
		{"{\"id\":\"a\"}\n{\"id\":\"b\"}", "csljson"},
		{"\r\nTY  - JOUR\r\n", "ris"},
		{"Exported from X\nTY - BOOK\nAB  - first line\n@someone wrote\n", "ris"},
		{"TY  - JOUR\nN1  - x\n@misc{not, an entry}\n", "ris"},
	}
	for _, tt := range tests {
		f, err := detectFormat("<stdin>", []byte(tt.head))
		if assert.NoError(t, err, "%q", tt.head) {
			assert.Equal(t, tt.want, f.Name, "%q", tt.head)
		}
	}
}

// The RIS writer registered for the CLI is the package's: a quick check
// that what convert writes reads back without errors.
func TestConvertRISReadsBack(t *testing.T) {
	needFormat(t, "ris")
	out, _, _ := runCLI(t, "", "convert", "--to", "ris", convertDir+"messy.json")
	_, diags := ris.Decode("out.ris", []byte(out))
	assert.Empty(t, diags, "our RIS has problems")
}

// TestConvertRISThroughBibTeX converts RIS to BibTeX and back: the values
// RIS had, including tags without a CSL variable, must come back.
func TestConvertRISThroughBibTeX(t *testing.T) {
	needFormat(t, "ris")
	needFormat(t, "bibtex")
	src := readFile(t, "../../pkg/ris/testdata/zotero.ris") + "TY  - EJOUR\nID  - extra\nTI  - Kept tags\nL1  - a.pdf\nL1  - b.pdf\nER  - \n"
	bibOut, stderr, code := runCLI(t, src, "convert", "--from", "ris", "--to", "bibtex")
	require.Equal(t, 0, code, "to BibTeX: %s", stderr)
	risOut, stderr, code := runCLI(t, bibOut, "convert", "--to", "ris")
	require.Equal(t, 0, code, "back to RIS: %s", stderr)
	orig, _ := ris.Decode("orig.ris", []byte(src))
	back, _ := ris.Decode("back.ris", []byte(risOut))
	require.Len(t, back, len(orig))
	for i := range orig {
		a, b := orig[i], back[i]
		same := a.ID == b.ID && a.Type == b.Type && a.Get("title") == b.Get("title") && a.Get("URL") == b.Get("URL") && a.Dates["issued"] == b.Dates["issued"]
		assert.True(t, same, "%s changed:\n%s\n---\n%s", a.ID, jsonOf(a), jsonOf(b))
	}
	assert.Contains(t, risOut, "TY  - EJOUR\nID  - extra\n", "kept tags lost")
	assert.Contains(t, risOut, "L1  - a.pdf\nL1  - b.pdf\n", "kept tags lost")
}

func jsonOf(it bib.Item) string {
	b, err := it.AppendJSON(nil)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

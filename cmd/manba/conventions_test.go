package main

// Tests for the conventions every command shares (issue 11's CLI findings
// and issue 12's -o signal finding), one test named after each finding.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/manba/manba/internal/testenv"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain lets a test run this binary as manba itself (MANBA_AS_CLI=1),
// for what needs a real process: signals.
func TestMain(m *testing.M) {
	if os.Getenv("MANBA_AS_CLI") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

const oneBib = "@book{one, author={Rajavi, Masoud}, title={A Book}, year=2001, publisher={P}}\n"

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

func TestNoVersionFlag(t *testing.T) {
	stdout, stderr, code := runCLI(t, "", "--version")
	require.Equal(t, 0, code, stderr)
	assert.Regexp(t, `^manba \S+\n$`, stdout)
	versionCmd, _, _ := runCLI(t, "", "version")
	assert.Equal(t, versionCmd, stdout, "--version and manba version agree")
}

func TestUnknownSubcommandPrintsHelpAndExits0(t *testing.T) {
	for _, args := range [][]string{{"names", "bogus"}, {"bogus"}, {"names", "clustr"}, {"completion", "bogus"}} {
		stdout, stderr, code := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.Contains(t, stderr, `unknown command "`+args[len(args)-1]+`"`, "%v", args)
		assert.Empty(t, stdout, "%v printed help on stdout", args)
	}
	_, stderr, _ := runCLI(t, "", "names", "clustr")
	assert.Contains(t, stderr, "did you mean cluster?")
	stdout, _, code := runCLI(t, "", "names")
	assert.Equal(t, 0, code, "a group without a subcommand shows its help")
	assert.Contains(t, stdout, "Available Commands")

	for _, args := range [][]string{{"help", "bogus"}, {"help", "names", "bogus"}} {
		stdout, stderr, code := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.Contains(t, stderr, "unknown help topic", "%v", args)
		assert.Empty(t, stdout, "%v", args)
	}
	stdout, _, code = runCLI(t, "", "help", "names", "cluster")
	assert.Equal(t, 0, code)
	assert.Contains(t, stdout, "manba names cluster")
	assert.Contains(t, complete(t, "help", "na"), "names")
}

func TestUnknownFlagOrValueExits2(t *testing.T) {
	for _, args := range [][]string{
		{"convert", "--bogus"},
		{"convert", "--to", "docx", "x.bib"},
		{"convert", "--from", "docx", "--to", "ris", "x.bib"},
		{"works", "--to", "docx"},
		{"dedupe", "--merge", "--to", "docx", "x.bib"},
		{"bibliography", "--to", "rtf"},
		{"bibliography", "--style", "nosuch"},
		{"cite", "--locale", "xx", "rand2009mek"},
		{"bibliography", "--from", "docx"},
	} {
		_, stderr, code := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v: %s", args, stderr)
	}
}

func TestUnknownKeyExits1InCiteAnd2InWorks(t *testing.T) {
	bibFile := writeTemp(t, "one.bib", oneBib)
	for _, args := range [][]string{
		{"cite", "nosuchkey"},
		{"cite", "--bib", bibFile, "one,nosuchkey"},
		{"works", "nosuchkey"},
		{"works", "rand2009mek", "nosuchkey"},
	} {
		stdout, stderr, code := runCLI(t, "", args...)
		assert.Equal(t, 1, code, "%v: %s", args, stderr)
		assert.Contains(t, stderr, "no work with key nosuchkey", "%v", args)
		assert.Empty(t, stdout, "%v", args)
	}
}

func TestBibliographyIgnoresStdin(t *testing.T) {
	stdout, stderr, code := runCLI(t, oneBib, "bibliography", "--style", "apa")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "Rajavi, M. (2001). A Book. P.\n", stdout, "the piped bibliography, not the built-in works")

	stdout, stderr, code = runCLI(t, oneBib, "cite", "--style", "apa", "one")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "(Rajavi, 2001)\n", stdout)

	for _, args := range [][]string{{"convert", "--to", "csljson"}, {"dedupe", "--merge"}} {
		stdout, stderr, code = runCLI(t, oneBib, args...)
		require.Equal(t, 0, code, "%v: %s", args, stderr)
		assert.Contains(t, stdout, `"id": "one"`, "%v", args)
	}
}

func TestNoInputAndNoStdinIsAUsageError(t *testing.T) {
	for _, args := range [][]string{{"convert", "--to", "ris"}, {"dedupe"}} {
		_, stderr, code := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.Contains(t, stderr, "no input", "%v", args)
	}
	stdout, _, code := runCLI(t, "", "bibliography")
	assert.Equal(t, 0, code)
	assert.Contains(t, stdout, "Abrahamian", "without input bibliography formats the built-in works")
}

func TestStdinGiven(t *testing.T) {
	devNull, err := os.Open(os.DevNull)
	require.NoError(t, err)
	defer devNull.Close()
	pr, pw, err := os.Pipe()
	require.NoError(t, err)
	defer pr.Close()
	defer pw.Close()
	file, err := os.Open(writeTemp(t, "in.bib", oneBib))
	require.NoError(t, err)
	defer file.Close()

	assert.False(t, stdinGiven(nil))
	assert.False(t, stdinGiven(noStdin{}))
	assert.False(t, stdinGiven(devNull), "/dev/null carries nothing")
	assert.True(t, stdinGiven(pr), "a pipe")
	assert.True(t, stdinGiven(file), "a redirected file")
	assert.True(t, stdinGiven(strings.NewReader("x")))
}

func TestToNotInferredFromOutputExtension(t *testing.T) {
	bibFile := writeTemp(t, "in.bib", oneBib)
	dir := t.TempDir()
	tests := []struct {
		args []string
		file string
		want string
	}{
		{[]string{"convert", bibFile}, "x.ris", "TY  - BOOK"},
		{[]string{"convert", bibFile}, "x.json", `"id": "one"`},
		{[]string{"convert", bibFile}, "x.BIB", "@book{one,"},
		{[]string{"works", "rand2009mek"}, "w.bib", "@techreport{rand2009mek,"},
		{[]string{"works", "rand2009mek"}, "w.ris", "TY  - RPRT"},
		{[]string{"works", "rand2009mek"}, "w.jsonl", `{"id":"rand2009mek",`},
		{[]string{"dedupe", "--merge", bibFile}, "d.ris", "TY  - BOOK"},
		{[]string{"bibliography", bibFile}, "b.html", `<div class="csl-entry">`},
		{[]string{"bibliography", bibFile}, "b.md", "*A Book*"},
		{[]string{"bibliography", bibFile}, "b.txt", "Rajavi, M. (2001). A Book. P.\n"},
		{[]string{"convert", "--to", "csljson", bibFile}, "explicit.ris", `"id": "one"`},
		{[]string{"names", "normalize", bibFile}, "n.bib", "@book{one,"},
		{[]string{"extract", "--no-works", writeTemp(t, "a.txt", "References\n\n1. Abrahamian, Ervand. The Iranian Mojahedin. New Haven: Yale University Press, 1989.\n")}, "e.ris", "TY  - BOOK"},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, tt.file)
		_, stderr, code := runCLI(t, "", append(tt.args, "-o", out)...)
		require.Equal(t, 0, code, "%v -o %s: %s", tt.args, tt.file, stderr)
		got, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Contains(t, string(got), tt.want, "%v -o %s", tt.args, tt.file)
	}
	_, stderr, code := runCLI(t, "", "convert", "-o", filepath.Join(dir, "x.docx"), bibFile)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `missing --to: cannot tell the format from`)
}

func TestOutputFlagIsToInFiveCommandsAndFormatInTwo(t *testing.T) {
	root := newRootCmd()
	for _, path := range [][]string{{"convert"}, {"works"}, {"dedupe"}, {"bibliography"}, {"cite"}} {
		c, _, err := root.Find(path)
		require.NoError(t, err)
		assert.NotNil(t, c.Flags().Lookup("to"), "%v has --to", path)
		if f := c.Flags().Lookup("format"); f != nil {
			assert.True(t, f.Hidden, "%v: --format is a hidden alias", path)
		}
	}
	// No command shows another name for it.
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if f := c.Flags().Lookup("format"); f != nil {
			assert.True(t, f.Hidden, "%s: --format is hidden", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	// The old name still works, and says it is old.
	stdout, stderr, code := runCLI(t, "", "bibliography", "--format", "html")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `<div class="csl-bib-body">`)
	assert.Contains(t, stderr, "--format is deprecated; use --to")
}

func TestBibCommaSplitInCiteRepeatableInExtract(t *testing.T) {
	a := writeTemp(t, "a.bib", oneBib)
	b := writeTemp(t, "b.bib", "@book{two, author={Abrahamian, Ervand}, title={B}, year=1989}\n")
	for _, bibs := range [][]string{{"--bib", a, "--bib", b}, {"--bib", a + "," + b}} {
		args := append(append([]string{"cite", "--style", "apa"}, bibs...), "one", "two")
		stdout, stderr, code := runCLI(t, "", args...)
		require.Equal(t, 0, code, "%v: %s", bibs, stderr)
		assert.Equal(t, "(Rajavi, 2001)\n(Abrahamian, 1989)\n", stdout, "%v", bibs)
	}
	// extract's --bib too.
	article := writeTemp(t, "a.txt", "Abrahamian's book (1989) and Rajavi (2001).\n\nReferences\n\n1. Rajavi, Masoud. A Book. P, 2001.\n2. Abrahamian, Ervand. B. 1989.\n")
	stdout, stderr, code := runCLI(t, "", "extract", "--no-works", "--list", "--bib", a+","+b, article)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "-> one", "linked to a work of the first file")
	assert.Contains(t, stdout, "-> two", "linked to a work of the second file")

	comma := writeTemp(t, "with,comma.bib", oneBib)
	stdout, stderr, code = runCLI(t, "", "cite", "--bib", comma, "one")
	require.Equal(t, 0, code, "a file name with a comma is one file: %s", stderr)
	assert.NotEmpty(t, stdout)
}

// complete runs cobra's completion request as the shell scripts do and
// returns the offered values.
func complete(t *testing.T, args ...string) []string {
	t.Helper()
	stdout, stderr, code := runCLI(t, "", append([]string{"__complete"}, args...)...)
	require.Equal(t, 0, code, stderr)
	var vals []string
	for _, line := range strings.Split(stdout, "\n") {
		if line != "" && !strings.HasPrefix(line, ":") {
			vals = append(vals, strings.SplitN(line, "\t", 2)[0])
		}
	}
	return vals
}

func TestCompletionOffersNoValues(t *testing.T) {
	assert.Equal(t, []string{"biblatex", "bibtex", "csljson", "ris"}, filterKnown(complete(t, "convert", "--to", ""), "biblatex", "bibtex", "csljson", "ris"))
	assert.Contains(t, complete(t, "convert", "--from", ""), "ris")
	assert.Contains(t, complete(t, "works", "--to", ""), "bibtex")
	assert.Equal(t, []string{"text", "html", "md"}, complete(t, "bibliography", "--to", ""))
	assert.Contains(t, complete(t, "bibliography", "--style", ""), "chicago-author-date")
	assert.Equal(t, []string{"ieee"}, complete(t, "cite", "--style", "ie"))
	assert.Contains(t, complete(t, "bibliography", "--locale", "fa"), "fa-IR")
	assert.Contains(t, complete(t, "works", "rand"), "rand2009mek")
	assert.Contains(t, complete(t, "cite", "hrw2005noexit,ran"), "hrw2005noexit,rand2009mek")
	bibFile := writeTemp(t, "c.bib", oneBib)
	assert.Equal(t, []string{"one"}, complete(t, "cite", "--bib", bibFile, ""))
}

// filterKnown keeps the values of vals that are in known, in vals' order:
// formats registered by other files (ndjson) may be offered too.
func filterKnown(vals []string, known ...string) []string {
	var out []string
	for _, v := range vals {
		for _, k := range known {
			if v == k {
				out = append(out, v)
			}
		}
	}
	return out
}

func TestNoManPage(t *testing.T) {
	stdout, stderr, code := runCLI(t, "", "man")
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, ".TH MANBA 1 "), "a roff page")
	for _, c := range newRootCmd().Commands() {
		if c.IsAvailableCommand() && c.Name() != "help" {
			assert.Contains(t, stdout, `.SS "manba `+c.Name()+`"`)
		}
	}
	assert.Contains(t, stdout, ".SH EXIT STATUS")
	assert.NotContains(t, stdout, `\-\-format \fIstring`, "hidden flags stay out")
	assert.Contains(t, stdout, `\-\-version`)
	for i, line := range strings.Split(stdout, "\n") {
		assert.False(t, strings.HasPrefix(line, "'"), "line %d would be read as a request: %q", i+1, line)
	}
}

func TestManPageRendersWithoutWarnings(t *testing.T) {
	groff := testenv.Tool(t, "groff")
	page := writeTemp(t, "manba.1", func() string { s, _, _ := runCLI(t, "", "man"); return s }())
	out, err := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z", page).CombinedOutput()
	require.NoError(t, err, string(out))
	assert.Empty(t, string(out), "groff warnings")
}

func TestOutputReplacedWithEmptyListWhenNothingRead(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "keep.json")
	require.NoError(t, os.WriteFile(keep, []byte("precious"), 0o600))
	_, stderr, code := runCLI(t, "", "convert", "--to", "csljson", "-o", keep, filepath.Join(dir, "missing.bib"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "nothing was converted")
	got, err := os.ReadFile(keep)
	require.NoError(t, err)
	assert.Equal(t, "precious", string(got))
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary file left")

	// The same for the commands that read everything first.
	for _, args := range [][]string{
		{"bibliography", filepath.Join(dir, "missing.bib")},
		{"dedupe", "--merge", filepath.Join(dir, "missing.bib")},
		{"cite", "--bib", filepath.Join(dir, "missing.bib"), "x"},
		{"works", "nosuch"},
	} {
		_, _, code := runCLI(t, "", append(args, "-o", keep)...)
		assert.Equal(t, 1, code, "%v", args)
		got, _ := os.ReadFile(keep)
		assert.Equal(t, "precious", string(got), "%v", args)
	}
}

func TestOutputOnSymlinkReplacesTheLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "refs.json")
	require.NoError(t, os.MkdirAll(filepath.Dir(target), 0o755))
	require.NoError(t, os.WriteFile(target, []byte("old"), 0o640))
	link := filepath.Join(dir, "refs.json")
	require.NoError(t, os.Symlink("real/refs.json", link))
	_, stderr, code := runCLI(t, "", "works", "rand2009mek", "-o", link)
	require.Equal(t, 0, code, stderr)
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link stays a link")
	got, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Contains(t, string(got), "rand2009mek", "the link's target holds the output")
	tfi, err := os.Stat(target)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), tfi.Mode().Perm(), "the target keeps its mode")

	dangling := filepath.Join(dir, "new.json")
	require.NoError(t, os.Symlink("real/new-target.json", dangling))
	_, stderr, code = runCLI(t, "", "works", "rand2009mek", "-o", dangling)
	require.Equal(t, 0, code, stderr)
	_, err = os.Stat(filepath.Join(dir, "real", "new-target.json"))
	assert.NoError(t, err, "a dangling link's target is created")
}

func TestBadOutputPathShowsTempNameAndExits1(t *testing.T) {
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "ro")
	require.NoError(t, os.Mkdir(readOnly, 0o555))
	tests := []struct {
		path string
		msg  string
	}{
		{filepath.Join(dir, "no", "such", "dir", "x.json"), "no directory"},
		{dir, "it is a directory"},
	}
	if os.Geteuid() != 0 { // root writes anywhere
		readOnlyFile := filepath.Join(dir, "ro.json")
		require.NoError(t, os.WriteFile(readOnlyFile, []byte("[]"), 0o444))
		tests = append(tests,
			struct{ path, msg string }{filepath.Join(readOnly, "x.json"), "permission denied"},
			struct{ path, msg string }{readOnlyFile, "permission denied"})
	}
	for _, tt := range tests {
		for _, args := range [][]string{
			{"works", "--to", "csljson"},
			{"bibliography"},
			{"convert", "--to", "ris", "../../testdata/messy.bib"},
		} {
			_, stderr, code := runCLI(t, "", append(args, "-o", tt.path)...)
			assert.Equal(t, 2, code, "%v -o %s", args, tt.path)
			assert.Contains(t, stderr, "cannot write "+tt.path+": "+tt.msg)
			assert.NotContains(t, stderr, ".tmp", "the temporary name stays hidden")
		}
	}
}

func TestKilledRunLeavesTempFile(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out.json")
			cmd := exec.Command(os.Args[0], "convert", "--from", "bibtex", "--to", "csljson", "-o", out, "-")
			cmd.Env = append(os.Environ(), "MANBA_AS_CLI=1")
			stdin, err := cmd.StdinPipe() // left open: manba waits for input
			require.NoError(t, err)
			defer stdin.Close()
			require.NoError(t, cmd.Start())
			_, err = stdin.Write([]byte(oneBib))
			require.NoError(t, err)
			require.Eventually(t, func() bool { return len(tempFiles(dir)) == 1 }, 10*time.Second, 10*time.Millisecond, "the temporary file appears")
			require.NoError(t, cmd.Process.Signal(sig))
			err = cmd.Wait()
			var exit *exec.ExitError
			require.ErrorAs(t, err, &exit)
			assert.Equal(t, 128+int(sig), exit.ExitCode())
			assert.Empty(t, tempFiles(dir), "the temporary file is removed")
			_, err = os.Stat(out)
			assert.True(t, os.IsNotExist(err), "no output written")
		})
	}
}

func tempFiles(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestCSLJSONErrorMessageLeaksGoTypes(t *testing.T) {
	in := writeTemp(t, "bad.json", "[\n {\"id\": \"a\", \"type\": \"book\", \"author\": \"Smith, John\", \"title\": \"T\"}\n]\n")
	stdout, stderr, code := runCLI(t, "", "convert", "--to", "bibtex", in)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, in+`:2:30: error: property "author": want a list of names (objects with "family" and "given", or "literal"), got a string; dropped`)
	assert.NotContains(t, stderr, "Go value")
	assert.Contains(t, stdout, "@book{a,", "the rest of the item is kept")
}

func TestWarningsAboutOutputCarryNoPosition(t *testing.T) {
	tests := []struct {
		name, content, to, want string
	}{
		{"in.bib", "% x\n\n  @online{site, title={T}, eventtitle={E}}\n", "ris", ":3:3: warning: item \"site\": RIS has no tag for event-title"},
		{"in.json", "[\n{\"id\": \"a\", \"type\": \"book\", \"title\": \"T\", \"author\": [{\"family\": \"Rajavi\", \"non-dropping-particle\": \"al\"}], \"season\": \"x\"},\n  {\"id\": \"b\", \"type\": \"online\", \"title\": \"T\"}\n]\n", "ris", ":3:3: warning: item \"b\": "},
		{"in.ris", "TY  - BOOK\nTI  - T\nER  - \n\nTY  - JOUR\nTI  - A\nN1  - one\n\n  two\nER  - \n", "bibtex", ":5:1: warning: item \"a\": line breaks in note become spaces"},
	}
	for _, tt := range tests {
		in := writeTemp(t, tt.name, tt.content)
		_, stderr, code := runCLI(t, "", "convert", "--to", tt.to, in)
		require.Equal(t, 0, code, "%s: %s", tt.name, stderr)
		assert.Contains(t, stderr, in+tt.want, tt.name)
		assert.NotContains(t, stderr, "<stdout>:", tt.name)
	}
}

func TestMacrosOfOneFileUnseenByTheNext(t *testing.T) {
	dir := t.TempDir()
	abbrev := filepath.Join(dir, "abbrev.bib")
	authors := filepath.Join(dir, "authors.bib")
	articles := filepath.Join(dir, "articles.bib")
	require.NoError(t, os.WriteFile(abbrev, []byte("@string{jmes = {Journal of Middle East Studies}}\n@string{dc = \"{Di Caro}\"}"), 0o644)) // no final newline
	require.NoError(t, os.WriteFile(authors, []byte("@string{dcd = dc # \" and Dorigo\"}\n"), 0o644))
	require.NoError(t, os.WriteFile(articles, []byte("% articles\n@article{a1, author = dcd, title = {T}, journal = jmes, year = 2001, crossref = {proc}}\n\n@article{a2, title = {U}, journal = nosuch, year = 2002}\n"), 0o644))
	procs := filepath.Join(dir, "procs.bib")
	require.NoError(t, os.WriteFile(procs, []byte("@proceedings{proc, title = {Proc}, publisher = {P}, year = 2001}\n"), 0o644))

	empty := filepath.Join(dir, "empty.bib")
	require.NoError(t, os.WriteFile(empty, []byte(" \n"), 0o644))
	stdout, stderr, code := runCLI(t, "", "convert", "--to", "csljson", abbrev, empty, authors, articles, procs)
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `"literal": "Di Caro"`, "a macro of an earlier file expands")
	assert.Contains(t, stdout, `"family": "Dorigo"`)
	assert.Contains(t, stdout, `"container-title": "Journal of Middle East Studies"`)
	assert.Contains(t, stdout, `"publisher": "P"`, "a crossref target in a later file is inherited")
	assert.Contains(t, stderr, articles+":4:37: warning: undefined macro \"nosuch\"", "positions stay those of each file:\n"+stderr)
	assert.NotContains(t, stderr, "jmes")

	for _, args := range [][]string{
		{"bibliography", "--style", "apa", abbrev, authors, articles},
		{"cite", "--bib", abbrev, "--bib", authors + "," + articles, "a1"},
	} {
		stdout, stderr, code := runCLI(t, "", args...)
		assert.Equal(t, 0, code, "%v: %s", args, stderr)
		assert.Contains(t, stdout, "Di Caro", "%v", args)
	}
}

// TestOutputToDeviceReplacesIt checks that -o on a device or a pipe writes
// into it: as root, renaming a temporary file over /dev/null would replace
// the device with a file.
func TestOutputToDeviceReplacesIt(t *testing.T) {
	_, stderr, code := runCLI(t, "", "works", "rand2009mek", "-o", os.DevNull)
	require.Equal(t, 0, code, stderr)
	fi, err := os.Stat(os.DevNull)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeCharDevice, "/dev/null is still a device")

	fifo := filepath.Join(t.TempDir(), "pipe")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	_, stderr, code = runCLI(t, "", "works", "rand2009mek", "-o", fifo)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, <-got, `"id": "rand2009mek"`)
	entries, _ := os.ReadDir(filepath.Dir(fifo))
	assert.Len(t, entries, 1, "no temporary file beside the pipe")
}

// TestEveryCommandFollowsTheConventions runs every command that writes
// with an unknown --to and with an -o path in no directory: both are
// usage errors (exit 2) in all of them. A new command with --to or -o must
// be added to the table.
func TestEveryCommandFollowsTheConventions(t *testing.T) {
	t.Chdir("../..")
	invocations := map[string][]string{
		"manba bibliography":    nil,
		"manba check":           {"testdata/messy.bib"},
		"manba cite":            {"rand2009mek"},
		"manba convert":         {"--to", "ris", "testdata/messy.bib"},
		"manba dedupe":          {"testdata/messy.bib"},
		"manba extract":         {"testdata/article.txt"},
		"manba extract train":   {"--parser", "nosuch.xml"},
		"manba keys":            {"testdata/messy.bib"},
		"manba man":             nil,
		"manba names cluster":   {"testdata/names.txt"},
		"manba names compare":   {"Masoud", "Massoud"},
		"manba names fold":      {"testdata/names.txt"},
		"manba names parse":     {"testdata/names.txt"},
		"manba names normalize": {"testdata/messy.bib"},
		"manba render":          {"README.md"},
		"manba tidy":            {"testdata/messy.bib"},
		"manba works":           nil,
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		hasTo, hasOut := c.Flag("to") != nil, c.Flag("output") != nil
		if !hasTo && !hasOut || c.Annotations[groupAnnotation] != "" {
			return
		}
		extra, ok := invocations[c.CommandPath()]
		if !assert.True(t, ok, "%s writes output: add it to the table", c.CommandPath()) {
			return
		}
		base := append(strings.Fields(c.CommandPath())[1:], extra...)
		if hasTo {
			_, stderr, code := runCLI(t, "", append(base, "--to", "bogus")...)
			assert.Equal(t, 2, code, "%s --to bogus: %s", c.CommandPath(), stderr)
		}
		if hasOut {
			_, stderr, code := runCLI(t, "", append(base, "-o", "no/such/dir/out")...)
			assert.Equal(t, 2, code, "%s -o no/such/dir/out: %s", c.CommandPath(), stderr)
			assert.Contains(t, stderr, "cannot write no/such/dir/out: no directory", c.CommandPath())
		}
	}
	walk(newRootCmd())
}

// TestUnknownKeyInDedupeMarkPassesSilently: a --mark naming no item read
// is an unknown key (exit 1), and the decisions file is left alone.
func TestUnknownKeyInDedupeMarkPassesSilently(t *testing.T) {
	in := writeTemp(t, "lib.json", dupJSON)
	decisions := filepath.Join(t.TempDir(), "d.tsv")
	_, stderr, code := runCLI(t, "", "dedupe", "--distinct", decisions, "--mark", "abr-copy,abrahamain89", in)
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, stderr, "no work with key abrahamain89")
	_, err := os.Stat(decisions)
	assert.True(t, os.IsNotExist(err), "no decision recorded")

	_, stderr, code = runCLI(t, "", "dedupe", "--distinct", decisions, "--mark", "abr-copy,abrahamian89", in)
	require.Equal(t, 0, code, stderr)
	got, err := os.ReadFile(decisions)
	require.NoError(t, err)
	assert.Equal(t, "abr-copy\tabrahamian89\n", string(got))
}

package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCLI runs manba with args and stdin and returns stdout, stderr and the
// exit code. An empty stdin stands for none (a terminal): commands given no
// FILE then use their default or report a usage error.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	var in io.Reader = noStdin{}
	if stdin != "" {
		in = strings.NewReader(stdin)
	}
	code := run(args, in, &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"help", []string{"--help"}, 0, ""},
		{"version", []string{"version"}, 0, ""},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"unknown flag", []string{"version", "--bogus"}, 2, "unknown flag"},
		{"extra argument", []string{"version", "x"}, 2, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, "", tt.args...)
			assert.Equal(t, tt.code, code, stderr)
			assert.Contains(t, stderr, tt.err)
		})
	}
}

func TestOutputIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.bib")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o644))
	read := func() string {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		return string(b)
	}

	o, err := openOutput(path, nil)
	require.NoError(t, err)
	o.Write([]byte("partial"))
	o.Abort()
	assert.Equal(t, "old", read(), "aborted write changed the target")
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "aborted write left a file")

	o, err = openOutput(path, nil)
	require.NoError(t, err)
	o.Write([]byte("new"))
	assert.Equal(t, "old", read(), "target changed before Close")
	require.NoError(t, o.Close())
	assert.Equal(t, "new", read())
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), fi.Mode().Perm(), "the replaced file keeps the target's mode")

	fresh := filepath.Join(dir, "fresh.json")
	o, err = openOutput(fresh, nil)
	require.NoError(t, err)
	o.Write([]byte("[]"))
	require.NoError(t, o.Close())
	fi, err = os.Stat(fresh)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), fi.Mode().Perm(), "a new file gets the usual mode")
}

func TestEveryCommandHasHelp(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Name() == "help" || sub.Hidden {
				continue
			}
			assert.NotEmpty(t, sub.Short, "%s has no short help", sub.CommandPath())
			path := append(strings.Fields(sub.CommandPath())[1:], "--help")
			stdout, stderr, code := runCLI(t, "", path...)
			assert.Equal(t, 0, code, "%v: %s", path, stderr)
			assert.Contains(t, stdout, "Usage:", "%v", path)
			walk(sub)
		}
	}
	walk(newRootCmd())
}

func TestEmptyInput(t *testing.T) {
	for _, args := range [][]string{
		{"convert", "--to", "bibtex"},
		{"convert", "--to", "csljson"},
		{"dedupe"},
	} {
		stdout, stderr, code := runCLI(t, "  \n", args...)
		assert.Equal(t, 0, code, "%v on blank input: %s", args, stderr)
		assert.NotContains(t, stdout, "@", "%v on blank input wrote items", args)
	}
}

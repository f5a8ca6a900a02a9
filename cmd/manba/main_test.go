package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.err) {
				t.Errorf("stderr %q does not mention %q", stderr, tt.err)
			}
		})
	}
}

func TestOutputIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.bib")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	o, err := openOutput(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	o.Write([]byte("partial"))
	o.Abort()
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("aborted write changed the target: %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("aborted write left %d files, want 1", len(entries))
	}
	o, err = openOutput(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	o.Write([]byte("new"))
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("target changed before Close: %q", got)
	}
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("after Close the target holds %q, want %q", got, "new")
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("replaced file has mode %v (%v), want the target's 0644", fi.Mode().Perm(), err)
	}
	fresh := filepath.Join(dir, "fresh.json")
	o, err = openOutput(fresh, nil)
	if err != nil {
		t.Fatal(err)
	}
	o.Write([]byte("[]"))
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("new file has mode %v (%v), want 0644", fi.Mode().Perm(), err)
	}
}

func TestEveryCommandHasHelp(t *testing.T) {
	root := newRootCmd()
	for _, c := range root.Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if c.Short == "" {
			t.Errorf("command %q has no short help", c.Name())
		}
		_, stderr, code := runCLI(t, "", c.Name(), "--help")
		if code != 0 {
			t.Errorf("%s --help exited %d: %s", c.Name(), code, stderr)
		}
	}
}

func TestEmptyInput(t *testing.T) {
	for _, args := range [][]string{
		{"convert", "--to", "bibtex"},
		{"convert", "--to", "csljson"},
		{"dedupe"},
	} {
		stdout, stderr, code := runCLI(t, "  \n", args...)
		if code != 0 {
			t.Errorf("%v on blank input: exit %d, stderr %q", args, code, stderr)
		}
		if strings.Contains(stdout, "@") {
			t.Errorf("%v on blank input wrote items: %q", args, stdout)
		}
	}
}

// Package testenv finds the data and tools that tests need and decides what
// happens when they are missing: locally a test skips with a message, under CI
// (CI=true) it fails, so that a missing data set can never pass as "ok".
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// CI reports whether the tests run under continuous integration (CI=true or 1).
func CI() bool {
	ok, _ := strconv.ParseBool(os.Getenv("CI"))
	return ok
}

// Missing skips the test with the reason locally and fails it under CI.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if CI() {
		t.Fatalf("required under CI: "+format, args...)
	}
	t.Skipf(format, args...)
}

// SharedDir is the ../shared directory beside the repository root.
func SharedDir() string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	return filepath.Join(root, "..", "shared")
}

// Shared returns the path of elem under ../shared, or calls Missing when it
// does not exist.
func Shared(t testing.TB, elem ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{SharedDir()}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		Missing(t, "shared data %s not found (the shared directory belongs beside the clone)", p)
	}
	return p
}

// Tool returns the path of the named program on PATH, or calls Missing.
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "%s not on PATH (.ci/run installs it)", name)
	}
	return p
}

// ReadShared reads elem under ../shared for a test that also checks data of
// its own: when the file is missing it logs that and returns false locally,
// so the rest of the test still runs, and fails the test under CI.
func ReadShared(t testing.TB, elem ...string) ([]byte, bool) {
	t.Helper()
	p := filepath.Join(append([]string{SharedDir()}, elem...)...)
	data, err := os.ReadFile(p)
	if err != nil {
		if CI() {
			t.Fatalf("required under CI: shared data %s: %v", p, err)
		}
		t.Logf("shared data %s not read, checking the rest: %v", p, err)
		return nil, false
	}
	return data, true
}

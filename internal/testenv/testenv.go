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

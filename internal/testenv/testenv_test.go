package testenv

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSharedDirIsBesideTheRepository(t *testing.T) {
	dir := SharedDir()
	assert.Equal(t, "shared", filepath.Base(dir))
	wd, err := os.Getwd() // internal/testenv inside the repository
	assert.NoError(t, err)
	repo := filepath.Dir(filepath.Dir(wd))
	assert.Equal(t, filepath.Join(filepath.Dir(repo), "shared"), filepath.Clean(dir))
}

func TestCIParsesTheEnvironment(t *testing.T) {
	for _, tt := range []struct {
		val  string
		want bool
	}{{"true", true}, {"1", true}, {"", false}, {"false", false}, {"yes", false}} {
		t.Setenv("CI", tt.val)
		assert.Equal(t, tt.want, CI(), "CI=%q", tt.val)
	}
}

func TestReadSharedMissing(t *testing.T) {
	t.Setenv("CI", "false")
	data, ok := ReadShared(t, "no-such-dir", "no-such-file")
	assert.False(t, ok)
	assert.Nil(t, data)
}

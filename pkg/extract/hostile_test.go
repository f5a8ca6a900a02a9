package extract

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHostileInputs: binary data, long lines without breaks, random
// letters and an article without references give no references, a
// warning where the bytes are not text, and no panic.
func TestHostileInputs(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	binary := make([]byte, 256<<10)
	for i := range binary {
		binary[i] = byte(rng.IntN(256))
	}
	letters := func(n int, breaks bool) []byte {
		var b bytes.Buffer
		for b.Len() < n {
			w := rng.IntN(9) + 1
			for range w {
				b.WriteByte(byte('a' + rng.IntN(26)))
			}
			if breaks && rng.IntN(15) == 0 {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		return b.Bytes()
	}
	tests := []struct {
		name    string
		src     []byte
		warning string
	}{
		{"binary", binary, "not valid UTF-8"},
		{"10,000-character lines", bytes.Repeat(append(letters(10000, false), '\n'), 20), ""},
		{"random letters", letters(512<<10, true), ""},
		{"one 1 MB line", letters(1<<20, false), ""},
		{"no reference section", []byte(strings.Repeat("We walked to the bazaar in the morning and drank tea.\n", 2000)), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			refs, diags := Extract(tt.name, tt.src)
			assert.Empty(t, refs)
			if tt.warning != "" {
				require.NotEmpty(t, diags)
				assert.Contains(t, diags[0].Error(), tt.warning)
			}
		})
	}
}

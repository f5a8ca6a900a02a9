package word

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLoad64(t *testing.T) {
	for _, s := range []string{"abcdefgh", "\x00\x01\x02\x03\x04\x05\x06\x07tail", "\xff\x80 \"\\{}~"} {
		require.Equal(t, binary.LittleEndian.Uint64([]byte(s)), Load64(s), "%q", s)
	}
}

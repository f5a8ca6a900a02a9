package latex

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// plainRef is plain one byte at a time, the reference for its
// word-at-a-time scan.
func plainRef(s string) (bool, bool) {
	var high byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		high |= c
		if stops[c] && (c != '-' && c != '\'' || i+1 < len(s) && s[i+1] == c) {
			return false, false
		}
	}
	return true, high < 0x80
}

// TestPlainWords puts every byte value, alone and doubled, at every place
// of a string long enough for the eight-byte scan.
func TestPlainWords(t *testing.T) {
	const base = "abcdefghijklmnopqrs"
	for pos := range len(base) {
		for c := range 256 {
			for _, ins := range []string{string([]byte{byte(c)}), string([]byte{byte(c), byte(c)})} {
				s := base[:pos] + ins + base[pos+1:]
				wantPlain, wantASCII := plainRef(s)
				gotPlain, gotASCII := plain(s)
				require.Equal(t, wantPlain, gotPlain, "plain(%q)", s)
				if wantPlain {
					require.Equal(t, wantASCII, gotASCII, "plain(%q) ascii", s)
				}
			}
		}
	}
}

func FuzzPlain(f *testing.F) {
	f.Add("plain ascii text of some length")
	f.Add("Ant-based 1--10 Dorigo's ``q'' {M} $x$ ~ Masʻūd رجوی")
	f.Fuzz(func(t *testing.T, s string) {
		wantPlain, wantASCII := plainRef(s)
		gotPlain, gotASCII := plain(s)
		require.Equal(t, wantPlain, gotPlain)
		if wantPlain {
			require.Equal(t, wantASCII, gotASCII)
		}
	})
}

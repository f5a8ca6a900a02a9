// Package word reads eight bytes of a string as one machine word, for the
// scans that test eight bytes at a time (JSON escaping, the LaTeX decoder's
// fast path, BibTeX white space).
package word

// Load64 returns the first eight bytes of s as a little-endian word; the
// compiler makes it one load. s must hold at least eight bytes.
func Load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/manba/manba/internal/testenv"
	"github.com/stretchr/testify/require"
)

func FuzzParseReference(f *testing.F) {
	for _, s := range []string{
		"Singleton, Anne, Saddam’s private army, Iran-Interlink, 2003.",
		"ibid, p.78.",
		"Mohammad Sadegh Koushki, previous, p. 220",
		"Merat, Arron. “Terrorists, cultists.” The Guardian, 9 November 2018.",
		"Singleton, A. (2003). Saddam's private army. London: Iran-Interlink.",
		"New York Times, July 20th, 2003.",
		"“", "(2003)", ", , .", "p. 1-",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := ParseReference(s)
		require.NotEmpty(t, p.Item.Type, "no type for %q", s)
		for k, v := range p.Item.Vars {
			require.True(t, v == strings.TrimSpace(v) && v != "", "%s = %q is not trimmed", k, v)
			if utf8.ValidString(s) {
				require.True(t, utf8.ValidString(v), "%s = %q is not valid UTF-8", k, v)
			}
		}
	})
}

func FuzzExtract(f *testing.F) {
	// The lists of the seeds, cut small so that the fuzzer stays fast.
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		if i := bytes.Index(b, []byte("Sources:")); i >= 0 {
			f.Add(b[i:min(len(b), i+1500)])
		}
		if i := bytes.Index(b, []byte("Resources:")); i >= 0 {
			f.Add(b[i:min(len(b), i+1500)])
		}
	}
	f.Add([]byte("Text.\n\nReferences\n\n1. Ibid.\n[2] Singleton, Anne, Saddam’s private army, 2003.\n"))
	f.Add([]byte("Notes:\n\xff\xfe\n- op. cit., 4\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		refs, _ := Extract("f.txt", src)
		for i, r := range refs {
			require.Less(t, r.Target, i, "reference %d repeats a later one", i)
			require.True(t, r.Pos.Offset >= 0 && r.Pos.Offset <= len(src), "position %v out of range", r.Pos)
		}
	})
}

// FuzzExtractStream cuts inputs into small parts: the parts cover the
// input, every position is inside it, a repeat points back within its
// part, and an input no longer than a part gives what Extract gives.
func FuzzExtractStream(f *testing.F) {
	f.Add([]byte("Text.\n\nReferences\n\n1. Smith, J. A Book. London: Verso, 2001.\n\n2. Ibid., p. 4.\n\n3. Jones, K. Essays. Oxford: Polity, 1999.\n"), uint16(40))
	f.Add([]byte("Notes:\n\xff\xfe\n- op. cit., 4\n"+strings.Repeat("word ", 50)), uint16(3))
	f.Add([]byte(strings.Repeat("x", 300)+"\r\n\n  \nSources\n\n[1] A, B. T. 2000.\n"), uint16(100))
	f.Fuzz(func(t *testing.T, src []byte, size uint16) {
		partSize := 16 + int(size)%512
		var parts []Part
		err := ExtractStream("f.txt", bytes.NewReader(src), StreamOptions{PartSize: partSize}, func(p Part) error {
			parts = append(parts, p)
			return nil
		})
		require.NoError(t, err)
		total := 0
		for _, p := range parts {
			require.Positive(t, p.Size)
			for i, r := range p.Refs {
				require.Less(t, r.Target, i, "reference %d repeats a later one", i)
				// (Invalid bytes are replaced before positions are taken.)
				require.True(t, !utf8.Valid(src) || r.Pos.Offset >= total && r.Pos.Offset <= total+p.Size, "position %v outside its part [%d, %d]", r.Pos, total, total+p.Size)
				require.True(t, r.Pos.Line >= 1 && r.Pos.Col >= 1, "position %v", r.Pos)
			}
			total += p.Size
		}
		require.Equal(t, len(src), total, "the parts cover the input")
		if len(src) <= partSize && len(src) > 0 {
			want, wantDiags := Extract("f.txt", src)
			require.Len(t, parts, 1)
			require.Equal(t, want, parts[0].Refs)
			require.Equal(t, wantDiags, parts[0].Diags)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	src, err := os.ReadFile("../../../shared/seeds/002_4789f7baef50928f.txt")
	if err != nil {
		testenv.Missing(b, "shared seeds not present: %v", err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Extract("002.txt", src)
	}
}

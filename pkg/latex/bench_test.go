package latex

import "testing"

// Typical BibTeX field values: most have no TeX at all (the fast path), a
// title has some, a name or two have accents.
var benchValues = []struct{ name, s string }{
	{"plain", "Iran and its opposition: the People's Mojahedin Organization in exile"},
	{"title", `The {MKO} and \emph{Mas{\textquoteright}oud Raja{\=v}{\=\i}}: {\d{H}}asan's view, 1981--1988`},
	{"name", `Abrahamian, Ervand and Hanif-Nezhad, Mu{\d{h}}ammad and G{\"o}del, Kurt`},
	{"pages", "123--145"},
}

func BenchmarkDecode(b *testing.B) {
	for _, v := range benchValues {
		b.Run(v.name, func(b *testing.B) {
			b.SetBytes(int64(len(v.s)))
			b.ReportAllocs()
			for b.Loop() {
				Decode(v.s, DecodeOptions{Markup: true})
			}
		})
	}
}

// BenchmarkDecodeCorpus decodes every field value of the shared corpus.
func BenchmarkDecodeCorpus(b *testing.B) {
	vals := corpusValues(b)
	var n int64
	for _, v := range vals {
		n += int64(len(v))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range vals {
			Decode(v, DecodeOptions{Markup: true})
		}
	}
}

func BenchmarkEncodeCorpus(b *testing.B) {
	vals := corpusValues(b)
	var n int64
	for i, v := range vals {
		vals[i], _ = Decode(v, DecodeOptions{Markup: true})
		n += int64(len(vals[i]))
	}
	for _, opts := range []struct {
		name string
		o    EncodeOptions
	}{{"utf8", EncodeOptions{Markup: true}}, {"ascii+protect", EncodeOptions{Markup: true, ASCII: true, ProtectCapitals: true}}} {
		b.Run(opts.name, func(b *testing.B) {
			b.SetBytes(n)
			b.ReportAllocs()
			for b.Loop() {
				for _, v := range vals {
					Encode(v, opts.o)
				}
			}
		})
	}
}

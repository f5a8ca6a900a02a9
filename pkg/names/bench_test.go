package names

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/manba/manba/internal/namegen"
)

var (
	benchGiven  = []string{"Masoud", "Maryam", "Mohammad", "Ali", "Hossein", "Reza", "Mehdi", "Kazem", "Ebrahim", "Saeid", "Mahmoud", "Abolhassan", "Ashraf", "Fatemeh", "Hassan", "Javad", "Qasem", "Rasoul", "Mousa", "Zahra"}
	benchFamily = []string{"Rajavi", "Khodabandeh", "Banisadr", "Hanifnejad", "Rezaei", "Jafari", "Khiabani", "Abrishamchi", "Mohsen", "Rabiei", "Azodanlu", "Yaqoubi", "Meshkinfam", "Asgarizadeh", "Badizadegan", "Soleimani", "Montazeri", "Taleghani", "Lajevardi", "Rouhani"}
)

// variant spells a name another way, as sources do: vowels, doubled
// letters, glides, q/gh, j/zh (inverted order and titles are added by
// syntheticNames). Only what romanizations write: no macron on a short
// vowel (Māryam), no doubled s inside sh (Messhkinfam).
func variant(r *rand.Rand, s string) string {
	repl := [][2]string{{"ou", "u"}, {"u", "ou"}, {"ss", "s"}, {"ee", "i"}, {"ei", "ey"}, {"q", "gh"}, {"gh", "q"}, {"j", "zh"}, {"e", "i"}, {"o", "u"}, {"ā", "a"}, {"ei", "ey"}}
	for k := 0; k < 2; k++ {
		p := repl[r.IntN(len(repl))]
		if v := strings.Replace(s, p[0], p[1], 1); !strings.Contains(v, "ii") && !strings.Contains(v, "ouou") {
			s = v // Saiid, Hossiin: no convention writes them
		}
	}
	return s
}

// syntheticNames returns n names: people built from given and family
// names with a numbered suffix (so that there are many distinct people),
// each written in several spellings.
func syntheticNames(n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]string, 0, n)
	for len(out) < n {
		g := benchGiven[r.IntN(len(benchGiven))]
		f := benchFamily[r.IntN(len(benchFamily))]
		suffix := fmt.Sprintf("%c%c%c", 'b'+r.IntN(20), 'a'+r.IntN(5), 'd'+r.IntN(20))
		for v := 0; v < 5 && len(out) < n; v++ {
			gv, fv := variant(r, g), variant(r, f)+suffix
			switch r.IntN(4) {
			case 0:
				out = append(out, fv+", "+gv)
			case 1:
				out = append(out, "Dr. "+gv+" "+fv) // Mr. would contradict Maryam
			default:
				out = append(out, gv+" "+fv)
			}
		}
	}
	return out
}

func BenchmarkParse(b *testing.B) {
	names := []string{"Mr. Mas’oud Khodabandeh", "Rajavi, Maryam", "Maryam Rajavi (nee Qajar Azodanlu)", "Human Rights Watch", "Ayatollah Ali Khamenei", "مسعود رجوی"}
	b.ReportAllocs()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		Parse(names[i%len(names)])
	}
	reportCPU(b, start)
}

// BenchmarkCluster clusters realistic names (internal/namegen) as the
// CLI does (Brief); the target is 1M names in at most 10 s on one core,
// with time and memory linear in the input. It reports the pairwise and
// B-cubed F1 against the people the names were made for, so that speed is
// not bought with quality. The million runs without -short.
func BenchmarkCluster(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			if n > 100_000 && testing.Short() {
				b.Skip("-short")
			}
			names, gold := namegen.Labelled(n)
			c := &Clusterer{Brief: true}
			b.ReportAllocs()
			b.ResetTimer()
			start := cpuTime()
			var pred []string
			for i := 0; i < b.N; i++ {
				pred = make([]string, len(names))
				c.Each(names, func(i int, a Assignment) { pred[i] = a.Key })
			}
			reportCPU(b, start)
			s := scoreLarge(gold, pred)
			b.ReportMetric(s.pairF, "pairF1")
			b.ReportMetric(s.pairP, "pairP")
			b.ReportMetric(s.bF, "B3F1")
		})
	}
}

// scoreLarge is score in linear time, from the sizes of the gold and
// predicted clusters and of their intersections.
func scoreLarge(gold []int32, pred []string) scores {
	type cell struct {
		g int32
		p string
	}
	cells, g, p := map[cell]float64{}, map[int32]float64{}, map[string]float64{}
	for i := range gold {
		cells[cell{gold[i], pred[i]}]++
		g[gold[i]]++
		p[pred[i]]++
	}
	pairs := func(n float64) float64 { return n * (n - 1) / 2 }
	var tp, gp, pp, bP, bR float64
	for c, n := range cells {
		tp += pairs(n)
		bP += n * n / p[c.p]
		bR += n * n / g[c.g]
	}
	for _, n := range g {
		gp += pairs(n)
	}
	for _, n := range p {
		pp += pairs(n)
	}
	var s scores
	s.pairP, s.pairR = tp/pp, tp/gp
	s.pairF = f1(s.pairP, s.pairR)
	s.bP, s.bR = bP/float64(len(gold)), bR/float64(len(gold))
	s.bF = f1(s.bP, s.bR)
	return s
}

func TestScoreLarge(t *testing.T) {
	gold := []string{"a", "a", "b", "c", "c", "c"}
	pred := []string{"x", "y", "y", "z", "z", "x"}
	ids := map[string]int32{"a": 0, "b": 1, "c": 2}
	g := make([]int32, len(gold))
	for i, s := range gold {
		g[i] = ids[s]
	}
	want, got := score(gold, pred), scoreLarge(g, pred)
	assert.InDelta(t, want.pairP, got.pairP, 1e-12)
	assert.InDelta(t, want.pairR, got.pairR, 1e-12)
	assert.InDelta(t, want.bP, got.bP, 1e-12)
	assert.InDelta(t, want.bR, got.bR, 1e-12)
}

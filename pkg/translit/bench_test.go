package translit

import "testing"

var benchNames = []string{
	"Masoud Rajavi", "Mas’oud Khodabandeh", "Maryam Qajar Azodanlu", "Mohammad Hanif-Nezhad",
	"Abolhassan Banisadr", "Mojahedin-e Khalq Organization", "Muḥammad ʻAlī Rajāʼī", "مسعود رجوی",
	"Human Rights Watch", "Seyed Qasem Yahosseini",
}

// BenchmarkFold folds names; the target is at least 1M names per CPU
// second (names/cpu-s).
func BenchmarkFold(b *testing.B) {
	b.ReportAllocs()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		Fold(benchNames[i%len(benchNames)])
	}
	reportCPU(b, start)
}

// BenchmarkFoldASCII folds plain romanized names, the common case.
func BenchmarkFoldASCII(b *testing.B) {
	names := []string{"Masoud Rajavi", "Abolhassan Banisadr", "Mojahedin-e Khalq", "Hassan Rouhani"}
	b.ReportAllocs()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		Fold(names[i%len(names)])
	}
	reportCPU(b, start)
}

func BenchmarkSkeleton(b *testing.B) {
	b.ReportAllocs()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		Skeleton.String(benchNames[i%len(benchNames)])
	}
	reportCPU(b, start)
}

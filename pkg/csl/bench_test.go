package csl

import (
	"fmt"
	"testing"

	"github.com/manba/manba/pkg/bib"
)

// benchItems generates n varied items: journal articles, books and
// chapters by one to six authors, with shared surnames so that sorting
// and year suffixes have work to do.
func benchItems(n int) []bib.Item {
	families := []string{"Rajavi", "Abrahamian", "Goulka", "Banisadr", "Cohen", "al-Rubaie", "Singleton", "Haeri", "Ebrahimi", "Zahir"}
	givens := []string{"Masoud", "Ervand", "Jeremiah", "Maryam", "Ali", "Sara"}
	types := []string{"article-journal", "book", "chapter", "report"}
	items := make([]bib.Item, n)
	for i := range items {
		it := bib.Item{ID: fmt.Sprintf("item%d", i), Type: types[i%len(types)]}
		var names []bib.Name
		for k := 0; k <= i%6; k++ {
			names = append(names, bib.Name{Family: families[(i+k*3)%len(families)], Given: givens[(i+k)%len(givens)]})
		}
		it.SetNames("author", names)
		it.Set("title", fmt.Sprintf("The Mojahedin-e Khalq and the politics of exile, part %d", i))
		it.Set("container-title", "Middle East Journal")
		it.Set("publisher", "Yale University Press")
		it.Set("publisher-place", "New Haven")
		it.Set("volume", fmt.Sprint(i%60+1))
		it.Set("page", fmt.Sprintf("%d-%d", i%300+1, i%300+19))
		it.SetDate("issued", bib.Date{From: bib.DateParts{Year: 1980 + i%40, Month: i%12 + 1}})
		items[i] = it
	}
	return items
}

// benchN is the size of the benchmark bibliography.
var benchN = 10000

// BenchmarkBibliography10k renders a 10,000-item bibliography in
// chicago-author-date (sorting, disambiguation, rendering); items/s is
// reported.
func BenchmarkBibliography10k(b *testing.B) {
	st, err := LoadStyle("chicago-author-date")
	if err != nil {
		b.Fatal(err)
	}
	items := benchItems(benchN)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := NewProcessor(st, "en-US", items)
		if got := len(p.Bibliography(Text)); got != len(items) {
			b.Fatalf("%d entries", got)
		}
	}
	b.ReportMetric(float64(len(items)*b.N)/b.Elapsed().Seconds(), "items/s")
}

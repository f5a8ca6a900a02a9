package citekey

import (
	"fmt"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/works"
)

// BenchmarkAssign100k assigns keys to 100,000 items (the built-in works
// repeated, a third with Persian-script authors).
func BenchmarkAssign100k(b *testing.B) {
	base := works.Items()
	items := make([]bib.Item, 100000)
	for i := range items {
		it := base[i%len(base)].Clone()
		it.ID = fmt.Sprint("k", i)
		if i%3 == 0 {
			it.SetNames("author", []bib.Name{{Family: "رجوی", Given: "مسعود"}, {Family: "ابراهیمی"}})
		}
		items[i] = it
	}
	b.ResetTimer()
	for b.Loop() {
		Assign(items, Options{All: true})
	}
}

package works

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/manba/manba/pkg/bib"
)

//go:embed works.json
var data []byte

// load decodes the embedded data once; the result is shared and must never
// be handed out without cloning.
var load = sync.OnceValues(func() ([]bib.Item, error) {
	var items []bib.Item
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, fmt.Errorf("works: embedded works.json: %w", err)
	}
	return items, nil
})

// all returns the shared decoded items. The embedded data is checked by the
// tests, so a decoding failure is a build defect; it still degrades to an
// empty list instead of a panic.
func all() []bib.Item {
	items, err := load()
	if err != nil {
		return nil
	}
	return items
}

// index maps IDs to positions in all().
var index = sync.OnceValue(func() map[string]int {
	m := map[string]int{}
	for i, it := range all() {
		m[it.ID] = i
	}
	return m
})

// Items returns every cited work, in the order of the data file (the most
// cited works first). Each call returns fresh copies the caller may modify.
func Items() []bib.Item {
	src := all()
	out := make([]bib.Item, len(src))
	for i, it := range src {
		out[i] = it.Clone()
	}
	return out
}

// IDs returns the IDs of the cited works in the order of Items.
func IDs() []string {
	src := all()
	ids := make([]string, len(src))
	for i, it := range src {
		ids[i] = it.ID
	}
	return ids
}

// ByID returns a copy of the work with the given ID.
func ByID(id string) (bib.Item, bool) {
	i, ok := index()[id]
	if !ok {
		return bib.Item{}, false
	}
	return all()[i].Clone(), true
}

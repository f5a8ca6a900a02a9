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

// formsData holds the other script forms of fields of the Persian works
// (romanizations in ALA-LC and in the common spelling, English
// translations), by item ID, field and BCP 47 tag. They are manba's
// additions to the researched metadata, kept apart from works.json so that
// it stays a copy of the shared file: the ALA-LC forms follow the Library of
// Congress Persian romanization table, the common forms repeat the
// researchers' "title_romanized", and the translations are theirs.
//
//go:embed forms.json
var formsData []byte

// load decodes the embedded data once; the result is shared and must never
// be handed out without cloning.
var load = sync.OnceValues(func() ([]bib.Item, error) {
	var items []bib.Item
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, fmt.Errorf("works: embedded works.json: %w", err)
	}
	if err := addForms(items); err != nil {
		return nil, err
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

// addForms adds formsData to the items and converts every date written in a
// Hijri calendar (bib.ResolveCalendars).
func addForms(items []bib.Item) error {
	var forms map[string]map[string]map[string]string
	if err := json.Unmarshal(formsData, &forms); err != nil {
		return fmt.Errorf("works: embedded forms.json: %w", err)
	}
	for i := range items {
		it := &items[i]
		for field, tags := range forms[it.ID] {
			for tag, v := range tags {
				it.SetForm(field, tag, v)
			}
		}
		bib.ResolveCalendars(it)
	}
	return nil
}

package bib

import (
	"encoding/json"
	"fmt"
)

// CSL-JSON convention for Forms and calendar dates. CSL 1.0.2 has no place
// for either, and its schema admits unknown data only inside the "custom"
// object, so manba writes them there:
//
//	"custom": {
//	  "multi": {
//	    "_keys": {"title": {"fa-Latn-alalc97": "Sāzmān…", "en": "The …"}},
//	    "names": {"author": [{"fa-Latn-alalc97": {"family": "Rajavī", "given": "Masʻūd"}}]}
//	  },
//	  "original-dates": {"issued": {"calendar": "solar-hijri", "text": "۱۳۸۰"}}
//	}
//
// "_keys" has the shape of citeproc-js's CSL-M "multi._keys" (field → language
// tag → value), so moving custom.multi up to the item gives Juris-M its
// multilingual titles. "names" holds, per name variable and position, the
// forms CSL-M keeps in each name's "multi._key". The issued date-parts stay
// Gregorian for every CSL processor; "original-dates" keeps the calendar and
// the text the source wrote. On reading, a top-level CSL-M "multi" object is
// accepted as well.
const (
	multiKey         = "multi"
	originalDatesKey = "original-dates"
)

type jsonMulti struct {
	Keys  map[string]map[string]string `json:"_keys,omitempty"`
	Names map[string][]map[string]Name `json:"names,omitempty"`
}

type jsonOriginalDate struct {
	Calendar string `json:"calendar"`
	Text     string `json:"text"`
}

func (it Item) hasCustomForms() bool {
	if !it.Forms.IsZero() {
		return true
	}
	for _, d := range it.Dates {
		if d.Calendar != "" {
			return true
		}
	}
	return false
}

// addCustomForms puts Forms and calendar dates into a custom object.
func (it Item) addCustomForms(obj map[string]json.RawMessage) error {
	if !it.Forms.IsZero() {
		m := jsonMulti{Keys: it.Forms.Vars}
		if len(it.Forms.Names) > 0 {
			m.Names = map[string][]map[string]Name{}
			for k, list := range it.Forms.Names {
				if list = trimEmpty(list); len(list) > 0 {
					m.Names[k] = list
				}
			}
		}
		b, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("item %q: multi: %w", it.ID, err)
		}
		obj[multiKey] = b
	}
	dates := map[string]jsonOriginalDate{}
	for k, d := range it.Dates {
		if d.Calendar != "" {
			dates[k] = jsonOriginalDate{d.Calendar, d.Original}
		}
	}
	if len(dates) > 0 {
		b, err := json.Marshal(dates)
		if err != nil {
			return err
		}
		obj[originalDatesKey] = b
	}
	return nil
}

// liftCustomForms moves Forms and calendar dates out of the custom object
// (and a top-level CSL-M "multi") into the item, once every property is read.
func (it *Item) liftCustomForms() error {
	if raw, ok := it.Custom[multiKey]; ok {
		var m jsonMulti
		if json.Unmarshal(raw, &m) == nil && len(m.Keys) > 0 {
			it.setForms(m)
			delete(it.Custom, multiKey)
		}
	}
	raw, ok := it.Custom["custom"]
	if !ok {
		return nil
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return nil
	}
	_, hasMulti := obj[multiKey]
	_, hasDates := obj[originalDatesKey]
	if !hasMulti && !hasDates {
		return nil
	}
	if hasMulti {
		var m jsonMulti
		if err := json.Unmarshal(obj[multiKey], &m); err != nil {
			return fmt.Errorf("custom.multi: %w", err)
		}
		it.setForms(m)
		delete(obj, multiKey)
	}
	if hasDates {
		var dates map[string]jsonOriginalDate
		if err := json.Unmarshal(obj[originalDatesKey], &dates); err != nil {
			return fmt.Errorf("custom.original-dates: %w", err)
		}
		for k, od := range dates {
			if d, ok := it.Dates[k]; ok {
				d.Calendar, d.Original = od.Calendar, od.Text
				it.Dates[k] = d
			}
		}
		delete(obj, originalDatesKey)
	}
	delete(it.Custom, "custom")
	if len(obj) > 0 {
		b, err := marshalSortedObject(obj)
		if err != nil {
			return err
		}
		it.setRaw("custom", b)
	}
	if len(it.Custom) == 0 {
		it.Custom = nil
	}
	return nil
}

func (it *Item) setForms(m jsonMulti) {
	for v, tags := range m.Keys {
		for tag, val := range tags {
			it.SetForm(v, tag, val)
		}
	}
	for v, list := range m.Names {
		for i, tags := range list {
			for tag, n := range tags {
				it.SetNameForm(v, i, tag, n)
			}
		}
	}
}

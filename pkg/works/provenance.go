package works

import (
	"encoding/json"

	"github.com/manba/manba/pkg/bib"
)

// Confidence levels, as used in the "confidence" object of an item's custom
// data: high = stated by a primary source or two independent ones; medium =
// one secondary source or a derived value; low = only a (possibly garbled)
// citation or a supplied value.
const (
	High   = "high"
	Medium = "medium"
	Low    = "low"
)

// SeedCitation is the exact text with which a seed article cites a work.
type SeedCitation struct {
	Seed string `json:"seed"` // seed file name, e.g. "001_5a60d35f54bdcc58.txt"
	Text string `json:"text"`
}

// custom is the provenance part of an item's CSL-JSON "custom" object.
type custom struct {
	Sources       map[string][]string `json:"sources"`
	Confidence    map[string]string   `json:"confidence"`
	Remarks       map[string]string   `json:"remarks"`
	SeedCitations []SeedCitation      `json:"seed_citations"`
}

func customOf(it bib.Item) custom {
	var c custom
	if raw, ok := it.Custom["custom"]; ok {
		// A custom object of another shape simply carries no provenance.
		_ = json.Unmarshal(raw, &c)
	}
	return c
}

// Provenance returns the confidence level and the sources of one field
// (a CSL-JSON variable name such as "title", "author" or "issued") of the
// cited work id. Both are empty when the work or the field is unknown.
func Provenance(id, field string) (confidence string, sources []string) {
	i, ok := index()[id]
	if !ok {
		return "", nil
	}
	it := all()[i]
	return FieldConfidence(it, field), FieldSources(it, field)
}

// Remark returns the researcher's remark on one field of the cited work id
// (variants seen, why a value was chosen), or "".
func Remark(id, field string) string {
	i, ok := index()[id]
	if !ok {
		return ""
	}
	return customOf(all()[i]).Remarks[field]
}

// SeedCitations returns the passages of the seed articles that cite the
// work id.
func SeedCitations(id string) []SeedCitation {
	i, ok := index()[id]
	if !ok {
		return nil
	}
	return customOf(all()[i]).SeedCitations
}

// FieldConfidence returns the confidence recorded for a field of any item
// whose custom data follows the works.json shape ("confidence": {field:
// level}), such as the references made by package extract.
func FieldConfidence(it bib.Item, field string) string {
	return customOf(it).Confidence[field]
}

// FieldSources returns the sources recorded for a field of any item whose
// custom data follows the works.json shape ("sources": {field: [...]}).
func FieldSources(it bib.Item, field string) []string {
	s := customOf(it).Sources[field]
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}

// SetFieldProvenance records the confidence and sources of one field in the
// item's custom data, in the works.json shape, keeping every other custom
// property. It returns an error only when the existing custom data is not a
// JSON object.
func SetFieldProvenance(it *bib.Item, field, confidence string, sources ...string) error {
	return SetProvenance(it, FieldProvenance{Field: field, Confidence: confidence, Sources: sources})
}

// FieldProvenance is the confidence and the sources of one field; either
// may be empty.
type FieldProvenance struct {
	Field, Confidence string
	Sources           []string
}

// SetProvenance is SetFieldProvenance for several fields at once, with the
// same result as one call per field in turn, but reading and writing the
// custom data once.
func SetProvenance(it *bib.Item, fields ...FieldProvenance) error {
	if len(fields) == 0 {
		return nil
	}
	obj := map[string]json.RawMessage{}
	if raw, ok := it.Custom["custom"]; ok {
		if err := json.Unmarshal(raw, &obj); err != nil {
			return err
		}
	}
	parts := map[string]map[string]json.RawMessage{} // "confidence", "sources"
	set := func(key, field string, value any) error {
		m, ok := parts[key]
		if !ok {
			m = map[string]json.RawMessage{}
			if raw, ok := obj[key]; ok {
				if err := json.Unmarshal(raw, &m); err != nil {
					return err
				}
			}
			parts[key] = m
		}
		b, err := json.Marshal(value)
		if err != nil {
			return err
		}
		m[field] = b
		return nil
	}
	for _, f := range fields {
		if f.Confidence != "" {
			if err := set("confidence", f.Field, f.Confidence); err != nil {
				return err
			}
		}
		if len(f.Sources) > 0 {
			if err := set("sources", f.Field, f.Sources); err != nil {
				return err
			}
		}
	}
	for key, m := range parts {
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		obj[key] = b
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	if it.Custom == nil {
		it.Custom = map[string][]byte{}
	}
	it.Custom["custom"] = b
	return nil
}

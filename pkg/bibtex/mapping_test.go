package bibtex

import (
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
)

// TestMappingMarkdown keeps MAPPING.md in step with the tables.
func TestMappingMarkdown(t *testing.T) {
	checkGolden(t, "MAPPING.md", []byte(MappingMarkdown()))
}

// TestMappingTables checks that every rule names a real CSL type or
// variable of the right kind, and that the canonical entry types read back
// as their CSL type without recording @type.
func TestMappingTables(t *testing.T) {
	for _, r := range EntryTypes {
		assert.True(t, bib.IsType(r.CSL), "entry type %s maps to %q, not a CSL type", r.Entry, r.CSL)
	}
	for csl, entry := range cslToEntry {
		got, record := cslType(entry)
		assert.Equal(t, csl, got, "canonical entry %s for %s", entry, csl)
		assert.False(t, record, "canonical entry %s for %s records @type", entry, csl)
	}
	wantKind := map[fieldKind][]bib.Kind{
		kindText:     {bib.KindString, bib.KindNumber},
		kindRich:     {bib.KindTitle, bib.KindString},
		kindVerbatim: {bib.KindString},
		kindNames:    {bib.KindName},
		kindDate:     {bib.KindDate},
		kindSpecial:  {bib.KindTitle, bib.KindNumber, bib.KindDate, bib.KindString},
	}
	for _, r := range FieldRules {
		k := bib.KindOf(r.Var)
		assert.Contains(t, wantKind[r.kind], k,
			"field %s -> %s: variable kind %v does not fit conversion %v", r.Field, r.Var, k, r.kind)
	}
}

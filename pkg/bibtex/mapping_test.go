package bibtex

import (
	"testing"

	"github.com/manba/manba/pkg/bib"
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
		if !bib.IsType(r.CSL) {
			t.Errorf("entry type %s maps to %q, not a CSL type", r.Entry, r.CSL)
		}
	}
	for csl, entry := range cslToEntry {
		if got, record := cslType(entry); got != csl || record {
			t.Errorf("canonical entry %s for %s reads as %s (record %v)", entry, csl, got, record)
		}
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
		ok := false
		for _, w := range wantKind[r.kind] {
			ok = ok || k == w
		}
		if !ok {
			t.Errorf("field %s -> %s: variable kind %v does not fit conversion %v", r.Field, r.Var, k, r.kind)
		}
	}
}

package csljson

import (
	"bytes"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Forms and calendar dates travel in the "custom" object (see bib's
// forms_json.go), so the output stays valid against the CSL schema.
func TestMultiscriptRoundTrip(t *testing.T) {
	it := bib.Item{ID: "mko", Type: "book"}
	it.Set("title", "سازمان مجاهدین خلق: پیدایی تا فرجام")
	it.Set("language", "fa")
	it.SetNames("author", []bib.Name{{Family: "رجوی", Given: "مسعود"}})
	it.SetForm("title", bib.TagRomanALALC, "Sāzmān-i Mujāhidīn-i Khalq")
	it.SetForm("title", "en", "The Mojahedin-e Khalq Organization")
	it.SetNameForm("author", 0, bib.TagRomanALALC, bib.Name{Family: "Rajavī", Given: "Masʻūd"})
	d, _, ok := bib.CalendarDate("Ramadan 1422", calendar.Gregorian)
	require.True(t, ok)
	it.SetDate("issued", d)
	it.Custom = map[string][]byte{"custom": []byte(`{"sources":{"title":["seed"]}}`)}

	var buf bytes.Buffer
	_, err := Encode(&buf, []bib.Item{it}, EncodeOptions{})
	require.NoError(t, err)
	assert.Empty(t, Validate("out.json", buf.Bytes()), buf.String())
	assert.Contains(t, buf.String(), `"lunar-hijri"`)

	items, diags := Decode("out.json", buf.Bytes())
	require.Len(t, items, 1)
	assert.Empty(t, diags)
	assert.True(t, it.Equal(items[0]), buf.String())
	assert.Equal(t, "1422 AH/2001", items[0].Dates["issued"].DualYear())
}

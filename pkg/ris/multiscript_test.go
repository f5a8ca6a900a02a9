package ris

import (
	"bytes"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMultiscriptRoundTrip(t *testing.T) {
	it := bib.Item{ID: "rajavi1385", Type: "book"}
	it.Set("title", "سازمان مجاهدین خلق: پیدایی تا فرجام")
	it.Set("language", "fa")
	it.Set("note", "A summary of the three volumes.")
	it.SetNames("author", []bib.Name{{Family: "رجوی", Given: "مسعود"}})
	it.SetForm("title", bib.TagRomanALALC, "Sāzmān-i Mujāhidīn-i Khalq: Paydāyī tā Farjām")
	it.SetForm("title", "en", "The Mojahedin-e Khalq Organization: Origin to Fate")
	it.SetForm("publisher", "fa-Latn-x-common", "Institute for Political Studies and Research")
	it.SetNameForm("author", 0, bib.TagRomanALALC, bib.Name{Family: "Rajavī", Given: "Masʻūd"})
	d, _, ok := bib.CalendarDate("15 Khordad 1385", calendar.Gregorian)
	require.True(t, ok)
	it.SetDate("issued", d)

	var buf bytes.Buffer
	_, err := Encode(&buf, []bib.Item{it}, EncodeOptions{})
	require.NoError(t, err)
	out := buf.String()
	assert.Contains(t, out, "TT  - The Mojahedin-e Khalq Organization: Origin to Fate")
	assert.Contains(t, out, "N1  - issued [solar-hijri]: 15 Khordad 1385")
	assert.Contains(t, out, "DA  - 2006/06/05")

	items, diags := Decode("t.ris", buf.Bytes())
	require.Len(t, items, 1)
	assert.Empty(t, diags, out)
	back := items[0]
	assert.Equal(t, it.Forms, back.Forms, out)
	assert.Equal(t, it.Dates, back.Dates, out)
	assert.Equal(t, "A summary of the three volumes.", back.Get("note"))
}

// A Persian record's PY 1380 is the Solar Hijri year (2001/02), not 1380 AD.
func TestPersianYearIsSolarHijri(t *testing.T) {
	items, diags := Decode("t.ris", []byte("TY  - BOOK\r\nAU  - رجوی, مسعود\r\nTI  - تاریخ\r\nPY  - 1380\r\nER  - \r\n"))
	require.Len(t, items, 1)
	d := items[0].Dates["issued"]
	assert.Equal(t, "solar-hijri", d.Calendar)
	assert.Equal(t, 2001, d.From.Year)
	assert.Equal(t, "1380/2001", d.DualYear())
	assert.Equal(t, "rajavi2001", items[0].ID, "the romanized name and the Gregorian year make the ID, as in citekey")
	require.Len(t, diags, 1)
	assert.Contains(t, diags[0].Error(), "t.ris:1:1")
}

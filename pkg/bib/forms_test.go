package bib

import (
	"encoding/json"
	"testing"

	"github.com/manba/manba/pkg/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func persianBook(t *testing.T) Item {
	t.Helper()
	it := Item{ID: "rajavi1380", Type: "book"}
	it.Set("title", "سازمان مجاهدین خلق")
	it.Set("language", "fa")
	it.SetNames("author", []Name{{Family: "رجوی", Given: "مسعود"}, {Literal: "سازمان"}})
	it.SetForm("title", "fa-latn-ALALC97", "Sāzmān-i Mujāhidīn-i Khalq")
	it.SetForm("title", "en", "The People's Mojahedin Organization")
	it.SetNameForm("author", 0, TagRomanALALC, Name{Family: "Rajavī", Given: "Masʻūd"})
	d, warns, ok := CalendarDate("۱۳۸۰ ش", calendar.Gregorian)
	require.True(t, ok)
	require.Empty(t, warns)
	it.SetDate("issued", d)
	it.Custom = map[string][]byte{"custom": []byte(`{"sources":{"title":["x"]}}`)}
	return it
}

func TestFormsJSONRoundTrip(t *testing.T) {
	it := persianBook(t)
	b, err := json.Marshal(it)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"issued":{"date-parts":[[2001]]}`)
	assert.Contains(t, string(b), `"original-dates":{"issued":{"calendar":"solar-hijri","text":"۱۳۸۰ ش"}}`)
	assert.Contains(t, string(b), `"_keys":{"title":{"en":"The People's Mojahedin Organization","fa-Latn-alalc97":"Sāzmān-i Mujāhidīn-i Khalq"}}`)
	var back Item
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, it.Equal(back), "%s", b)
	assert.Equal(t, "Rajavī", back.Forms.Names["author"][0][TagRomanALALC].Family)
	assert.JSONEq(t, `{"sources":{"title":["x"]}}`, string(back.Custom["custom"]))
}

func TestCSLMMultiRead(t *testing.T) {
	var it Item
	require.NoError(t, json.Unmarshal([]byte(`{"id":"a","type":"book","title":"x","multi":{"main":{"title":"fa"},"_keys":{"title":{"en":"X"}}}}`), &it))
	assert.Equal(t, "X", it.Form("title", "en"))
	assert.NotContains(t, it.Custom, "multi")
}

func TestCanonicalTag(t *testing.T) {
	for in, want := range map[string]string{
		"fa-latn-alalc97": "fa-Latn-alalc97", "EN": "en", "ar-latn-x-ijmes": "ar-Latn-x-ijmes",
		"fa_ir": "fa-IR", "en-us-x-ab": "en-US-x-ab",
	} {
		assert.Equal(t, want, CanonicalTag(in), in)
	}
}

func TestResolveCalendars(t *testing.T) {
	tests := []struct {
		name     string
		lang     string
		title    string
		date     Date
		calendar string
		want     DateParts
		dual     string
	}{
		{"Persian item, bare year", "fa", "x", Date{From: DateParts{Year: 1380}}, "solar-hijri", DateParts{Year: 2001}, "1380/2001"},
		{"Persian title, no language", "", "تاریخ ایران", Date{From: DateParts{Year: 1380}}, "solar-hijri", DateParts{Year: 2001}, "1380/2001"},
		{"Arabic item, bare year", "ar", "x", Date{From: DateParts{Year: 1422}}, "lunar-hijri", DateParts{Year: 2001}, "1422 AH/2001"},
		{"Persian item, full date", "fa", "x", Date{From: DateParts{Year: 1380, Month: 3, Day: 15}}, "solar-hijri", DateParts{Year: 2001, Month: 6, Day: 5}, "1380/2001"},
		{"literal with era mark", "en", "x", Date{Literal: "1422 AH"}, "lunar-hijri", DateParts{Year: 2001}, "1422 AH/2001"},
		{"literal range", "fa", "x", Date{Literal: "۱۳۴۴–۱۳۸۴"}, "solar-hijri", DateParts{Year: 1965}, "1344–1384/1965–2005"},
		{"English item keeps 1380", "en", "x", Date{From: DateParts{Year: 1380}}, "", DateParts{Year: 1380}, "1380"},
		{"Persian item, Gregorian year", "fa", "x", Date{From: DateParts{Year: 2005}}, "", DateParts{Year: 2005}, "2005"},
	}
	for _, tc := range tests {
		it := Item{ID: "x"}
		it.Set("language", tc.lang)
		it.Set("title", tc.title)
		it.SetDate("issued", tc.date)
		msgs := ResolveCalendars(&it)
		d := it.Dates["issued"]
		assert.Equal(t, tc.calendar, d.Calendar, tc.name)
		assert.Equal(t, tc.want, d.From, tc.name)
		assert.Equal(t, tc.dual, d.DualYear(), tc.name)
		if tc.calendar != "" && tc.date.Literal == "" {
			assert.Len(t, msgs, 1, tc.name) // a guessed year is reported
		} else {
			assert.Empty(t, msgs, tc.name)
		}
	}
}

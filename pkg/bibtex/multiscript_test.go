package bibtex

import (
	"bytes"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func multiscriptItem(t *testing.T) bib.Item {
	t.Helper()
	it := bib.Item{ID: "rajavi1380", Type: "book"}
	it.Set("title", "سازمان مجاهدین خلق: پیدایی تا فرجام")
	it.Set("publisher", "مؤسسه مطالعات و پژوهشهای سیاسی")
	it.Set("language", "fa")
	it.SetNames("author", []bib.Name{{Family: "رجوی", Given: "مسعود"}, {Family: "Smith", Given: "Jane"}})
	it.SetForm("title", bib.TagRomanALALC, "Sāzmān-i Mujāhidīn-i Khalq: Paydāyī tā Farjām")
	it.SetForm("title", "en", "The Mojahedin-e Khalq Organization: Origin to Fate & After")
	it.SetForm("publisher", bib.TagRomanALALC, "Muʼassasah-ʼi Muṭālaʻāt va Pizhūhishhā-yi Siyāsī")
	it.SetNameForm("author", 0, bib.TagRomanALALC, bib.Name{Family: "Rajavī", Given: "Masʻūd"})
	d, _, ok := bib.CalendarDate("۱۳۸۵ ش", calendar.Gregorian)
	require.True(t, ok)
	it.SetDate("issued", d)
	return it
}

func TestMultiscriptRoundTrip(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		it := multiscriptItem(t)
		var buf bytes.Buffer
		require.NoError(t, Encode(&buf, []bib.Item{it}, EncodeOptions{ASCII: ascii}))
		out := buf.String()
		assert.Contains(t, out, "issued_calendar = {solar-hijri}")
		assert.Contains(t, out, "title_fa-latn-alalc97 = ")
		assert.Contains(t, out, "author_fa-latn-alalc97 = ")
		items, diags := Decode("t.bib", buf.Bytes(), DecodeOptions{})
		require.Len(t, items, 1, out)
		assert.Empty(t, diags, out)
		back := items[0]
		assert.Equal(t, it.Forms, back.Forms, out)
		assert.Equal(t, it.Dates, back.Dates, out)
		assert.Empty(t, back.Extra, out)
	}
}

func TestPersianYearIsSolarHijri(t *testing.T) {
	src := []byte("@book{a, author = {رجوی, مسعود}, title = {کتاب}, year = {1380}}\n")
	items, diags := Decode("t.bib", src, DecodeOptions{})
	require.Len(t, items, 1)
	d := items[0].Dates["issued"]
	assert.Equal(t, "solar-hijri", d.Calendar)
	assert.Equal(t, 2001, d.From.Year)
	require.Len(t, diags, 1)
	assert.Contains(t, diags[0].Error(), "t.bib:1:1")
	assert.Contains(t, diags[0].Error(), "read as solar-hijri")
}

// TestIssueDateIsNotAFormOfIssue: a field name's suffix makes a form only
// when it is a BCP 47 tag; ACM's issue_date is a field of its own.
func TestIssueDateIsNotAFormOfIssue(t *testing.T) {
	src := []byte("@article{a, title = {T}, issue = {3}, issue_date = {Fall 1999}, title_short = {S}, title_en = {E}, title_x-acm = {X}}\n")
	items, diags := Decode("t.bib", src, DecodeOptions{})
	require.Len(t, items, 1)
	assert.Empty(t, diags)
	it := items[0]
	assert.Equal(t, map[string]string{"issue_date": "Fall 1999", "title_short": "S"}, it.Extra)
	assert.Equal(t, map[string]map[string]string{"title": {"en": "E", "x-acm": "X"}}, it.Forms.Vars)

	var buf bytes.Buffer
	require.NoError(t, Encode(&buf, items, EncodeOptions{}))
	back, _ := Decode("t.bib", buf.Bytes(), DecodeOptions{})
	require.Len(t, back, 1)
	assert.True(t, it.Equal(back[0]), buf.String())
}

package csl

import (
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/calendar"
	"github.com/manba/manba/pkg/names"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func hijriItems(t *testing.T) []bib.Item {
	t.Helper()
	mk := func(id, title, roman, tr, date string) bib.Item {
		it := bib.Item{ID: id, Type: "book"}
		it.Set("title", title)
		it.Set("language", "fa")
		it.SetNames("author", []bib.Name{{Family: "رجوی", Given: "مسعود"}})
		it.SetForm("title", names.ALALC.Tag("fa"), roman)
		it.SetForm("title", "en", tr)
		d, _, ok := bib.CalendarDate(date, calendar.Gregorian)
		require.True(t, ok, date)
		it.SetDate("issued", d)
		return it
	}
	return []bib.Item{
		mk("b", "نمونهٔ دوم", "Nimūnah-ʼi duvvum", "Second sample", "1380 ش"),
		mk("a", "نمونه", "Nimūnah", "Sample", "۱۳۸۰"),
		mk("c", "مثال", "Mithāl", "Example", "1422 AH"),
		mk("d", "قدیم", "Qadīm", "Old", "1379 ش"),
	}
}

func TestHijriCitations(t *testing.T) {
	st, err := LoadStyle("chicago-author-date")
	require.NoError(t, err)
	tests := []struct {
		opts Options
		want string
	}{
		{Options{}, "(Rajavī 1379/2000, 1380/2001a, 1422 AH/2001, 1380/2001b)"},
		// One calendar: the three 2001 items take suffixes in title order (Mithāl, Nimūnah, Nimūnah-ʼi duvvum).
		{Options{Calendars: CalendarsGregorian}, "(Rajavī 2000, 2001b, 2001a, 2001c)"},
		{Options{Calendars: CalendarsOriginal, Romanize: names.IJMES}, "(Rajavi 1379, 1380a, 1422 AH, 1380b)"},
		{Options{Scripts: ScriptsOriginal}, "(رجوی 1379/2000, 1380/2001a, 1422 AH/2001, 1380/2001b)"},
	}
	for _, tc := range tests {
		p := NewProcessorOptions(st, "en-US", hijriItems(t), tc.opts)
		got := p.Cite([]Cite{{ID: "d"}, {ID: "a"}, {ID: "c"}, {ID: "b"}}, Text)
		assert.Equal(t, tc.want, got, "%+v", tc.opts)
	}
}

// Sorting follows the Gregorian dates: 1379 SH (2000) first, then the
// three 2001 items by title.
func TestHijriBibliographyOrder(t *testing.T) {
	st, err := LoadStyle("apa")
	require.NoError(t, err)
	p := NewProcessorOptions(st, "en-US", hijriItems(t), Options{})
	got := p.BibliographyString(Text)
	assert.Equal(t, "Rajavī, M. (1379/2000). Qadīm [Old].\n"+
		"Rajavī, M. (1422 AH/2001). Mithāl [Example].\n"+
		"Rajavī, M. (1380/2001a). Nimūnah [Sample].\n"+
		"Rajavī, M. (1380/2001b). Nimūnah-ʼi duvvum [Second sample].", got)
}

// A style in the item's language shows the original script by default.
func TestScriptsAutoFollowsTheLocale(t *testing.T) {
	st, err := LoadStyle("apa")
	require.NoError(t, err)
	p := NewProcessorOptions(st, "fa-IR", hijriItems(t)[:1], Options{})
	assert.Contains(t, p.BibliographyString(Text), "نمونهٔ دوم")
}

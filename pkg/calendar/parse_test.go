package calendar

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	sh := func(y, m, d int) Date { return Date{SolarHijri, y, m, d} }
	ah := func(y, m, d int) Date { return Date{LunarHijri, y, m, d} }
	tests := []struct {
		text  string
		def   System
		want  Date
		gloss []int
	}{
		{"1380", SolarHijri, sh(1380, 0, 0), nil},
		{"1380", Gregorian, Date{Gregorian, 1380, 0, 0}, nil},
		{"۱۳۸۰", Gregorian, sh(1380, 0, 0), nil},
		{"١٤٢٢", LunarHijri, ah(1422, 0, 0), nil},
		{"1380 ش", Gregorian, sh(1380, 0, 0), nil},
		{"۱۳۸۰ هـ.ش", Gregorian, sh(1380, 0, 0), nil},
		{"1380 ه‍.ش.", Gregorian, sh(1380, 0, 0), nil},
		{"1380 SH", Gregorian, sh(1380, 0, 0), nil},
		{"1380 S.H.", Gregorian, sh(1380, 0, 0), nil},
		{"1380ش", Gregorian, sh(1380, 0, 0), nil},
		{"۱۳۸۰ هجری شمسی", Gregorian, sh(1380, 0, 0), nil},
		{"خرداد ۱۳۸۰", Gregorian, sh(1380, 3, 0), nil},
		{"۱۵ خرداد ۱۳۸۰", Gregorian, sh(1380, 3, 15), nil},
		{"15 Khordad 1380", Gregorian, sh(1380, 3, 15), nil},
		{"15 Khurdād 1380", Gregorian, sh(1380, 3, 15), nil},
		{"Ordībehesht 1380", Gregorian, sh(1380, 2, 0), nil},
		{"22 Bahman 1357", Gregorian, sh(1357, 11, 22), nil},
		{"1380/03/15", SolarHijri, sh(1380, 3, 15), nil},
		{"۱۳۸۰/۳/۱۵", Gregorian, sh(1380, 3, 15), nil},
		{"15/3/1380", SolarHijri, sh(1380, 3, 15), nil},
		{"1 Hamal 1380", Gregorian, sh(1380, 1, 1), nil},
		{"1422 AH", Gregorian, ah(1422, 0, 0), nil},
		{"1422 A.H.", Gregorian, ah(1422, 0, 0), nil},
		{"1422 هـ", Gregorian, ah(1422, 0, 0), nil},
		{"١٤٢٢ هـ", Gregorian, ah(1422, 0, 0), nil},
		{"1422 ق", Gregorian, ah(1422, 0, 0), nil},
		{"۱۴۲۲ هـ.ق", Gregorian, ah(1422, 0, 0), nil},
		{"Ramadan 1422", Gregorian, ah(1422, 9, 0), nil},
		{"Ramaḍān 1422", Gregorian, ah(1422, 9, 0), nil},
		{"رمضان ١٤٢٢", Gregorian, ah(1422, 9, 0), nil},
		{"12 Rabi' al-Awwal 1422", Gregorian, ah(1422, 3, 12), nil},
		{"Rabīʿ II 1422", Gregorian, ah(1422, 4, 0), nil},
		{"Jumada al-Akhira 1422", Gregorian, ah(1422, 6, 0), nil},
		{"10 Dhu al-Hijjah 1422", Gregorian, ah(1422, 12, 10), nil},
		{"Dhu'l-Qa'da 1422", Gregorian, ah(1422, 11, 0), nil},
		{"ذی‌الحجه ۱۴۲۲", Gregorian, ah(1422, 12, 0), nil},
		{"ذو القعدة 1422", Gregorian, ah(1422, 11, 0), nil},
		{"2001 م", SolarHijri, Date{Gregorian, 2001, 0, 0}, nil},
		{"1380 [2001 or 2002]", Gregorian, sh(1380, 0, 0), []int{2001, 2002}},
		{"1380 [2001 or 2]", Gregorian, sh(1380, 0, 0), []int{2001, 2002}},
		{"1422 [2001 or 2002]", Gregorian, ah(1422, 0, 0), []int{2001, 2002}},
		{"1380/2001", Gregorian, sh(1380, 0, 0), []int{2001}},
		{"1380 ش [2001]", Gregorian, sh(1380, 0, 0), []int{2001}},
		{"1422 AH/2001", Gregorian, ah(1422, 0, 0), []int{2001}},
		{"۱۳۸۰ [۲۰۰۱ یا ۲۰۰۲]", Gregorian, sh(1380, 0, 0), []int{2001, 2002}},
	}
	for _, tc := range tests {
		p, warns, ok := Parse(tc.text, tc.def)
		require.True(t, ok, tc.text)
		assert.Empty(t, warns, tc.text)
		assert.Equal(t, tc.want, p.Date, tc.text)
		assert.Equal(t, tc.gloss, p.Gloss, tc.text)
	}
}

func TestParseWarnings(t *testing.T) {
	tests := []struct {
		text   string
		ok     bool
		want   Date
		offset int
		msg    string
	}{
		{"1380/13/01", true, Date{SolarHijri, 1380, 0, 0}, 5, "month 13"},
		{"1380/01/32", true, Date{SolarHijri, 1380, 1, 0}, 8, "day 32"},
		{"32 Khordad 1380", true, Date{SolarHijri, 1380, 3, 0}, 0, "day 32"},
		{"30 Esfand 1402", true, Date{SolarHijri, 1402, 12, 0}, 0, "day 30"},
		{"0 SH", false, Date{}, 0, "year 0"},
		{"۰ هـ.ش", false, Date{}, 0, "year 0"},
		{"1380 [1999]", true, Date{SolarHijri, 1380, 0, 0}, 6, "does not match"},
		{"Ramadan 1380 SH", true, Date{SolarHijri, 1380, 0, 0}, 0, "not a month of the solar-hijri"},
		{"Spring 1380", true, Date{SolarHijri, 1380, 0, 0}, 0, "unknown word"},
		{"Khordad", false, Date{}, 0, "no year"},
		{"1 2 3 4", false, Date{}, 6, "too many numbers"},
		{"1234567 SH", false, Date{}, 0, "too long"},
	}
	for _, tc := range tests {
		p, warns, ok := Parse(tc.text, SolarHijri)
		assert.Equal(t, tc.ok, ok, tc.text)
		if tc.ok {
			assert.Equal(t, tc.want, p.Date, tc.text)
		}
		require.NotEmpty(t, warns, tc.text)
		assert.Equal(t, tc.offset, warns[0].Offset, tc.text)
		assert.Contains(t, warns[0].Msg, tc.msg, tc.text)
	}
}

func TestParseRange(t *testing.T) {
	p, warns, ok := Parse("۱۳۴۴–۱۳۸۴ ش", Gregorian)
	require.True(t, ok)
	assert.Empty(t, warns)
	assert.Equal(t, Date{SolarHijri, 1344, 0, 0}, p.Date)
	assert.Equal(t, Date{SolarHijri, 1384, 0, 0}, p.End)

	p, warns, ok = Parse("1384-1344 SH", Gregorian)
	require.True(t, ok)
	assert.Zero(t, p.End)
	require.Len(t, warns, 1)
	assert.Equal(t, 5, warns[0].Offset)
	assert.Contains(t, warns[0].Msg, "before it starts")
}

func TestParseNothing(t *testing.T) {
	for _, s := range []string{"", "n.d.", "   "} {
		_, _, ok := Parse(s, Gregorian)
		assert.False(t, ok, s)
	}
}

func TestWordTablesDoNotClash(t *testing.T) {
	assert.Empty(t, meaningClashes)
}

package calendar

import (
	"strings"
	"unicode"
)

// wordKind says what a word of a date text means.
type wordKind int

const (
	monthWord   wordKind = iota + 1 // a month name of System
	eraWord                         // an era mark ("ش", "AH", "م") naming System
	orWord                          // "or" between two Gregorian years ("2001 or 2002")
	weekdayWord                     // a day of the week, which adds nothing to the date
)

type wordMeaning struct {
	kind   wordKind
	system System
	month  int
}

// monthNames lists month names by calendar, month by month, in Persian and
// Arabic script and the usual romanizations (ALA-LC, IJMES, EI, common
// English). Spellings that differ only by long-vowel marks, apostrophes,
// hyphens, spaces, o/u, e/i or w/v need not be listed: fold removes those
// differences.
var monthNames = map[System][12][]string{
	SolarHijri: {
		{"فروردین", "Farvardin", "Farwardin", "حمل", "Hamal"},
		{"اردیبهشت", "Ordibehesht", "Ardibehesht", "ثور", "Sawr", "Saur", "Sowr"},
		{"خرداد", "Khordad", "Khurdad", "جوزا", "جوزاء", "Jawza", "Jauza", "Jowza"},
		{"تیر", "Tir", "سرطان", "Saratan"},
		{"مرداد", "امرداد", "Mordad", "Amordad", "اسد", "Asad"},
		{"شهریور", "Shahrivar", "Shahrewar", "سنبله", "Sunbula", "Sonbola", "Sunbulah"},
		{"مهر", "Mehr", "میزان", "Mizan"},
		{"آبان", "Aban", "عقرب", "Aqrab", "Aghrab"},
		{"آذر", "Azar", "Adhar", "Azer", "قوس", "Qaws", "Qaus", "Qows"},
		{"دی", "Dey", "Day", "Dei", "جدی", "Jadi", "Jaddi"},
		{"بهمن", "Bahman", "دلو", "Dalw", "Dalv", "Dalu"},
		{"اسفند", "Esfand", "Espand", "حوت", "Hut", "Hoot"},
	},
	LunarHijri: {
		{"محرم", "Muharram", "Muharam", "Muh."},
		{"صفر", "Safar", "Saf."},
		{"ربیع الاول", "ربیع الاولی", "Rabi al-Awwal", "Rabi ul-Awwal", "Rabi I", "Rabi al-Aval", "Rabi ol-Avval", "Rab. I"},
		{"ربیع الثانی", "ربیع الاخر", "ربیع الآخر", "Rabi al-Thani", "Rabi al-Akhir", "Rabi ul-Akhir", "Rabi II", "Rabi al-Sani", "Rabi os-Sani", "Rabi us-Sani", "Rabi ul-Thani", "Rabi al-Akhar", "Rab. II"},
		{"جمادی الاولی", "جمادی الاول", "Jumada al-Ula", "Jumada al-Awwal", "Jumada al-Uwla", "Jumada I", "Jamadi al-Avval", "Jumada al-Oula", "Jumadi al-Awwal", "Jumada ul-Awwal", "Jum. I"},
		{"جمادی الثانیه", "جمادی الثانی", "جمادی الآخره", "جمادی الاخره", "جمادی الاخر", "Jumada al-Akhira", "Jumada al-Akhirah", "Jumada al-Thaniya", "Jumada al-Thani", "Jumada II", "Jamadi al-Sani", "Jamadi os-Sani", "Jumada al-Ukhra", "Jumadi al-Thani", "Jumada ul-Akhir", "Jum. II"},
		{"رجب", "Rajab", "Raj."},
		{"شعبان", "Shaban", "Shaaban", "Sha."},
		{"رمضان", "Ramadan", "Ramazan", "Ramadhan", "Ramzan", "Ram."},
		{"شوال", "Shawwal", "Shawal", "Shaw."},
		dhuMonth("القعده", "قعده", "Qada", "Qadah", "Qida", "Qidah", "Qaada", "Qaadah", "Q."),
		dhuMonth("الحجه", "حجه", "Hijja", "Hijjah", "Hija", "Hijah", "Hajja", "Hajjah", "H."),
	},
}

// dhuMonth spells the last two Lunar Hijri months with every usual form of
// their first word: Arabic ذو/ذي and romanized Dhu/Dhi/Zi/Zu with or without
// the article (Dhu al-Hijja, Dhu'l-Hijjah, Zi al-Hijja, Zilhijja, Dhul Hijja).
func dhuMonth(articleStem, bareStem string, stems ...string) []string {
	out := []string{"ذو " + articleStem, "ذی " + articleStem, "ذي " + articleStem, "ذی" + bareStem}
	for _, p := range []string{"Dhu al-", "Dhu'l-", "Dhul ", "Dhi al-", "Dhil ", "Zi al-", "Zil ", "Zu al-", "Zul ", "Dhu ", "Zi "} {
		for _, s := range stems {
			out = append(out, p+s)
		}
	}
	return out
}

// eraNames lists marks of a calendar written after (or before) a year.
var eraNames = map[System][]string{
	SolarHijri: {"ش", "هـ.ش", "ه.ش", "هجری شمسی", "شمسی", "خورشیدی", "هجری خورشیدی", "هـ.خ",
		"SH", "S.H.", "HS", "H.Sh.", "AP", "shamsi", "solar hijri", "hijri shamsi", "solar"},
	LunarHijri: {"ق", "هـ.ق", "ه.ق", "هـ", "ه", "هجری قمری", "قمری", "هجری", "هجریه",
		"AH", "A.H.", "H", "H.Q.", "HQ", "hijri", "lunar hijri", "hijri qamari", "qamari", "lunar"},
	Gregorian: {"م", "میلادی", "مسیحی", "AD", "A.D.", "CE", "C.E.", "miladi", "gregorian"},
}

var orNames = []string{"or", "یا", "أو", "او", "ou", "oder"}

// weekdayNames are days of the week in English, Persian and Arabic, which
// dates often carry ("Wednesday, Dey 13, 1278 AP", "الأربعاء، 1 رمضان 1317 هـ").
var weekdayNames = []string{
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.",
	"شنبه", "یکشنبه", "یک‌شنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "پنج‌شنبه", "جمعه", "آدینه",
	"السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
}

// meanings maps folded words to what they mean; built once from the tables.
var meanings, meaningClashes = buildMeanings()

func buildMeanings() (map[string]wordMeaning, []string) {
	m := map[string]wordMeaning{}
	var clashes []string
	add := func(w string, v wordMeaning) {
		k := fold(w)
		if old, ok := m[k]; ok && old != v {
			clashes = append(clashes, w)
			return
		}
		m[k] = v
	}
	for _, s := range []System{SolarHijri, LunarHijri} {
		for i, names := range monthNames[s] {
			for _, n := range names {
				add(n, wordMeaning{monthWord, s, i + 1})
			}
		}
	}
	for _, s := range []System{Gregorian, SolarHijri, LunarHijri} {
		for _, n := range eraNames[s] {
			add(n, wordMeaning{kind: eraWord, system: s})
		}
	}
	for _, n := range orNames {
		add(n, wordMeaning{kind: orWord})
	}
	for _, n := range weekdayNames {
		add(n, wordMeaning{kind: weekdayWord})
	}
	return m, clashes
}

// foldMap turns romanization marks and Arabic letter variants into one form.
var foldMap = map[rune]string{
	'ā': "a", 'á': "a", 'â': "a", 'à': "a", 'ī': "i", 'í': "i", 'î': "i", 'ū': "u", 'ú': "u", 'û': "u",
	'ē': "i", 'é': "i", 'ō': "u", 'ó': "u", 'ḥ': "h", 'ṣ': "s", 'ḍ': "d", 'ṭ': "t", 'ẓ': "z", 'ż': "z",
	'ẕ': "z", 'ṡ': "s", 'ẖ': "h", 'š': "sh", 'ž': "zh", 'č': "ch", 'ġ': "gh", 'ḏ': "dh", 'ṯ': "th",
	'ḵ': "kh", 'e': "i", 'o': "u", 'w': "v",
	'ي': "ی", 'ى': "ی", 'ئ': "ی", 'ك': "ک", 'أ': "ا", 'إ': "ا", 'آ': "ا", 'ٱ': "ا", 'ة': "ه", 'ۀ': "ه",
	'ؤ': "و", 'ە': "ه",
}

// fold returns the comparison form of a word: lower case, without long-vowel
// marks, apostrophes, ayn/hamza signs, hyphens, dots, spaces, tatweel, zero
// width joiners or Arabic vowel signs, with o/u, e/i and w/v merged and the
// Arabic and Persian forms of a letter made one.
func fold(s string) string {
	var b strings.Builder
	for _, r := range romanNumerals(strings.ToLower(s)) {
		switch {
		case unicode.IsSpace(r) || unicode.Is(unicode.Mn, r) || isJoiner(r) || strings.ContainsRune("'’‘ʿʻʾ`´-‐.ـ", r):
			continue
		}
		if f, ok := foldMap[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// romanNumerals writes a trailing word "I" or "II" as a digit, so that
// "Rabi I" and "Rab. II" stay apart once spaces and dots are gone.
func romanNumerals(s string) string {
	i := strings.LastIndexAny(s, " .")
	if i < 0 {
		return s
	}
	switch s[i+1:] {
	case "i":
		return s[:i+1] + "1"
	case "ii":
		return s[:i+1] + "2"
	}
	return s
}

func isJoiner(r rune) bool { return r == '\u200c' || r == '\u200d' || r == '\u200f' || r == '\u200e' }

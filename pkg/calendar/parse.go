package calendar

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Warning is a problem in a date text, at a byte offset of the text.
type Warning struct {
	Offset int
	Msg    string
}

func (w Warning) Error() string { return fmt.Sprintf("at byte %d: %s", w.Offset, w.Msg) }

// Parsed is what Parse read from a date text.
type Parsed struct {
	Date Date
	// Gloss holds the Gregorian years the text gave beside a Hijri date, as
	// in "1380 [2001 or 2002]" or "1380/2001".
	Gloss []int
	// End is the last year of a range of years ("1380–1382"); zero when
	// the text gives one date.
	End Date
}

// maxDateText bounds the text Parse looks at; dates are short.
const maxDateText = 256

type tokenKind int

const (
	numberToken tokenKind = iota + 1
	wordToken
	punctToken
)

type token struct {
	kind    tokenKind
	text    string
	offset  int
	value   int  // numberToken: its value
	digits  int  // numberToken: how many digits
	persian bool // numberToken: written with Persian digits
	inGloss bool // inside brackets
	dashed  bool // numberToken: follows a number and a dash ("1380–1382")
}

// digitValue returns the value of an ASCII, Arabic-Indic or Persian digit.
func digitValue(r rune) (v int, persian, ok bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), false, true
	case r >= '٠' && r <= '٩':
		return int(r - '٠'), false, true
	case r >= '۰' && r <= '۹':
		return int(r - '۰'), true, true
	}
	return 0, false, false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || isJoiner(r) || strings.ContainsRune("'’‘ʿʻʾ`´", r)
}

// tokenize splits a date text into numbers, words (which may hold inner dots
// and hyphens: "S.H.", "al-Awwal", "هـ.ش") and single punctuation marks.
func tokenize(s string) []token {
	var toks []token
	depth := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || r == utf8.RuneError:
			i += n
		case isDigit(r):
			t := token{kind: numberToken, offset: i, inGloss: depth > 0}
			j := i
			for j < len(s) {
				r, m := utf8.DecodeRuneInString(s[j:])
				v, p, ok := digitValue(r)
				if !ok {
					break
				}
				if t.digits < 6 {
					t.value = t.value*10 + v
				}
				t.digits++
				t.persian = t.persian || p
				j += m
			}
			t.text = s[i:j]
			toks = append(toks, t)
			i = j
		case isWordRune(r):
			j := i + n
			for j < len(s) {
				r, m := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r) {
					j += m
					continue
				}
				// An inner dot or hyphen joins letters: "S.H.", "al-Awwal".
				if (r == '.' || r == '-') && j+m < len(s) {
					if next, _ := utf8.DecodeRuneInString(s[j+m:]); isWordRune(next) {
						j += m
						continue
					}
				}
				if r == '.' && j > i { // a final dot of an abbreviation
					j += m
				}
				break
			}
			toks = append(toks, token{kind: wordToken, text: s[i:j], offset: i, inGloss: depth > 0})
			i = j
		default:
			switch r {
			case '[', '(':
				depth++
			case ']', ')':
				if depth > 0 {
					depth--
				}
			}
			toks = append(toks, token{kind: punctToken, text: s[i : i+n], offset: i, inGloss: depth > 0})
			i += n
		}
	}
	return toks
}

func isDigit(r rune) bool { _, _, ok := digitValue(r); return ok }

// Parse reads a date in the Solar Hijri, Lunar Hijri or Gregorian calendar:
// a year ("1380", "۱۳۸۰"), with an era mark ("1380 ش", "1380 هـ.ش", "1380 SH",
// "1422 AH", "1422 هـ", "1422 ق", "2001 م"), a month name ("خرداد ۱۳۸۰",
// "Ramadan 1422", "15 Khordad 1380"), numbers ("1380/03/15"), and a
// Gregorian gloss ("1380 [2001 or 2002]", "1380/2001").
//
// The calendar comes from an era mark or a month name; failing those, from a
// gloss that matches only one calendar, then Persian digits (Solar Hijri),
// then def. ok is false when the text holds no usable year. A part that does
// not exist (month 13, day 32, year 0) is dropped with a warning at its
// offset, as are unknown words and glosses that do not match the date.
func Parse(text string, def System) (p Parsed, warns []Warning, ok bool) {
	if len(text) > maxDateText {
		return p, []Warning{{0, fmt.Sprintf("date text longer than %d bytes", maxDateText)}}, false
	}
	var r reader
	r.read(tokenize(text))
	return r.result(def)
}

// reader collects the parts of a date text.
type reader struct {
	nums    []token // numbers outside brackets
	gloss   []token // Gregorian years given as a gloss
	month   *token
	monthV  wordMeaning
	era     *token
	eraSys  System
	persian bool
	end     *token // last year of a range
	unknown int    // words that are neither month names nor marks
	warns   []Warning
}

func (r *reader) warn(t token, format string, args ...any) {
	r.warns = append(r.warns, Warning{t.offset, fmt.Sprintf(format, args...)})
}

func (r *reader) read(toks []token) {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case numberToken:
			t.dashed = i >= 2 && toks[i-2].kind == numberToken && strings.Contains("-–—", toks[i-1].text)
			r.persian = r.persian || t.persian
			if t.inGloss {
				r.gloss = append(r.gloss, t)
			} else {
				r.nums = append(r.nums, t)
			}
		case wordToken:
			i += r.readWords(toks, i) - 1
		}
	}
	// "1380/2001": a second year beside the first is a gloss;
	// "1380–1382" is a range.
	if len(r.nums) == 2 && r.nums[0].digits >= 3 && r.nums[1].digits >= 3 {
		if r.nums[1].dashed {
			r.end = &r.nums[1]
		} else {
			r.gloss = append(r.gloss, r.nums[1])
		}
		r.nums = r.nums[:1]
	}
}

// readWords matches the longest run of up to four words at toks[i] against
// the month and era names and returns how many tokens it used (at least 1).
func (r *reader) readWords(toks []token, i int) int {
	for n := min(4, len(toks)-i); n >= 1; n-- {
		var b strings.Builder
		all := true
		for j, t := range toks[i : i+n] {
			if t.kind != wordToken {
				all = false
				break
			}
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.text)
		}
		if !all {
			continue
		}
		m, ok := meanings[fold(b.String())]
		if !ok {
			continue
		}
		t := toks[i]
		switch m.kind {
		case monthWord:
			if r.month != nil {
				r.warn(t, "second month name %q ignored", t.text)
			} else {
				r.month, r.monthV = &t, m
			}
		case eraWord:
			if t.inGloss {
				if m.system != Gregorian {
					r.warn(t, "era %q inside a Gregorian gloss", t.text)
				}
			} else if r.era != nil && r.eraSys != m.system {
				r.warn(t, "era %q contradicts %q before it; ignored", t.text, r.era.text)
			} else {
				r.era, r.eraSys = &t, m.system
			}
		}
		return n
	}
	r.warn(toks[i], "unknown word %q in a date", toks[i].text)
	r.unknown++
	return 1
}

// system decides the calendar of the date.
func (r *reader) system(def System, year int) System {
	switch {
	case r.era != nil:
		if r.month != nil && r.monthV.system != r.eraSys {
			r.warn(*r.month, "month %q is not a month of the %s calendar named by %q; month dropped", r.month.text, r.eraSys, r.era.text)
			r.month = nil
		}
		return r.eraSys
	case r.month != nil:
		return r.monthV.system
	}
	if s, ok := r.systemFromGloss(year); ok {
		return s
	}
	if r.persian && def == Gregorian {
		return SolarHijri
	}
	return def
}

// systemFromGloss returns the one Hijri calendar whose year spans every
// Gregorian year of the gloss.
func (r *reader) systemFromGloss(year int) (System, bool) {
	if len(r.gloss) == 0 {
		return 0, false
	}
	var found []System
	for _, s := range []System{SolarHijri, LunarHijri} {
		if r.glossFits(Date{System: s, Year: year}) {
			found = append(found, s)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return 0, false
}

func (r *reader) glossFits(d Date) bool {
	first, last, err := d.Span()
	if err != nil {
		return false
	}
	for _, g := range r.glossYears() {
		if g < first.Year || g > last.Year {
			return false
		}
	}
	return true
}

// glossYears expands abbreviated second years: "2001/2" is 2001 and 2002.
func (r *reader) glossYears() []int {
	var ys []int
	for i, t := range r.gloss {
		y := t.value
		if i > 0 && t.digits < 4 && len(ys) > 0 {
			base := ys[0]
			mod := 1
			for range t.digits {
				mod *= 10
			}
			y = base - base%mod + y
			if y < base {
				y += mod
			}
		}
		ys = append(ys, y)
	}
	return ys
}

// parts assigns the numbers to year, month and day.
func (r *reader) parts() (year, month, day *token) {
	nums := r.nums
	if r.month != nil {
		switch len(nums) {
		case 1:
			return &nums[0], nil, nil
		case 2:
			if isYearLike(nums[0]) && !isYearLike(nums[1]) {
				return &nums[0], nil, &nums[1]
			}
			return &nums[1], nil, &nums[0]
		}
	}
	switch len(nums) {
	case 1:
		return &nums[0], nil, nil
	case 2: // 1380/03 or 03/1380
		if isYearLike(nums[1]) && !isYearLike(nums[0]) {
			return &nums[1], &nums[0], nil
		}
		return &nums[0], &nums[1], nil
	case 3: // 1380/03/15 or 15/03/1380
		if isYearLike(nums[2]) && !isYearLike(nums[0]) {
			return &nums[2], &nums[1], &nums[0]
		}
		return &nums[0], &nums[1], &nums[2]
	}
	return nil, nil, nil
}

func isYearLike(t token) bool { return t.digits >= 3 || t.value > 31 }

func (r *reader) result(def System) (Parsed, []Warning, bool) {
	if len(r.nums) > 3 || (r.month != nil && len(r.nums) > 2) {
		r.warn(r.nums[len(r.nums)-1], "too many numbers for one date")
		return Parsed{}, r.warns, false
	}
	yt, mt, dt := r.parts()
	if r.unknown > 0 && r.month == nil && (mt != nil || dt != nil) && yt != nil {
		// An unknown word may be the month ("Ram. 1, 1317"): numbers
		// beside it cannot be trusted to be a month and a day.
		r.warn(*yt, "month and day dropped: the date has a word that is not a month name")
		mt, dt = nil, nil
	}
	if yt == nil {
		if r.month != nil || r.era != nil {
			r.warns = append(r.warns, Warning{0, "no year in the date"})
		}
		return Parsed{}, r.warns, false
	}
	if yt.digits > 5 {
		r.warn(*yt, "year %s is too long", yt.text)
		return Parsed{}, r.warns, false
	}
	d := Date{System: r.system(def, yt.value), Year: yt.value}
	if err := d.Check(); err != nil {
		r.warn(*yt, "%v", err)
		return Parsed{}, r.warns, false
	}
	switch {
	case r.month != nil:
		d.Month = r.monthV.month
	case mt != nil:
		d.Month = mt.value
		if err := d.Check(); err != nil {
			r.warn(*mt, "%v; month and day dropped", err)
			d.Month, dt = 0, nil
		}
	}
	if dt != nil {
		d.Day = dt.value
		if err := d.Check(); err != nil {
			r.warn(*dt, "%v; day dropped", err)
			d.Day = 0
		}
	}
	p := Parsed{Date: d, Gloss: r.glossYears()}
	if r.end != nil {
		end := Date{System: d.System, Year: r.end.value}
		switch err := end.Check(); {
		case err != nil:
			r.warn(*r.end, "%v; end of the range dropped", err)
		case end.Year < d.Year:
			r.warn(*r.end, "range ends in %d before it starts in %d; end dropped", end.Year, d.Year)
		default:
			p.End = end
		}
	}
	if len(p.Gloss) > 0 && d.System != Gregorian && !r.glossFits(Date{System: d.System, Year: d.Year}) {
		first, last, _ := Date{System: d.System, Year: d.Year}.Span()
		r.warn(r.gloss[0], "Gregorian %s does not match %d %s (%d–%d)", r.glossText(), d.Year, d.System.Abbrev(), first.Year, last.Year)
	}
	return p, r.warns, true
}

func (r *reader) glossText() string {
	var s []string
	for _, y := range r.glossYears() {
		s = append(s, fmt.Sprint(y))
	}
	return strings.Join(s, " or ")
}

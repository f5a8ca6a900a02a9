package bib

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/manba/manba/pkg/calendar"
)

// CalendarDate reads a date written in the Solar Hijri, Lunar Hijri or
// Gregorian calendar (see calendar.Parse; def is the calendar of a bare
// year) and returns it as a Date: From holds the Gregorian equivalent, the
// exact day for a full date and otherwise the Gregorian year that holds most
// of it (1380 SH → 2001), while Calendar and Original keep what the source
// wrote. A Gregorian date comes back without Calendar and Original.
func CalendarDate(text string, def calendar.System) (Date, []calendar.Warning, bool) {
	p, warns, ok := calendar.Parse(text, def)
	if !ok {
		return Date{}, warns, false
	}
	d := fromCalendar(p.Date, strings.TrimSpace(text))
	if p.End.Year != 0 && p.Date.System != calendar.Gregorian {
		d.To = DateParts{Year: p.End.GregorianYear()}
	} else if p.End.Year != 0 {
		d.To = DateParts{Year: p.End.Year}
	}
	return d, warns, true
}

func fromCalendar(c calendar.Date, original string) Date {
	if c.System == calendar.Gregorian {
		return Date{From: DateParts{Year: c.Year, Month: c.Month, Day: c.Day}}
	}
	d := Date{Calendar: c.System.String(), Original: original}
	if c.Day > 0 {
		g, _, _ := c.Span()
		d.From = DateParts{Year: g.Year, Month: g.Month, Day: g.Day}
	} else {
		d.From = DateParts{Year: c.GregorianYear()}
	}
	return d
}

// CalendarDate returns the date in the calendar the source used; ok is false
// for a Gregorian date or an Original that no longer reads.
func (d Date) CalendarDate() (calendar.Date, bool) {
	sys, known := calendar.SystemByName(d.Calendar)
	if d.Calendar == "" || !known || sys == calendar.Gregorian {
		return calendar.Date{}, false
	}
	p, _, ok := calendar.Parse(d.Original, sys)
	if !ok || p.Date.System != sys {
		return calendar.Date{}, false
	}
	return p.Date, true
}

// plausibleHijriYears are the Solar and Lunar Hijri years of printed
// publications (1830s on); a "Gregorian" year in this range in a Persian or
// Arabic item is a Hijri year misread.
const (
	minHijriYear = 1250
	maxHijriYear = 1500
)

// ResolveCalendars finds dates of the item written in a Hijri calendar and
// converts them: a literal or raw date with an era mark, a Hijri month name
// or Persian digits ("۱۳۸۰", "1380 ش", "Ramadan 1422"), and, in an item in
// Persian or Arabic (by its language or the script of its title), a year
// between 1250 and 1500 taken as Gregorian, which is read as Solar Hijri for
// Persian and Lunar Hijri for Arabic. It returns a message for each such
// guessed year and each problem in a date text, naming the variable.
func ResolveCalendars(it *Item) []string {
	if !mayBeHijri(it) {
		return nil // most items: no need to guess the item's calendar
	}
	def := itemCalendar(it)
	var msgs []string
	for _, v := range SortedKeys(it.Dates) {
		d := it.Dates[v]
		if d.Calendar != "" {
			continue
		}
		text, guessed := "", false
		switch {
		case d.From.IsZero() && d.Literal != "":
			text = d.Literal
		case d.From.IsZero() && d.Raw != "":
			text = d.Raw
		case def != calendar.Gregorian && !d.IsRange() && !d.OpenEnd &&
			d.From.Year >= minHijriYear && d.From.Year <= maxHijriYear:
			text = d.From.String()
			if d.From.Month > 0 {
				text = strings.ReplaceAll(text, "-", "/")
			}
			guessed = true
		default:
			continue
		}
		nd, warns, ok := CalendarDate(text, def)
		if !ok || nd.Calendar == "" {
			continue // not a Hijri date: the literal stays as it was
		}
		for _, w := range warns {
			msgs = append(msgs, fmt.Sprintf("%s %q: %s", v, text, w.Msg))
		}
		nd.Circa = d.Circa
		it.SetDate(v, nd)
		if guessed {
			msgs = append(msgs, fmt.Sprintf("%s %q of an item in %s read as %s, %s", v, text, langName(def), nd.Calendar, nd.From))
		}
	}
	return msgs
}

// mayBeHijri reports whether ResolveCalendars could change a date of the
// item: one without a calendar that is text, or a single year in the Hijri
// range. It runs per item read, so it looks at no text.
func mayBeHijri(it *Item) bool {
	for _, d := range it.Dates {
		if d.Calendar != "" {
			continue
		}
		if d.From.IsZero() && (d.Literal != "" || d.Raw != "") ||
			!d.IsRange() && !d.OpenEnd && d.From.Year >= minHijriYear && d.From.Year <= maxHijriYear {
			return true
		}
	}
	return false
}

// itemCalendar guesses the calendar of the item's bare years from its
// language, or failing that from the script of its title: Solar Hijri for
// Persian (and Dari, Tajik), Lunar Hijri for Arabic.
func itemCalendar(it *Item) calendar.System {
	lang := strings.ToLower(it.Get("language"))
	if tag, _, _ := strings.Cut(lang, "-"); tag != "" {
		lang = tag
	}
	switch lang {
	case "fa", "fas", "per", "persian", "farsi", "prs", "dari":
		return calendar.SolarHijri
	case "ar", "ara", "arabic":
		return calendar.LunarHijri
	case "":
		return scriptCalendar(it.Get("title"))
	}
	return calendar.Gregorian
}

// scriptCalendar tells Persian from Arabic text by the letters only Persian
// uses (پ چ ژ گ and Persian kaf and yeh).
func scriptCalendar(s string) calendar.System {
	arabic := false
	for _, r := range s {
		if strings.ContainsRune("پچژگکی", r) {
			return calendar.SolarHijri
		}
		if unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
			arabic = true
		}
	}
	if arabic {
		return calendar.LunarHijri
	}
	return calendar.Gregorian
}

// DualYear returns the year of a date as style guides for Middle East
// studies print it: "1380/2001" for Solar Hijri, "1422 AH/2001" with
// lunar set for Lunar Hijri, or the Gregorian year alone. It returns "" for a
// date without a year.
func (d Date) DualYear() string {
	if d.From.Year == 0 {
		return ""
	}
	g := strconv.Itoa(d.From.Year)
	if d.IsRange() {
		g += "–" + strconv.Itoa(d.To.Year)
	}
	c, ok := d.CalendarDate()
	if !ok {
		return g
	}
	if p, _, _ := calendar.Parse(d.Original, c.System); p.End.Year != 0 {
		if c.System == calendar.LunarHijri {
			return fmt.Sprintf("%d–%d AH/%s", c.Year, p.End.Year, g)
		}
		return fmt.Sprintf("%d–%d/%s", c.Year, p.End.Year, g)
	}
	if c.System == calendar.LunarHijri {
		return fmt.Sprintf("%d AH/%s", c.Year, g)
	}
	return fmt.Sprintf("%d/%s", c.Year, g)
}

func langName(s calendar.System) string {
	if s == calendar.LunarHijri {
		return "Arabic"
	}
	return "Persian"
}

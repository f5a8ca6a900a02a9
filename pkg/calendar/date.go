package calendar

import (
	"fmt"
	"strconv"
	"strings"
)

// System is a calendar.
type System int

// The calendars manba converts.
const (
	Gregorian  System = iota
	SolarHijri        // Persian, as used in Iran and Afghanistan (SH)
	LunarHijri        // Islamic, tabular (AH)
)

var systemNames = [...]string{"gregorian", "solar-hijri", "lunar-hijri"}

// String returns the calendar's identifier: "gregorian", "solar-hijri" or
// "lunar-hijri", the form manba writes into every file format.
func (s System) String() string {
	if s < 0 || int(s) >= len(systemNames) {
		return "System(" + strconv.Itoa(int(s)) + ")"
	}
	return systemNames[s]
}

// Abbrev returns the English era abbreviation ("SH", "AH"), or "" for Gregorian.
func (s System) Abbrev() string {
	switch s {
	case SolarHijri:
		return "SH"
	case LunarHijri:
		return "AH"
	}
	return ""
}

// SystemByName returns the calendar named by its identifier (see String);
// "persian", "jalali", "islamic" and "hijri" are accepted too.
func SystemByName(name string) (System, bool) {
	switch strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToLower(name)) {
	case "gregorian", "":
		return Gregorian, true
	case "solarhijri", "persian", "jalali", "shamsi":
		return SolarHijri, true
	case "lunarhijri", "islamic", "islamiccivil", "hijri", "qamari":
		return LunarHijri, true
	}
	return Gregorian, false
}

// Date is a date of some calendar. Month and Day are 0 when absent (a year,
// or a year and month).
type Date struct {
	System           System
	Year, Month, Day int
}

// String returns "1380", "1380-03" or "1380-03-15", followed by the era
// abbreviation for a Hijri calendar ("1380-03-15 SH").
func (d Date) String() string {
	s := Day{d.Year, d.Month, d.Day}.String()
	switch {
	case d.Month == 0:
		s = s[:len(s)-6]
	case d.Day == 0:
		s = s[:len(s)-3]
	}
	if a := d.System.Abbrev(); a != "" {
		s += " " + a
	}
	return s
}

// monthLength returns the number of days of a month of the date's calendar.
func (d Date) monthLength(m int) int {
	switch d.System {
	case SolarHijri:
		return solarMonthLength(d.Year, m)
	case LunarHijri:
		return lunarMonthLength(d.Year, m)
	}
	return gregorianMonthLength(d.Year, m)
}

// Check reports the first part of the date that does not exist: year 0
// (no calendar here has one) or outside the supported range, month 13, day 32,
// 30 Esfand of a common year.
func (d Date) Check() error {
	lo, hi := -9999, 9999
	switch d.System {
	case SolarHijri:
		lo, hi = minSolarYear, maxSolarYear
	case LunarHijri:
		lo, hi = minLunarYear, maxLunarYear
	}
	switch {
	case d.System < Gregorian || d.System > LunarHijri:
		return fmt.Errorf("unknown calendar %d", int(d.System))
	case d.Year == 0:
		return fmt.Errorf("year 0 does not exist in the %s calendar", d.System)
	case d.Year < lo || d.Year > hi:
		return fmt.Errorf("year %d is outside the supported range %d to %d of the %s calendar", d.Year, lo, hi, d.System)
	case d.Month < 0 || d.Month > 12:
		return fmt.Errorf("month %d does not exist", d.Month)
	case d.Day != 0 && d.Month == 0:
		return fmt.Errorf("day %d without a month", d.Day)
	case d.Day < 0 || (d.Month > 0 && d.Day > d.monthLength(d.Month)):
		return fmt.Errorf("day %d does not exist in month %d of %d (%s has %d days)", d.Day, d.Month, d.Year, d.System, d.monthLength(d.Month))
	}
	return nil
}

func (d Date) fixed(m, day int) fixed {
	switch d.System {
	case SolarHijri:
		return fixedFromSolar(d.Year, m, day)
	case LunarHijri:
		return fixedFromLunar(d.Year, m, day)
	}
	return fixedFromGregorian(Day{d.Year, m, day})
}

// Span returns the first and last Gregorian day the date covers: one day for
// a full date, a month or a whole year otherwise ("1380" SH is 2001-03-21 to
// 2002-03-20). Gregorian BC years count astronomically (0 is 1 BC).
func (d Date) Span() (first, last Day, err error) {
	if err := d.Check(); err != nil {
		return Day{}, Day{}, err
	}
	switch {
	case d.Day > 0:
		f := d.fixed(d.Month, d.Day)
		return gregorianFromFixed(f), gregorianFromFixed(f), nil
	case d.Month > 0:
		f := d.fixed(d.Month, 1)
		return gregorianFromFixed(f), gregorianFromFixed(f + fixed(d.monthLength(d.Month)-1)), nil
	}
	f := d.fixed(1, 1)
	return gregorianFromFixed(f), gregorianFromFixed(f + fixed(d.yearLength()-1)), nil
}

func (d Date) yearLength() int {
	n := 0
	for m := 1; m <= 12; m++ {
		n += d.monthLength(m)
	}
	return n
}

// GregorianYear returns the Gregorian year that holds most of the date's days:
// 2001 for 1380 SH (21 March 2001 to 20 March 2002), 2009 for 1430 AH
// (29 December 2008 to 17 December 2009). It is the year shown in "1380/2001"
// and used for sorting; 0 when the date does not exist.
func (d Date) GregorianYear() int {
	first, last, err := d.Span()
	if err != nil {
		return 0
	}
	if first.Year == last.Year {
		return first.Year
	}
	// A span covers at most two Gregorian years here (a year is shorter
	// than 366 days); count the days of each.
	endOfFirst := fixedFromGregorian(Day{first.Year, 12, 31})
	inFirst := endOfFirst - fixedFromGregorian(first) + 1
	inLast := fixedFromGregorian(last) - endOfFirst
	if inLast > inFirst {
		return last.Year
	}
	return first.Year
}

// FromGregorian returns the day of calendar s that falls on the Gregorian day g.
func FromGregorian(s System, g Day) Date {
	f := fixedFromGregorian(g)
	switch s {
	case SolarHijri:
		y, m, d := solarFromFixed(f)
		return Date{s, y, m, d}
	case LunarHijri:
		y, m, d := lunarFromFixed(f)
		return Date{s, y, m, d}
	}
	return Date{Gregorian, g.Year, g.Month, g.Day}
}

// Catalogue returns the form library catalogues use for a non-Gregorian year:
// "1380 [2001 or 2002]", or "1380 [2001]" when the span lies within one
// Gregorian year; a Gregorian date is returned as String gives it.
func (d Date) Catalogue() string {
	first, last, err := d.Span()
	if err != nil || d.System == Gregorian {
		return d.String()
	}
	s := strconv.Itoa(d.Year)
	if first.Year == last.Year {
		return fmt.Sprintf("%s [%d]", s, first.Year)
	}
	return fmt.Sprintf("%s [%d or %d]", s, first.Year, last.Year)
}

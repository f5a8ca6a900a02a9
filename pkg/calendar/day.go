package calendar

import "fmt"

// Day is one day of the proleptic Gregorian calendar.
type Day struct {
	Year, Month, Day int
}

// String returns the ISO 8601 form "2001-03-21".
func (d Day) String() string {
	if d.Year < 0 {
		return fmt.Sprintf("-%04d-%02d-%02d", -d.Year, d.Month, d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Before reports whether d comes before e.
func (d Day) Before(e Day) bool { return fixedFromGregorian(d) < fixedFromGregorian(e) }

// fixed is a day count (Rata Die): day 1 is Monday 1 January 1 of the
// proleptic Gregorian calendar. Every conversion goes through it.
type fixed int

// floorDiv divides rounding towards minus infinity, as calendar arithmetic
// needs for dates before the epochs.
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - b*floorDiv(a, b) }

func isGregorianLeap(y int) bool {
	return floorMod(y, 4) == 0 && (floorMod(y, 100) != 0 || floorMod(y, 400) == 0)
}

func gregorianMonthLength(y, m int) int {
	switch m {
	case 2:
		if isGregorianLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// fixedFromGregorian is Calendrical Calculations' fixed-from-gregorian.
func fixedFromGregorian(d Day) fixed {
	y := d.Year - 1
	n := 365*y + floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400) + floorDiv(367*d.Month-362, 12)
	if d.Month > 2 {
		if isGregorianLeap(d.Year) {
			n--
		} else {
			n -= 2
		}
	}
	return fixed(n + d.Day)
}

// gregorianFromFixed is the inverse of fixedFromGregorian.
func gregorianFromFixed(f fixed) Day {
	d0 := int(f) - 1
	n400, d1 := floorDiv(d0, 146097), floorMod(d0, 146097)
	n100, d2 := floorDiv(d1, 36524), floorMod(d1, 36524)
	n4, d3 := floorDiv(d2, 1461), floorMod(d2, 1461)
	n1 := floorDiv(d3, 365)
	year := 400*n400 + 100*n100 + 4*n4 + n1
	if n100 != 4 && n1 != 4 {
		year++
	}
	jan1 := fixedFromGregorian(Day{year, 1, 1})
	prior := int(f - jan1)
	if f >= fixedFromGregorian(Day{year, 3, 1}) {
		if isGregorianLeap(year) {
			prior++
		} else {
			prior += 2
		}
	}
	month := floorDiv(12*prior+373, 367)
	return Day{year, month, int(f-fixedFromGregorian(Day{year, month, 1})) + 1}
}

package calendar

// solarBreaks are the first years of the 33-year cycle runs in Borkowski's
// algorithm (K. M. Borkowski, "The Persian calendar for 3000 years", Earth,
// Moon and Planets 74, 1996), as used by jalaali-js. Between two breaks leap
// years repeat every 33 years; the table is valid for years before the last one.
var solarBreaks = [...]int{-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181,
	1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178}

// Range of Solar Hijri years the algorithm covers.
const (
	minSolarYear = -61
	maxSolarYear = 3177
)

// trunc division and remainder, as in Borkowski's published code.
func tdiv(a, b int) int { return a / b }
func tmod(a, b int) int { return a % b }

// solarYear returns the Gregorian year in which Solar Hijri year jy begins,
// the March day of its Nowruz, and whether jy is a leap year (Esfand has 30
// days). jy must lie in [minSolarYear, maxSolarYear].
func solarYear(jy int) (gy, march int, leap bool) {
	leapJ := -14
	jp := solarBreaks[0]
	jump := 0
	for _, jm := range solarBreaks[1:] {
		jump = jm - jp
		if jy < jm {
			break
		}
		leapJ += tdiv(jump, 33)*8 + tdiv(tmod(jump, 33), 4)
		jp = jm
	}
	n := jy - jp
	leapJ += tdiv(n, 33)*8 + tdiv(tmod(n, 33)+3, 4)
	if tmod(jump, 33) == 4 && jump-n == 4 {
		leapJ++
	}
	gy = jy + 621
	leapG := tdiv(gy, 4) - tdiv((tdiv(gy, 100)+1)*3, 4) - 150
	march = 20 + leapJ - leapG
	if jump-n < 6 {
		n = n - jump + tdiv(jump+4, 33)*33
	}
	r := tmod(tmod(n+1, 33)-1, 4)
	return gy, march, r == 0
}

func solarMonthLength(y, m int) int {
	switch {
	case m <= 6:
		return 31
	case m <= 11:
		return 30
	}
	if _, _, leap := solarYear(y); leap {
		return 30
	}
	return 29
}

func fixedFromSolar(y, m, d int) fixed {
	gy, march, _ := solarYear(y)
	nowruz := fixedFromGregorian(Day{gy, 3, march})
	// Months 1–6 have 31 days, 7–11 have 30.
	before := 31 * (m - 1)
	if m > 7 {
		before -= m - 7
	}
	return nowruz + fixed(before+d-1)
}

func solarFromFixed(f fixed) (y, m, d int) {
	g := gregorianFromFixed(f)
	y = g.Year - 621
	gy, march, _ := solarYear(y)
	if f < fixedFromGregorian(Day{gy, 3, march}) {
		y--
		gy, march, _ = solarYear(y)
	}
	doy := int(f - fixedFromGregorian(Day{gy, 3, march}))
	if doy < 186 {
		return y, doy/31 + 1, doy%31 + 1
	}
	doy -= 186
	return y, doy/30 + 7, doy%30 + 1
}

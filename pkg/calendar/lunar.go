package calendar

// lunarEpoch is 1 Muharram 1 AH in the civil (Friday) reckoning: 16 July 622
// of the Julian calendar.
const lunarEpoch fixed = 227015

// Range of Lunar Hijri years accepted; the arithmetic has no limit, the range
// keeps day counts small.
const (
	minLunarYear = -10000
	maxLunarYear = 10000
)

func isLunarLeap(y int) bool { return floorMod(14+11*y, 30) < 11 }

func lunarMonthLength(y, m int) int {
	if m%2 == 1 || (m == 12 && isLunarLeap(y)) {
		return 30
	}
	return 29
}

// fixedFromLunar is Calendrical Calculations' fixed-from-islamic.
func fixedFromLunar(y, m, d int) fixed {
	return lunarEpoch - 1 + fixed((y-1)*354+floorDiv(3+11*y, 30)+29*(m-1)+floorDiv(m, 2)+d)
}

func lunarFromFixed(f fixed) (y, m, d int) {
	y = floorDiv(30*int(f-lunarEpoch)+10646, 10631)
	priorDays := int(f - fixedFromLunar(y, 1, 1))
	m = floorDiv(11*priorDays+330, 325)
	d = int(f-fixedFromLunar(y, m, 1)) + 1
	return y, m, d
}

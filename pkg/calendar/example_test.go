package calendar_test

import (
	"fmt"

	"github.com/manba/manba/pkg/calendar"
)

func ExampleParse() {
	for _, s := range []string{"۱۵ خرداد ۱۳۸۰", "1380 [2001 or 2002]", "Ramadan 1422", "1380/13/01 SH"} {
		p, warns, ok := calendar.Parse(s, calendar.Gregorian)
		first, last, _ := p.Date.Span()
		fmt.Println(ok, p.Date, first, last, warns)
	}
	// Output:
	// true 1380-03-15 SH 2001-06-05 2001-06-05 []
	// true 1380 SH 2001-03-21 2002-03-20 []
	// true 1422-09 AH 2001-11-17 2001-12-16 []
	// true 1380 SH 2001-03-21 2002-03-20 [at byte 5: month 13 does not exist; month and day dropped]
}

func ExampleDate_Catalogue() {
	d := calendar.Date{System: calendar.SolarHijri, Year: 1380}
	fmt.Println(d.Catalogue(), d.GregorianYear())
	// Output: 1380 [2001 or 2002] 2001
}

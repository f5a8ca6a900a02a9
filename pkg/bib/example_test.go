package bib_test

import (
	"encoding/json"
	"fmt"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/calendar"
)

func ExampleItem() {
	it := bib.Item{ID: "singleton2003saddam", Type: "book"}
	it.Set("title", "Saddam’s Private Army")
	it.Set("publisher", "Iran-Interlink")
	it.SetNames("author", []bib.Name{{Family: "Singleton", Given: "Anne"}})
	it.SetDate("issued", bib.Date{From: bib.DateParts{Year: 2003}})
	out, _ := json.Marshal(it)
	fmt.Println(string(out))
	// Output:
	// {"id":"singleton2003saddam","type":"book","author":[{"family":"Singleton","given":"Anne"}],"title":"Saddam’s Private Army","publisher":"Iran-Interlink","issued":{"date-parts":[[2003]]}}
}

func ExampleCalendarDate() {
	d, _, _ := bib.CalendarDate("۱۵ خرداد ۱۳۸۰", calendar.Gregorian)
	fmt.Println(d.From, d.Calendar, d.Original, d.DualYear())
	// Output: 2001-06-05 solar-hijri ۱۵ خرداد ۱۳۸۰ 1380/2001
}

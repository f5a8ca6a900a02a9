package dedupe_test

import (
	"fmt"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/dedupe"
)

func ExampleFind() {
	items := []bib.Item{
		item("singleton2003", "book", map[string]string{"title": "Saddam's Private Army: How Rajavi Changed Iran's Mojahedin"}, 2003, person("Singleton", "Anne")),
		item("saddam-army", "book", map[string]string{"title": "Saddam’s private army"}, 2003, person("Singleton", "A.")),
		item("rand", "report", map[string]string{"ISBN": "978-0-8330-4701-4", "title": "The Mujahedin-e Khalq in Iraq"}, 2009),
		item("rand-note", "report", map[string]string{"note": "ISBN 0-8330-4701-9", "title": "MEK report"}, 2009),
	}
	for _, p := range dedupe.Find(items, nil) {
		fmt.Printf("%s = %s: %s\n", items[p.A].ID, items[p.B].ID, p.Reason)
	}
	merged, keymap := dedupe.Merge(items, dedupe.Find(items, nil))
	fmt.Println(len(merged), "items;", keymap)
	// Output:
	// singleton2003 = saddam-army: same title "Saddam's Private Army", same year 2003, author Singleton
	// rand = rand-note: same ISBN 9780833047014
	// 2 items; [{saddam-army singleton2003} {rand-note rand}]
}

package csljson_test

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/csljson"
)

func ExampleDecoder() {
	src := `[
  {"id": "abrahamian1989", "type": "book", "title": "The Iranian Mojahedin",
   "author": [{"family": "Abrahamian", "given": "Ervand"}], "issued": {"date-parts": [[1989]]}},
  {"id": "broken", "type": "book", "title": "no closing quote},
  {"id": "hrw2005", "type": "report", "author": [{"literal": "Human Rights Watch"}]}
]`
	d := csljson.NewDecoder(strings.NewReader(src), "refs.json")
	for {
		it, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(it.ID, it.Names["author"][0].String(), it.Dates["issued"].Year())
	}
	for _, diag := range d.Diagnostics() {
		fmt.Println(diag)
	}
	// Output:
	// abrahamian1989 Ervand Abrahamian 1989
	// hrw2005 Human Rights Watch 0
	// refs.json:4:64: error: item 2: invalid character '\n' in string literal; skipped
}

func ExampleEncode() {
	it := bib.Item{ID: "rajavi-speech", Type: "speech"}
	it.Set("title", "<i>Speech</i> at Ashraf")
	it.Set("license", "CC0") // no CSL-JSON property: moved into "custom"
	it.SetNames("author", []bib.Name{{Family: "Rajavi", Given: "Massoud", Original: "Rajavi, Mas'oud"}})
	warnings, err := csljson.Encode(os.Stdout, []bib.Item{it}, csljson.EncodeOptions{Compact: true})
	if err != nil {
		fmt.Println(err)
	}
	for _, w := range warnings {
		fmt.Println(w.Msg)
	}
	// Output:
	// [
	// {"id":"rajavi-speech","type":"speech","author":[{"family":"Rajavi","given":"Massoud"}],"title":"<i>Speech</i> at Ashraf","custom":{"license":"CC0"}}
	// ]
	// item "rajavi-speech": "license" has no CSL-JSON property; kept as custom["license"]
}

func ExampleValidate() {
	src := `[
  {"id": "rajavi1989", "type": "online", "title": "Speech",
   "author": [{"family": "Rajavi", "given": "Masoud", "role": "speaker"}]}
]`
	for _, d := range csljson.Validate("speech.json", []byte(src)) {
		fmt.Println(d)
	}
	// Output:
	// speech.json:2:24: error: "type": "online" is not a CSL type
	// speech.json:3:4: error: "author": name 1: "role" is not a name part
}

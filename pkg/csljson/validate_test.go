package csljson

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/manba/manba/internal/testenv"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"valid", `[{"id":1,"type":"book","author":[{"family":"Rajavi","comma-suffix":"1"}],"issued":{"date-parts":[["1989",5]],"circa":true},"page":48,"categories":["a"],"custom":{"x":1}}]`, nil},
		{"empty array", `[]`, nil},
		{"single object", `{"id":"a","type":"book"}`, []string{"1:1: error: the schema wants an array of items at the top level"}},
		{"unknown property and type", "[{\"id\":\"a\",\n\"type\":\"online\",\"abstractNote\":\"x\"}]", []string{
			`2:1: error: "type": "online" is not a CSL type`,
			`2:17: error: property "abstractNote" is not in the CSL-JSON schema`,
		}},
		{"missing id and type", `[{"title":"T"}]`, []string{
			`1:2: error: item has no "id", which the schema requires`,
			`1:2: error: item has no "type", which the schema requires`,
		}},
		{"wrong types", `[{"id":"a","type":"book","title":5,"volume":true,"categories":"x","custom":[]}]`, []string{
			`1:26: error: "title": want a string, got a number`,
			`1:36: error: "volume": want a string or number, got a boolean`,
			`1:50: error: "categories": want an array of strings, got a string`,
			`1:67: error: "custom": want an object, got an array`,
		}},
		{"names", `[{"id":"a","type":"book","author":[{"family":1,"x":"y"},null],"editor":"E"}]`, []string{
			`1:26: error: "author": name 1: "family" wants a string, got a number`,
			`1:26: error: "author": name 1: "x" is not a name part`,
			`1:26: error: "author": name 2 is null, not an object`,
			`1:63: error: "editor": want an array of name objects, got a string`,
		}},
		{"dates", `[{"id":"a","type":"book","issued":{"date-parts":[[]],"season":[1],"when":1},"accessed":null}]`, []string{
			`1:26: error: "issued": date-parts wants one to three parts in each date, got 0`,
			`1:26: error: "issued": season wants a string or number, got an array`,
			`1:26: error: "issued": "when" is not a date property`,
			`1:77: error: "accessed": want a date object, got null`,
		}},
		{"repeated key: the last counts", `[{"id":"a","type":"bogus","type":"book"}]`, nil},
		{"syntax", "[{\"id\":\"a\",\"type\":\"book\"},\n{\"id\":}]", []string{`2:7: error: item 2: invalid character '}' looking for beginning of value; skipped`}},
		{"missing comma", `[{"id":"a","type":"book"} {"id":"b","type":"book"}]`, []string{`1:27: error: missing "," between items`}},
		{"not an item", `[1]`, []string{"1:2: error: item 1 is a number, not an object"}},
		{"empty", ``, []string{"1:1: error: no CSL-JSON data"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Validate("in.json", []byte(tt.in))
			require.Len(t, got, len(tt.want), "got\n%v\nwant %q", got, tt.want)
			for i, d := range got {
				assert.Equal(t, "in.json:"+tt.want[i], d.Error(), "got  %s\nwant in.json:%s", d.Error(), tt.want[i])
			}
		})
	}
}

// agreeWithSchema checks that Validate and the schema library agree on
// whether src is valid, for any src that is one JSON document.
func agreeWithSchema(t *testing.T, sch *jsonschema.Schema, src []byte) {
	t.Helper()
	if !json.Valid(src) {
		require.True(t, Validate("in.json", src).HasErrors(), "not JSON, but Validate found nothing:\n%s", src)
		return
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	require.NoError(t, err)
	want := sch.Validate(inst) == nil
	got := Validate("in.json", src)
	require.Equal(t, !got.HasErrors(), want, "schema says valid=%v, Validate says\n%v\nfor\n%s", want, got, src)
}

// TestValidateAgreesWithSchema runs the comparison on every JSON test input
// and on what the Encoder writes.
func TestValidateAgreesWithSchema(t *testing.T) {
	sch := loadSchema(t)
	var inputs [][]byte
	files, _ := filepath.Glob("testdata/decode/*.json")
	for _, f := range files {
		src, _ := os.ReadFile(f)
		inputs = append(inputs, src)
	}
	var buf bytes.Buffer
	_, err := Encode(&buf, edgeItems(), EncodeOptions{})
	require.NoError(t, err)
	inputs = append(inputs, buf.Bytes())
	if works, ok := testenv.ReadShared(t, "works", "works.json"); ok {
		inputs = append(inputs, works)
	}
	for _, src := range inputs {
		agreeWithSchema(t, sch, src)
	}
}

// FuzzValidate compares Validate with the schema library on any input.
func FuzzValidate(f *testing.F) {
	sch := loadSchema(f)
	files, _ := filepath.Glob("testdata/decode/*.json")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	for _, s := range []string{
		`[{"id":1,"type":"book","author":[{"family":"R","comma-suffix":1}],"issued":{"date-parts":[[1989,"5"]]}}]`,
		`[{"id":"a","type":"book","issued":{"date-parts":[[1],[2],[3]]},"categories":[null]}]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if strings.Count(string(src), "[") > 200 {
			return // deep nesting tells nothing new and is slow in both
		}
		agreeWithSchema(t, sch, src)
	})
}

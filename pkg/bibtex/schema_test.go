package bibtex

import (
	"bytes"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/manba/manba/internal/testenv"
)

// TestCorpusSchema decodes the whole corpus and validates the items, as
// CSL-JSON, against the CSL data schema.
func TestCorpusSchema(t *testing.T) {
	f, err := os.Open(testenv.Shared(t, "csl", "schema", "csl-data.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("csl-data.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("csl-data.json")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, cf := range corpusFiles(t) {
		items, _ := Decode(cf.rel, readCorpus(t, cf), DecodeOptions{})
		if len(items) == 0 {
			continue
		}
		buf := []byte{'['}
		for i, it := range items {
			if i > 0 {
				buf = append(buf, ',')
			}
			if buf, err = it.AppendJSON(buf); err != nil {
				t.Fatal(err)
			}
		}
		buf = append(buf, ']')
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf))
		if err != nil {
			t.Fatalf("%s: not JSON: %v", cf.rel, err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: does not validate: %v", cf.rel, err)
		}
		n += len(items)
	}
	t.Logf("%d items valid", n)
}

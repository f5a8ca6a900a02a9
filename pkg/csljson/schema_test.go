package csljson

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
)

const schemaPath = "../../../shared/csl/schema/csl-data.json"

// loadSchema compiles the CSL data schema, or skips the test when the
// shared data is not there.
func loadSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		testenv.Missing(t, "shared CSL schema not available: %v", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("csl-data.json", doc))
	sch, err := c.Compile("csl-data.json")
	require.NoError(t, err)
	return sch
}

// validate encodes items in both layouts and checks each against the schema.
func validate(t *testing.T, sch *jsonschema.Schema, items []bib.Item) {
	t.Helper()
	for _, opts := range []EncodeOptions{{}, {Compact: true}} {
		var buf bytes.Buffer
		_, err := Encode(&buf, items, opts)
		require.NoError(t, err)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		require.NoError(t, err, "output is not JSON: %v", err)
		assert.NoError(t, sch.Validate(inst), "output (compact=%v) does not validate: %v", opts.Compact, err)
	}
}

// TestSchemaProps keeps the embedded property list in step with the schema.
func TestSchemaProps(t *testing.T) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		testenv.Missing(t, "shared CSL schema not available: %v", err)
	}
	var s struct {
		Items struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"items"`
	}
	require.NoError(t, json.Unmarshal(data, &s))
	for p := range s.Items.Properties {
		assert.True(t, schemaProps[p], "schema property %q missing from schemaProps", p)
	}
	for p := range schemaProps {
		assert.Contains(t, s.Items.Properties, p, "schemaProps has %q, the schema does not", p)
	}
}

func TestValidateWorks(t *testing.T) {
	sch := loadSchema(t)
	data, err := os.ReadFile("../../../shared/works/works.json")
	if err != nil {
		testenv.Missing(t, "shared works not available: %v", err)
	}
	items, diags := Decode("works.json", data)
	require.False(t, diags.HasErrors(), "works.json: %v", diags)
	require.Len(t, items, 32, "got %d works, want 32", len(items))
	validate(t, sch, items)
}

// edgeItems are hand-made items that stress what the schema forbids.
func edgeItems() []bib.Item {
	var out []bib.Item
	add := func(it bib.Item) { out = append(out, it) }

	add(bib.Item{ID: "no-type"})
	add(bib.Item{ID: "bibtex-type", Type: "online"})
	add(bib.Item{Type: "book"}) // no id

	it := bib.Item{ID: "non-schema-vars", Type: "book"}
	it.Set("license", "CC-BY 4.0")
	it.Set("part-number", "2")
	it.Set("printing-number", "3")
	it.Set("title", "<i>Saddam’s Private Army</i> & <span class=\"nocase\">MEK</span>")
	it.SetNames("editor-translator", []bib.Name{{Family: "Rajavi", Given: "Mas’oud"}})
	it.SetNames("author", []bib.Name{{Family: "Rubaie", NonDroppingParticle: "al-", Given: "Mowaffak", Suffix: "Jr.", CommaSuffix: true, StaticOrdering: true, ParseNames: true}, {Literal: "People’s Mojahedin Organization of Iran"}})
	it.SetDate("issued", bib.Date{From: bib.DateParts{Year: 1989, Month: 5}, To: bib.DateParts{Year: 1991}, Circa: true, Season: "2"})
	it.SetDate("accessed", bib.Date{Literal: "Spring 2003"})
	it.SetDate("original-date", bib.Date{Raw: "1357 SH"})
	it.SetDate("submitted", bib.Date{From: bib.DateParts{Year: -44, Month: 3, Day: 15}})
	it.SetExtra("langid", "persian")
	it.SetExtra("@type", "online")
	add(it)

	it = bib.Item{ID: "odd-keys", Type: "article-journal"}
	it.Names = map[string][]bib.Name{"not-a-name-var": {{Family: "X"}}}
	it.Dates = map[string]bib.Date{"not-a-date-var": {From: bib.DateParts{Year: 2001}}}
	it.Vars = map[string]string{"volume": "12", "page": "048", "issue": "3–4", "number-of-pages": "28", "zzz": "z"}
	it.Custom = map[string][]byte{
		"categories":   []byte(`["a","b"]`),
		"title":        []byte(`["wrong","shape"]`),
		"abstractNote": []byte(`"Zotero field name"`),
		"custom":       []byte(`{"short_id":"xyz","n":[1,2],"zzz":"taken"}`),
		"extra":        []byte(`{"collides":"with bib's custom.extra"}`),
	}
	add(it)

	it = bib.Item{ID: "custom-not-object", Type: "book", Custom: map[string][]byte{"custom": []byte(`"just text"`), "categories": []byte(`"not an array"`)}}
	add(it)

	it = bib.Item{ID: "\u2028 ctrl \x01 \"quoted\" \\ path", Type: "webpage"}
	it.Set("URL", "https://example.org/?a=1&b=<2>")
	it.Set("note", "line one\nline two\ttab")
	add(it)
	return out
}

func TestValidateEdgeCases(t *testing.T) {
	sch := loadSchema(t)
	validate(t, sch, edgeItems())
}

// TestValidateDecodedInput checks that even items decoded from messy
// CSL-JSON are written back valid.
func TestValidateDecodedInput(t *testing.T) {
	sch := loadSchema(t)
	files := []string{"testdata/decode/messy.json", "testdata/decode/jsonlines.json"}
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		items, _ := Decode(f, src)
		require.NotEmpty(t, items, "%s: no items", f)
		t.Run(strings.TrimPrefix(f, "testdata/decode/"), func(t *testing.T) { validate(t, sch, items) })
	}
}

// TestSchemaRejects makes sure the validator is really checking: output
// that bypasses the Encoder's fixes must fail.
func TestSchemaRejects(t *testing.T) {
	sch := loadSchema(t)
	for _, in := range []string{
		`[{"id":"a","type":"online"}]`,
		`[{"id":"a","type":"book","license":"CC0"}]`,
		`[{"type":"book"}]`,
		`[{"id":"a","type":"book","issued":{"date-parts":[[]]}}]`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(in))
		require.NoError(t, err)
		assert.NotNil(t, sch.Validate(inst), "%s validated", in)
	}
}

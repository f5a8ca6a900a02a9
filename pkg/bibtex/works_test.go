package bibtex_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/works"
)

// TestWorksRoundTrip writes the project's researched cited works (CSL
// items that did not come from BibTeX) as BibTeX and BibLaTeX and reads
// them back. Two losses are expected and taken out of the comparison:
// CSL-JSON properties with no BibTeX form (Custom), and line breaks, which
// a BibTeX field cannot hold (white space runs read as one space).
// Everything else must survive.
func TestWorksRoundTrip(t *testing.T) {
	items := works.Items()
	if len(items) == 0 {
		t.Fatal("no works")
	}
	for _, opts := range []bibtex.EncodeOptions{{}, {Dialect: bibtex.BibLaTeX}, {ASCII: true}} {
		var buf bytes.Buffer
		if err := bibtex.Encode(&buf, items, opts); err != nil {
			t.Fatal(err)
		}
		back, diags := bibtex.Decode("works.bib", buf.Bytes(), bibtex.DecodeOptions{})
		if len(diags) > 0 {
			t.Errorf("%+v: %v", opts, diags)
		}
		if len(back) != len(items) {
			t.Fatalf("%+v: %d items back, want %d", opts, len(back), len(items))
		}
		for i, it := range items {
			want := it.Clone()
			want.Custom = nil
			for k, v := range want.Vars {
				want.Vars[k] = strings.Join(strings.Fields(v), " ")
			}
			if !back[i].Equal(want) {
				a, _ := want.MarshalJSON()
				b, _ := back[i].MarshalJSON()
				t.Errorf("%+v: %s changed:\nwant %s\n got %s", opts, it.ID, a, b)
			}
		}
	}
}

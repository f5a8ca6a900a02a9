package extract

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/dedupe"
	"github.com/manba/manba/pkg/extract/refparse"
	"github.com/stretchr/testify/require"
)

// fieldCounts counts one field over a set of references.
type fieldCounts struct{ right, wrong, missed int }

func (c fieldCounts) f1() float64 {
	if 2*c.right+c.wrong+c.missed == 0 {
		return 0
	}
	return 2 * float64(c.right) / float64(2*c.right+c.wrong+c.missed)
}

// qualityFields are the fields the targets name, read from items.
var qualityFields = map[string]func(bib.Item) []string{
	"author": func(it bib.Item) []string {
		var out []string
		for _, n := range it.Names["author"] {
			out = append(out, dedupe.Fold(n.Family+n.Literal))
		}
		return out
	},
	"title":           textField("title"),
	"container-title": textField("container-title"),
	"publisher":       textField("publisher"),
	"volume":          textField("volume"),
	"pages":           textField("page"),
	"year": func(it bib.Item) []string {
		if y := it.Dates["issued"].From.Year; y != 0 {
			return []string{fmt.Sprint(y)}
		}
		return nil
	},
}

func textField(name string) func(bib.Item) []string {
	return func(it bib.Item) []string {
		if v := dedupe.Fold(it.Get(name)); v != "" {
			return []string{v}
		}
		return nil
	}
}

// goldItem builds the item a labelled reference describes, with the same
// conversion the parser's segments go through.
func goldItem(s refparse.Sequence) bib.Item {
	var segs []Segment
	for _, t := range s {
		if n := len(segs); n > 0 && segs[n-1].Label == t.Label {
			segs[n-1].Text += " " + t.Text
			continue
		}
		segs = append(segs, Segment{Label: t.Label, Text: t.Text})
	}
	var p Parsed
	f := fields{it: &p.Item, conf: map[string]string{}}
	fromSegments(segs, f, &p)
	return p.Item
}

// scoreItems compares the fields of parsed items with the gold ones: a
// field is right when its folded values are equal (authors: each family
// name in the list counts on its own).
func scoreItems(gold, got []bib.Item) map[string]*fieldCounts {
	out := map[string]*fieldCounts{}
	for name, get := range qualityFields {
		c := &fieldCounts{}
		out[name] = c
		for i := range gold {
			g, p := get(gold[i]), get(got[i])
			left := map[string]int{}
			for _, v := range g {
				left[v]++
			}
			for _, v := range p {
				if left[v] > 0 {
					left[v]--
					c.right++
				} else {
					c.wrong++
				}
			}
			for _, n := range left {
				c.missed += n
			}
		}
	}
	return out
}

func readShared(t *testing.T) (train, measure []refparse.Sequence) {
	f, err := os.Open(testenv.Shared(t, "refparse", "parser-train.xml"))
	require.NoError(t, err)
	defer f.Close()
	seqs, err := refparse.ReadXML(f)
	require.NoError(t, err)
	return refparse.Split(seqs)
}

func logScores(t *testing.T, name string, n int, sc map[string]*fieldCounts) {
	var keys []string
	for k := range sc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %s %.3f", k, sc[k].f1())
	}
	t.Logf("%s (%d references): field F1%s", name, n, b.String())
}

// TestParseQuality scores ParseReference's fields against the labelled
// references, on the part the model was trained on and on the
// measure-only part, and holds the measure-only part to the targets.
func TestParseQuality(t *testing.T) {
	train, measure := readShared(t)
	for _, part := range []struct {
		name string
		seqs []refparse.Sequence
	}{{"train", train}, {"measure-only", measure}} {
		gold := make([]bib.Item, len(part.seqs))
		got := make([]bib.Item, len(part.seqs))
		for i, s := range part.seqs {
			gold[i] = goldItem(s)
			got[i] = ParseReference(s.String()).Item
		}
		sc := scoreItems(gold, got)
		logScores(t, part.name, len(part.seqs), sc)
		if part.name != "measure-only" {
			continue
		}
		for field, min := range map[string]float64{"title": 0.85, "author": 0.85, "container-title": 0.75, "year": 0.95, "publisher": 0.75} {
			require.GreaterOrEqual(t, sc[field].f1(), min, field)
		}
	}
}

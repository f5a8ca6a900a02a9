package interop

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/csljson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// comparedFields are the CSL-JSON fields whose values pandoc must read
// from manba's output exactly as manba's own CSL-JSON has them.
var comparedFields = []string{
	"title", "container-title", "collection-title", "publisher", "publisher-place", "issued",
	"page", "volume", "issue", "number", "edition", "DOI", "URL", "ISBN", "ISSN", "language",
	"type", "author", "editor",
}

// format is one of manba's outputs as pandoc reads it.
type format struct {
	name, pandocFrom string
	encode           func(t *testing.T, items []bib.Item) []byte
}

var formats = []format{
	{"biblatex", "biblatex", bibEncoder(bibtex.BibLaTeX)},
	{"bibtex", "bibtex", bibEncoder(bibtex.BibTeX)},
	{"csljson", "csljson", func(t *testing.T, items []bib.Item) []byte {
		var buf bytes.Buffer
		_, err := csljson.Encode(&buf, items, csljson.EncodeOptions{})
		require.NoError(t, err)
		return buf.Bytes()
	}},
}

func bibEncoder(d bibtex.Dialect) func(t *testing.T, items []bib.Item) []byte {
	return func(t *testing.T, items []bib.Item) []byte {
		var buf bytes.Buffer
		require.NoError(t, bibtex.Encode(&buf, items, bibtex.EncodeOptions{Dialect: d, ProtectCapitals: true}))
		return buf.Bytes()
	}
}

// exception is one row of testdata/pandoc-exceptions.tsv: a difference
// that is pandoc's, not manba's, with the reason. Its rule is either a
// normalization applied to both values before comparing ("norm:quotes",
// "norm:casefold", "norm:region") or a pair of regular expressions the
// values must match ("manba => pandoc").
type exception struct {
	format, typ, field string // "*" for any format or type
	norm               string
	manba, pandoc      *regexp.Regexp
	reason, source     string
	used               int
}

func loadExceptions(t *testing.T) []*exception {
	t.Helper()
	f, err := os.Open("testdata/pandoc-exceptions.tsv")
	require.NoError(t, err)
	defer f.Close()
	var out []*exception
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		require.Len(t, cols, 5, "pandoc-exceptions.tsv:%d: want format, type, field, rule, reason", n)
		require.NotEmpty(t, cols[4], "pandoc-exceptions.tsv:%d: an exception needs its reason", n)
		e := &exception{format: cols[0], typ: cols[1], field: cols[2], reason: cols[4], source: fmt.Sprintf("pandoc-exceptions.tsv:%d", n)}
		if norm, ok := strings.CutPrefix(cols[3], "norm:"); ok {
			require.Contains(t, norms, norm, "pandoc-exceptions.tsv:%d", n)
			e.norm = norm
		} else {
			m, p, ok := strings.Cut(cols[3], " => ")
			require.True(t, ok, "pandoc-exceptions.tsv:%d: rule %q", n, cols[3])
			e.manba, e.pandoc = regexp.MustCompile("^(?:"+m+")$"), regexp.MustCompile("^(?:"+p+")$")
		}
		out = append(out, e)
	}
	require.NoError(t, sc.Err())
	return out
}

var initialsGap = regexp.MustCompile(`(\p{Lu})\. (\p{Lu})`)

var nocaseSpan = regexp.MustCompile(`<span class=["']nocase["']>|</span>`)

// norms are the normalizations exceptions may name.
var norms = map[string]func(string) string{
	// pandoc's readers turn straight quotes into typographic ones.
	"quotes": strings.NewReplacer("’", "'", "‘", "'", "“", "'", "”", "'", `"`, "'").Replace,
	// pandoc sentence-cases English titles (CSL's storage convention).
	"casefold": strings.ToLower,
	// pandoc gives a bare language the region babel means by it.
	"region": func(s string) string { lang, _, _ := strings.Cut(s, "-"); return lang },
	// pandoc's CSL-JSON writer leaves out nocase spans (not their text).
	"nocase": func(s string) string { return nocaseSpan.ReplaceAllString(s, "") },
	// pandoc reads a BibTeX page range's -- as a hyphen.
	"dash": strings.NewReplacer("–", "-").Replace,
	// pandoc puts a space between initials (R.P. -> R. P.).
	"initials": func(s string) string { return initialsGap.ReplaceAllString(s, "$1.$2") },
	// pandoc splits particles out of family names; compare whole
	// family names (canonical writes a name as family|given|dropping|
	// non-dropping|suffix|literal).
	"particles": func(s string) string {
		names := strings.Split(s, "; ")
		for i, n := range names {
			p := strings.Split(n, "|")
			if len(p) != 6 {
				continue
			}
			fam := p[0]
			for _, part := range []string{p[3], p[2]} {
				if part == "" {
					continue
				}
				if strings.HasSuffix(part, "-") || strings.HasSuffix(part, "'") || strings.HasSuffix(part, "’") {
					fam = part + fam
				} else {
					fam = part + " " + fam
				}
			}
			names[i] = strings.Join([]string{fam, p[1], "", "", p[4], p[5]}, "|")
		}
		return strings.Join(names, "; ")
	},
}

func (e *exception) applies(format, typ, field string) bool {
	return (e.format == "*" || e.format == format) && (e.typ == "*" || e.typ == typ) && e.field == field
}

// equalUnder compares two values after every normalization the exceptions
// give for the format, type and field, and else by the exceptions'
// regular expressions; it reports whether they then agree.
func equalUnder(exc []*exception, format, typ, field, mv, pv string) bool {
	var used []*exception
	for _, e := range exc {
		if e.norm != "" && e.applies(format, typ, field) {
			mv, pv = norms[e.norm](mv), norms[e.norm](pv)
			used = append(used, e)
		}
	}
	if mv == pv {
		for _, e := range used {
			e.used++
		}
		return true
	}
	for _, e := range exc {
		if e.manba != nil && e.applies(format, typ, field) && e.manba.MatchString(mv) && e.pandoc.MatchString(pv) {
			e.used++
			return true
		}
	}
	return false
}

// runPandoc converts src to CSL-JSON with pandoc and returns the items by
// id.
func runPandoc(t *testing.T, pandoc, from string, src []byte) map[string]map[string]json.RawMessage {
	t.Helper()
	cmd := exec.Command(pandoc, "-f", from, "-t", "csljson")
	cmd.Stdin = bytes.NewReader(src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "pandoc -f %s: %s", from, stderr.String())
	return byID(t, out)
}

func byID(t *testing.T, src []byte) map[string]map[string]json.RawMessage {
	t.Helper()
	var items []map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(src, &items))
	m := make(map[string]map[string]json.RawMessage, len(items))
	for _, it := range items {
		var id string
		require.NoError(t, json.Unmarshal(it["id"], &id))
		m[id] = it
	}
	return m
}

// canonical turns a CSL-JSON value into a string that is equal for equal
// values whatever the spelling: numbers and numeric strings alike, dates
// as ISO ranges, names as their parts.
func canonical(field string, raw json.RawMessage) string {
	if raw == nil {
		return ""
	}
	switch bib.KindOf(field) {
	case bib.KindDate:
		var d struct {
			Parts   [][]json.Number `json:"date-parts"`
			Literal string          `json:"literal"`
			Raw     string          `json:"raw"`
			Circa   any             `json:"circa"`
		}
		var iso string
		if json.Unmarshal(raw, &iso) == nil {
			// CSL-JSON allows a date as an EDTF string.
			if dt, ok := bib.ParseISODate(iso); ok {
				p := func(x bib.DateParts) string {
					return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%d-%d-%d", x.Year, x.Month, x.Day), "-0"), "-0")
				}
				if dt.IsRange() {
					return p(dt.From) + "/" + p(dt.To) + "false"
				}
				return p(dt.From) + "false"
			}
		}
		if json.Unmarshal(raw, &d) != nil {
			return string(raw)
		}
		var ps []string
		for _, p := range d.Parts {
			var xs []string
			for _, x := range p {
				n, _ := strconv.Atoi(string(x))
				xs = append(xs, strconv.Itoa(n))
			}
			ps = append(ps, strings.Join(xs, "-"))
		}
		return strings.Join(ps, "/") + d.Literal + d.Raw + fmt.Sprint(d.Circa != nil && d.Circa != false)
	case bib.KindName:
		var ns []bib.Name
		if json.Unmarshal(raw, &ns) != nil {
			return string(raw)
		}
		var out []string
		for _, n := range ns {
			out = append(out, strings.Join([]string{n.Family, n.Given, n.DroppingParticle, n.NonDroppingParticle, n.Suffix, n.Literal}, "|"))
		}
		return strings.Join(out, "; ")
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	if s, ok := v.(string); ok {
		return s
	}
	return strings.Trim(string(raw), `"`)
}

// tally counts compared fields and differences.
type tally struct {
	fields, same, excepted int
	diffs                  map[string][]string // "format field" -> examples
}

func (ty *tally) percent() float64 {
	if ty.fields == 0 {
		return 100
	}
	return 100 * float64(ty.same+ty.excepted) / float64(ty.fields)
}

// compare reads manba's output of items in one format with pandoc and
// counts the fields pandoc gets right.
func compare(t *testing.T, pandoc string, f format, items []bib.Item, exc []*exception, ty *tally) {
	t.Helper()
	var own bytes.Buffer
	_, err := csljson.Encode(&own, items, csljson.EncodeOptions{})
	require.NoError(t, err)
	want := byID(t, own.Bytes())
	got := runPandoc(t, pandoc, f.pandocFrom, f.encode(t, items))
	for _, it := range items {
		w, g := want[it.ID], got[it.ID]
		if g == nil {
			ty.fields++
			ty.diffs[f.name+" (item missing)"] = append(ty.diffs[f.name+" (item missing)"], it.ID)
			continue
		}
		for _, field := range comparedFields {
			mv, pv := canonical(field, w[field]), canonical(field, g[field])
			if mv == "" && pv == "" {
				continue
			}
			ty.fields++
			if mv == pv {
				ty.same++
				continue
			}
			if equalUnder(exc, f.name, it.Type, field, mv, pv) {
				ty.excepted++
				continue
			}
			k := f.name + " " + field
			ty.diffs[k] = append(ty.diffs[k], fmt.Sprintf("%s: manba %q, pandoc %q", it.ID, mv, pv))
		}
	}
}

func report(t *testing.T, name string, ty *tally, show bool) {
	t.Helper()
	t.Logf("%s: %d fields, %d equal, %d pandoc's known differences, %d differ: %.2f%% preserved",
		name, ty.fields, ty.same, ty.excepted, ty.fields-ty.same-ty.excepted, ty.percent())
	if !show {
		return
	}
	keys := make([]string, 0, len(ty.diffs))
	for k := range ty.diffs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return len(ty.diffs[keys[i]]) > len(ty.diffs[keys[j]]) })
	for _, k := range keys {
		ex := ty.diffs[k]
		t.Logf("  %s: %d, e.g. %s", k, len(ex), strings.Join(ex[:min(3, len(ex))], " | "))
	}
}

// TestPandocReadsBuiltInWorks: pandoc reads manba's BibLaTeX, BibTeX and
// CSL-JSON of the 32 built-in works with every compared field equal to
// manba's CSL-JSON, except the differences listed as pandoc's.
func TestPandocReadsBuiltInWorks(t *testing.T) {
	pandoc := testenv.Tool(t, "pandoc")
	exc := loadExceptions(t)
	for _, f := range formats {
		ty := &tally{diffs: map[string][]string{}}
		compare(t, pandoc, f, builtIn(), exc, ty)
		report(t, f.name, ty, true)
		for k, ex := range ty.diffs { // a count and one example per kind, not every difference
			assert.Failf(t, "differences", "%s: %d differences, e.g. %s", k, len(ex), ex[0])
		}
	}
}

// TestPandocReadsCorpusSample: on the corpus sample pandoc keeps >= 99% of
// the compared fields of manba's BibLaTeX and BibTeX (and CSL-JSON) on
// both halves; the measure half is counted, never used to tune.
func TestPandocReadsCorpusSample(t *testing.T) {
	pandoc := testenv.Tool(t, "pandoc")
	s := corpusSample(t)
	exc := loadExceptions(t)
	for _, f := range formats {
		for _, half := range []struct {
			name  string
			items []bib.Item
		}{{"tune", s.tune}, {"measure", s.measure}} {
			ty := &tally{diffs: map[string][]string{}}
			compare(t, pandoc, f, half.items, exc, ty)
			report(t, fmt.Sprintf("%s %s (%d items)", f.name, half.name, len(half.items)), ty, half.name == "tune" || testing.Verbose())
			assert.GreaterOrEqual(t, ty.percent(), 99.0, "%s %s: percentage of the fields preserved", f.name, half.name)
		}
	}
	for _, e := range exc {
		t.Logf("%s: used %d times: %s", e.source, e.used, e.reason)
	}
}

// TestManbaReadsPandocCSLJSON: the CSL-JSON pandoc writes (from manba's
// BibLaTeX, BibTeX and CSL-JSON of the built-in works and of the tune
// half of the sample) reads into manba and writes out again with every
// property pandoc gave, unchanged.
func TestManbaReadsPandocCSLJSON(t *testing.T) {
	pandoc := testenv.Tool(t, "pandoc")
	s := corpusSample(t)
	props, changed := 0, 0
	for _, f := range formats {
		for _, items := range [][]bib.Item{builtIn(), s.tune} {
			cmd := exec.Command(pandoc, "-f", f.pandocFrom, "-t", "csljson")
			cmd.Stdin = bytes.NewReader(f.encode(t, items))
			src, err := cmd.Output()
			require.NoError(t, err)
			read, diags := csljson.Decode("pandoc.json", src)
			require.False(t, diags.HasErrors(), "%v", diags.Errors())
			var again bytes.Buffer
			_, err = csljson.Encode(&again, read, csljson.EncodeOptions{})
			require.NoError(t, err)
			want, got := byID(t, src), byID(t, again.Bytes())
			for id, w := range want {
				for k, v := range w {
					props++
					if k == "type" && string(v) == `""` && string(got[id][k]) == `"document"` {
						continue // pandoc's empty type is not a CSL type; manba reads it as document
					}
					g := got[id][k]
					if g == nil {
						// A property outside the CSL schema is kept in custom.
						var custom map[string]json.RawMessage
						_ = json.Unmarshal(got[id]["custom"], &custom)
						g = custom[k]
					}
					if canonical(k, v) != canonical(k, g) && canonical(k, v) != "false" {
						changed++
						if changed <= 10 { // the first 10 say enough
							assert.Failf(t, "changed", "%s: %s %s: pandoc %s, manba writes %s", f.name, id, k, v, got[id][k])
						}
					}
				}
			}
		}
	}
	t.Logf("%d properties of pandoc's CSL-JSON, %d changed by reading and writing them", props, changed)
}

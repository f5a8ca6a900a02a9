package interop

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// biberWarning is one "WARN - Datamodel: Entry 'key' (file): ..." line.
var (
	biberEntry     = regexp.MustCompile(`Entry '([^']*)'`)
	biberMandatory = regexp.MustCompile(`Missing mandatory field(?: - one of)? '([^']*)'`)
	biberInvalid   = regexp.MustCompile(`Invalid field '([^']*)' for entrytype '([^']*)'`)
	biberUnknown   = regexp.MustCompile(`Field '([^']*)' invalid in data model`)
	// sourceValue are biber's checks of values: an ISBN or ISSN with a
	// bad checksum, an entry type the source made up, a volume that is
	// not a number.
	sourceValue = regexp.MustCompile(`Invalid value|Invalid ISBN|Invalid ISSN|Invalid entry type`)
)

// mandatoryVars are the CSL variables that would fill a mandatory
// BibLaTeX field: a warning about one of them is manba's when the item
// has the variable, and the data's when it has not.
var mandatoryVars = map[string][]string{
	"date": {"issued"}, "year": {"issued"}, "url": {"URL"}, "doi": {"DOI"}, "eprint": {},
	"author": {"author"}, "editor": {"editor"}, "title": {"title"}, "journaltitle": {"container-title"},
	"type": {"genre"}, "institution": {"publisher"}, "booktitle": {"container-title"}, "organization": {"publisher"},
}

// dataModelGaps are fields the data has for an entry type whose biblatex
// data model lacks them; manba keeps them where biblatex and pandoc read
// them in other entry types (see testdata/biber-gaps.tsv).
func dataModelGaps(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open("testdata/biber-gaps.tsv")
	require.NoError(t, err)
	defer f.Close()
	gaps := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			cols := strings.Split(l, "\t")
			require.Len(t, cols, 3, "biber-gaps.tsv: %q", l)
			gaps[cols[0]+" "+cols[1]] = cols[2]
		}
	}
	return gaps
}

// validate runs biber --tool --validate-datamodel on manba's BibLaTeX of
// items and sorts its warnings into those the data explains (a mandatory
// field the item has no value for, a field the source itself wrote, a
// data-model gap listed with its reason) and those manba's mapping causes.
func validate(t *testing.T, biber string, items []bib.Item, gaps map[string]string) (explained map[string]int, caused []string) {
	t.Helper()
	dir := t.TempDir()
	var buf bytes.Buffer
	require.NoError(t, bibtex.Encode(&buf, items, bibtex.EncodeOptions{Dialect: bibtex.BibLaTeX, ProtectCapitals: true}))
	in := filepath.Join(dir, "manba.bib")
	require.NoError(t, os.WriteFile(in, buf.Bytes(), 0o644))
	cmd := exec.Command(biber, "--tool", "--validate-datamodel", "manba.bib")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		// biber exits 2 when it skips an entry over a malformed name in
		// the source data; the validation still ran.
		require.Contains(t, string(out), "Datamodel validation complete", "biber: %v: %s", err, out)
	}
	byKey := map[string]bib.Item{}
	for _, it := range items {
		byKey[it.ID] = it
	}
	explained = map[string]int{}
	for _, line := range strings.Split(string(out), "\n") {
		if !strings.HasPrefix(line, "WARN") {
			continue
		}
		if !strings.Contains(line, "Datamodel:") || sourceValue.MatchString(line) {
			// biber's checks of values (a month "WRONG FORMAT", an
			// ISBN "????", a date "1985a") are about the source data,
			// which manba writes back as it is.
			explained["value biber cannot parse, as the source wrote it"]++
			continue
		}
		m := biberEntry.FindStringSubmatch(line)
		it, ok := byKey[""]
		if m != nil {
			it, ok = byKey[m[1]]
		}
		if reason := explain(line, it, ok, gaps); reason != "" {
			explained[reason]++
			continue
		}
		caused = append(caused, line)
	}
	return explained, caused
}

func explain(line string, it bib.Item, ok bool, gaps map[string]string) string {
	if !ok {
		return ""
	}
	if m := biberMandatory.FindStringSubmatch(line); m != nil {
		if m[1] == "date, year" && it.Dates["issued"].Literal != "" {
			return "a date biber cannot parse, as the source wrote it"
		}
		fields := strings.Split(m[1], ", ")
		for _, f := range fields {
			for _, v := range mandatoryVars[f] {
				if it.Vars[v] != "" || it.Names[v] != nil || !it.Dates[v].IsZero() {
					return "" // the data has it: manba should have written it
				}
			}
		}
		return "mandatory field the data lacks: " + m[1]
	}
	if m := biberInvalid.FindStringSubmatch(line); m != nil {
		if _, own := it.Extra[m[1]]; own {
			return "the source's own field " + m[1] + " written back"
		}
		if r, ok := gaps[m[2]+" "+m[1]]; ok {
			return fmt.Sprintf("data-model gap (%s in @%s): %s", m[1], m[2], r)
		}
		return ""
	}
	if m := biberUnknown.FindStringSubmatch(line); m != nil {
		if _, own := it.Extra[m[1]]; own {
			return "the source's own field written back"
		}
		if v, _, ok := strings.Cut(m[1], "_"); ok && !it.Forms.IsZero() && bib.KindOf(v) != bib.KindUnknown {
			// The other forms of a field (title_fa), which BibLaTeX's
			// data model has no place for; see pkg/bibtex/multiscript.go.
			return "a field's other form written as " + v + "_<tag>"
		}
		if _, both := it.Extra["location"]; both && m[1] == "address" {
			// ACM's address (publisher's city) and location (venue).
			return "the source has both address and location"
		}
	}
	return ""
}

func logExplained(t *testing.T, name string, explained map[string]int) {
	keys := make([]string, 0, len(explained))
	for k := range explained {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%s: %d x %s", name, explained[k], k)
	}
}

// TestBiberValidatesBuiltInWorks: biber finds nothing wrong with the
// BibLaTeX of the 32 built-in works that manba's mapping causes; what it
// reports is data the works lack.
func TestBiberValidatesBuiltInWorks(t *testing.T) {
	biber := testenv.Tool(t, "biber")
	explained, caused := validate(t, biber, builtIn(), dataModelGaps(t))
	logExplained(t, "built-in works", explained)
	assert.Empty(t, caused, "caused by manba")
}

// TestBiberValidatesCorpusSample does the same for the corpus sample.
func TestBiberValidatesCorpusSample(t *testing.T) {
	biber := testenv.Tool(t, "biber")
	s := corpusSample(t)
	gaps := dataModelGaps(t)
	for _, half := range []struct {
		name  string
		items []bib.Item
	}{{"tune", s.tune}, {"measure", s.measure}} {
		explained, caused := validate(t, biber, half.items, gaps)
		logExplained(t, half.name, explained)
		t.Logf("%s: %d warnings caused by manba's mapping", half.name, len(caused))
		kinds := map[string]int{}
		for _, c := range caused {
			kinds[biberEntry.ReplaceAllString(c, "Entry")]++
		}
		assert.Empty(t, kinds, "%s: caused by manba (count per kind)", half.name)
	}
}

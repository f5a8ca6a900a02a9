package csl_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/works"
)

// The differential test against citeproc-js, the reference CSL processor:
// the same items, style and locale go to pkg/csl and to citeproc-js (the npm
// package pinned in testdata/citeproc, run by node), and every bibliography
// entry and citation is compared in citeproc-js's HTML form.
//
// Items: the built-in works, and a fixed sample of the shared BibTeX corpus
// (one entry in corpusSampleEvery, chosen by a hash of file and key). The
// hash also splits the sample into a tune part, whose differences may be
// looked at (CITEPROC_DIFFS=file writes them), and a measure part, which is
// only ever counted: its figure says how pkg/csl does on items nobody tuned
// it on. testdata/citeproc/ratchet.txt holds the figures per style; a style
// that falls below its figure fails (-update rewrites the file), and
// testdata/citeproc/skip.txt lists citeproc-js's own bugs with reasons.
// CITEPROC_STYLES=a,b runs only those styles; CITEPROC_CACHE=dir keeps
// citeproc-js's output per job, so reruns only render with pkg/csl.

const (
	citeprocDir       = "testdata/citeproc"
	corpusSampleEvery = 14  // about 2,100 of the corpus's 40,700 entries
	corpusChunk       = 250 // items per bibliography
	citedPerChunk     = 12  // tune items cited in each
)

// part says which figure an entry counts in.
type part int

const (
	partWorks part = iota
	partTune
	partMeasure
	partCites
	numParts
)

var partNames = [numParts]string{"works", "tune", "measure", "citations"}

// harnessRun is one processor run: a bibliography of all its items and the
// citations of a few.
type harnessRun struct {
	Name      string         `json:"name"`
	Items     []bib.Item     `json:"items"`
	Citations []harnessCites `json:"citations"`
	parts     map[string]part
}

type harnessCites struct {
	NoteIndex int           `json:"noteIndex"`
	Cites     []harnessCite `json:"cites"`
}

type harnessCite struct {
	ID      string `json:"id"`
	Locator string `json:"locator,omitempty"`
	Label   string `json:"label,omitempty"`
}

type citeprocOut struct {
	Runs []struct {
		Name      string   `json:"name"`
		IDs       []string `json:"ids"`
		Entries   []string `json:"entries"`
		Citations []string `json:"citations"`
		Error     string   `json:"error"`
	} `json:"runs"`
}

// tally counts identical and compared entries of one part.
type tally struct{ same, total int }

func (t tally) String() string { return fmt.Sprintf("%d/%d", t.same, t.total) }

func (t tally) pct() float64 {
	if t.total == 0 {
		return 100
	}
	return 100 * float64(t.same) / float64(t.total)
}

// styleResult is the comparison of one style.
type styleResult struct {
	style string
	parts [numParts]tally
	diffs []string // works and tune differences only
	err   error
	// node and goTime are the time citeproc-js and pkg/csl took.
	node, goTime time.Duration
}

func TestCiteprocJS(t *testing.T) {
	node := testenv.Tool(t, "node")
	harness, err := filepath.Abs(citeprocDir)
	require.NoError(t, err)
	if _, err := os.Stat(filepath.Join(harness, "node_modules", "citeproc")); err != nil {
		testenv.Missing(t, "citeproc-js is not installed: run npm ci in %s", harness)
	}
	styles, err := filepath.Glob(filepath.Join(testenv.Shared(t, "csl", "styles"), "*.csl"))
	require.NoError(t, err)
	styles = filterStyles(styles, os.Getenv("CITEPROC_STYLES"))
	require.NotEmpty(t, styles)
	runs := append([]*harnessRun{worksRun(t)}, corpusRuns(t, testenv.Shared(t, "corpus", "bib"))...)
	skips := readCiteprocSkips(t)
	locales, err := filepath.Abs("locales")
	require.NoError(t, err)

	results := make([]styleResult, len(styles))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2) // one node process per style, two at a time
	for i, path := range styles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = compareStyle(node, harness, locales, path, runs, skips)
		}()
	}
	wg.Wait()

	ratchet := readRatchet(t)
	var table strings.Builder
	fmt.Fprintf(&table, "%-58s %-18s %-18s %-18s %s\n", "style", "works", "tune", "measure", "citations")
	var diffs []string
	for _, r := range results {
		if !assert.NoError(t, r.err, r.style) {
			continue
		}
		fmt.Fprintf(&table, "%-58s", r.style)
		for _, tl := range r.parts {
			fmt.Fprintf(&table, " %-18s", fmt.Sprintf("%5.1f%% %s", tl.pct(), tl))
		}
		fmt.Fprintf(&table, " (citeproc-js %.0fs, pkg/csl %.1fs)\n", r.node.Seconds(), r.goTime.Seconds())
		diffs = append(diffs, r.diffs...)
		if *update {
			continue
		}
		want, ok := ratchet[r.style]
		if !assert.True(t, ok, "%s has no line in %s/ratchet.txt (run with -update)", r.style, citeprocDir) {
			continue
		}
		for p, tl := range r.parts {
			// A slack of 0.5% of the entries absorbs changes in the
			// decoders that feed both processors alike.
			slack := max(1, want[p].total/200)
			assert.GreaterOrEqual(t, tl.same, want[p].same-slack,
				"%s %s: %s identical to citeproc-js, ratchet.txt records %s", r.style, partNames[p], tl, want[p])
		}
	}
	t.Logf("entries identical to citeproc-js:\n%s", table.String())
	if f := os.Getenv("CITEPROC_DIFFS"); f != "" {
		require.NoError(t, os.WriteFile(f, []byte(strings.Join(diffs, "\n")), 0o644))
	}
	if *update {
		writeRatchet(t, ratchet, results)
	}
}

// filterStyles keeps the styles named in CITEPROC_STYLES (comma-separated
// file names without .csl), to iterate on a few; empty keeps all.
func filterStyles(paths []string, names string) []string {
	if names == "" {
		return paths
	}
	want := strings.Split(names, ",")
	return slices.DeleteFunc(paths, func(p string) bool {
		return !slices.Contains(want, strings.TrimSuffix(filepath.Base(p), ".csl"))
	})
}

// worksRun renders the built-in works, citing each once and the first few
// again (subsequent, ibid and with locators).
func worksRun(t *testing.T) *harnessRun {
	r := &harnessRun{Name: "works", Items: roundTrip(t, works.Items()), parts: map[string]part{}}
	for _, it := range r.Items {
		r.parts[it.ID] = partWorks
	}
	r.Citations = citationsOf(r.Items)
	return r
}

// corpusRuns decodes the shared BibTeX corpus, keeps a fixed sample and
// splits it, in file order, into bibliographies of corpusChunk items: the
// size of a real reference list, with the entries of one file together
// (citeproc-js takes superlinear time on one list of thousands).
func corpusRuns(t *testing.T, dir string) []*harnessRun {
	var files []string
	require.NoError(t, filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".bib") {
			files = append(files, path)
		}
		return err
	}))
	slices.Sort(files)
	parts := map[string]part{}
	var items []bib.Item
	for _, path := range files {
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		rel, _ := filepath.Rel(dir, path)
		decoded, _ := bibtex.Decode(rel, src, bibtex.DecodeOptions{})
		for _, it := range decoded {
			h := fnv.New64a()
			h.Write([]byte(rel + "\x00" + it.ID))
			sum := h.Sum64()
			if sum%corpusSampleEvery != 0 || it.ID == "" {
				continue
			}
			if _, dup := parts[it.ID]; dup {
				continue
			}
			p := partTune
			if sum>>32&1 == 1 {
				p = partMeasure
			}
			parts[it.ID] = p
			items = append(items, it)
		}
	}
	require.Greater(t, len(items), 2000, "corpus sample")
	items = roundTrip(t, items)
	var runs []*harnessRun
	for len(items) > 0 {
		n := min(corpusChunk, len(items))
		r := &harnessRun{Name: fmt.Sprintf("corpus%d", len(runs)+1), Items: items[:n], parts: parts}
		var tune []bib.Item
		for _, it := range r.Items {
			if parts[it.ID] == partTune && len(tune) < citedPerChunk {
				tune = append(tune, it)
			}
		}
		r.Citations = citationsOf(tune)
		runs = append(runs, r)
		items = items[n:]
	}
	return runs
}

// roundTrip passes items through CSL-JSON so that both processors read
// exactly the data citeproc-js gets.
func roundTrip(t *testing.T, items []bib.Item) []bib.Item {
	b, err := json.Marshal(items)
	require.NoError(t, err)
	var out []bib.Item
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

// citationsOf cites every item once in its own note; every third cite has
// a page locator, and every fourth note cites the item before again, so
// that subsequent and ibid positions occur.
func citationsOf(items []bib.Item) []harnessCites {
	var cs []harnessCites
	for i, it := range items {
		c := harnessCite{ID: it.ID}
		if i%3 == 2 {
			c.Locator, c.Label = fmt.Sprint(10+i), "page"
		}
		cs = append(cs, harnessCites{NoteIndex: len(cs) + 1, Cites: []harnessCite{c}})
		if i%4 == 3 {
			cs = append(cs, harnessCites{NoteIndex: len(cs) + 1, Cites: []harnessCite{{ID: items[i-1].ID}, {ID: it.ID, Locator: "3", Label: "page"}}})
		}
	}
	return cs
}

// compareStyle renders every run with both processors.
func compareStyle(node, harness, locales, stylePath string, runs []*harnessRun, skips map[[2]string]bool) (res styleResult) {
	name := strings.TrimSuffix(filepath.Base(stylePath), ".csl")
	res.style = name
	src, err := os.ReadFile(stylePath)
	if err != nil {
		res.err = err
		return res
	}
	start := time.Now()
	want, err := runCiteproc(node, harness, locales, name, string(src), runs)
	res.node = time.Since(start)
	start = time.Now()
	defer func() { res.goTime = time.Since(start) }()
	if err != nil {
		res.err = err
		return res
	}
	st, err := csl.ParseStyle(strings.NewReader(string(src)))
	if err != nil {
		res.err = err
		return res
	}
	for i, run := range runs {
		w := want.Runs[i]
		if w.Error != "" {
			res.err = fmt.Errorf("citeproc-js, %s: %s", run.Name, w.Error)
			return res
		}
		p := csl.NewProcessor(st, "", slices.Clone(run.Items))
		p.RegisterAll()
		got := map[string]string{}
		for _, e := range p.Bibliography(csl.HTML) {
			got[e.ID] = e.Text
		}
		if len(w.IDs) != len(w.Entries) {
			res.err = fmt.Errorf("citeproc-js, %s: %d entry IDs for %d entries", run.Name, len(w.IDs), len(w.Entries))
			return res
		}
		wantByID := map[string]string{}
		for k, id := range w.IDs {
			wantByID[id] = w.Entries[k]
		}
		for _, it := range run.Items {
			if skips[[2]string{name, it.ID}] || skips[[2]string{"*", it.ID}] || andOthers(it) {
				continue
			}
			pt := run.parts[it.ID]
			g, gok := got[it.ID]
			wt, wok := wantByID[it.ID]
			if !gok && !wok {
				continue // neither prints an entry (e.g. a style without a bibliography)
			}
			res.parts[pt].total++
			if g == wt && gok == wok {
				res.parts[pt].same++
			} else if pt != partMeasure {
				res.diffs = append(res.diffs, fmt.Sprintf("%s\t%s\t%s\n  want %s\n  got  %s", name, partNames[pt], it.ID, wt, g))
			}
		}
		cited := map[string]bool{}
		var cits []csl.Citation
		for _, c := range run.Citations {
			cit := csl.Citation{NoteIndex: c.NoteIndex}
			for _, x := range c.Cites {
				cited[x.ID] = true
				cit.Cites = append(cit.Cites, csl.Cite{ID: x.ID, Locator: x.Locator, Label: x.Label})
			}
			cits = append(cits, cit)
		}
		var citedItems []bib.Item
		noRef := map[string]bool{} // items that andOthers excludes
		for _, it := range run.Items {
			if andOthers(it) {
				noRef[it.ID] = true
			}
			if cited[it.ID] {
				citedItems = append(citedItems, it)
			}
		}
		gotCits := csl.NewProcessor(st, "", citedItems).Citations(cits, csl.HTML)
		for k, g := range gotCits {
			if k >= len(w.Citations) {
				break
			}
			if slices.ContainsFunc(run.Citations[k].Cites, func(x harnessCite) bool { return noRef[x.ID] }) {
				continue
			}
			res.parts[partCites].total++
			if g == w.Citations[k] {
				res.parts[partCites].same++
			} else {
				res.diffs = append(res.diffs, fmt.Sprintf("%s\tcitation\t%s #%d\n  want %s\n  got  %s", name, run.Name, k, w.Citations[k], g))
			}
		}
	}
	return res
}

// runCiteproc renders the runs with citeproc-js in one node process.
func runCiteproc(node, harness, locales, name, style string, runs []*harnessRun) (*citeprocOut, error) {
	// CITEPROC_JOBS=dir keeps the job files, to rerun one by hand.
	dir := os.Getenv("CITEPROC_JOBS")
	if dir == "" {
		tmp, err := os.MkdirTemp("", "citeproc")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	job, err := json.Marshal(map[string]any{"style": style, "locales": locales, "runs": runs})
	if err != nil {
		return nil, err
	}
	in, out := filepath.Join(dir, name+".job.json"), filepath.Join(dir, name+".out.json")
	// CITEPROC_CACHE=dir reuses citeproc-js's output for an identical job:
	// it depends only on the job, so iterating on pkg/csl need not rerun it.
	cached := ""
	if c := os.Getenv("CITEPROC_CACHE"); c != "" {
		cached = filepath.Join(c, fmt.Sprintf("%s-%x.out.json", name, sha256.Sum256(job)))
		if b, err := os.ReadFile(cached); err == nil {
			return decodeCiteproc(b, len(runs))
		}
	}
	if err := os.WriteFile(in, job, 0o644); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join(harness, "render.js"), in, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("node render.js: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	if cached != "" {
		if err := os.MkdirAll(filepath.Dir(cached), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(cached, b, 0o644); err != nil {
			return nil, err
		}
	}
	return decodeCiteproc(b, len(runs))
}

func decodeCiteproc(b []byte, runs int) (*citeprocOut, error) {
	var res citeprocOut
	if err := json.Unmarshal(b, &res); err != nil {
		return nil, err
	}
	if len(res.Runs) != runs {
		return nil, fmt.Errorf("render.js returned %d runs for %d", len(res.Runs), runs)
	}
	return &res, nil
}

// andOthers reports whether a name list of the item ends in BibTeX's
// `and others`, which pkg/csl prints as "et al." as pandoc does: CSL-JSON
// has no way to tell citeproc-js, so there is no reference to compare with.
func andOthers(it bib.Item) bool {
	for k, v := range it.Extra {
		if strings.HasSuffix(k, "-and-others") && v == "true" {
			return true
		}
	}
	for _, ns := range it.Names {
		if len(ns) > 0 && ns[len(ns)-1].Literal == "others" {
			return true
		}
	}
	return false
}

// readCiteprocSkips reads skip.txt: "style-or-*  item-id  reason" per line,
// entries where citeproc-js itself is wrong.
func readCiteprocSkips(t *testing.T) map[[2]string]bool {
	skips := map[[2]string]bool{}
	f, err := os.Open(filepath.Join(citeprocDir, "skip.txt"))
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		require.GreaterOrEqual(t, len(fields), 3, "skip.txt: %q needs style, item and reason", line)
		skips[[2]string{fields[0], fields[1]}] = true
	}
	require.NoError(t, sc.Err())
	return skips
}

// readRatchet reads ratchet.txt: a style and one same/total figure per part.
func readRatchet(t *testing.T) map[string][numParts]tally {
	m := map[string][numParts]tally{}
	b, err := os.ReadFile(filepath.Join(citeprocDir, "ratchet.txt"))
	if os.IsNotExist(err) && *update {
		return m
	}
	require.NoError(t, err)
	for _, line := range strings.Split(string(b), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		require.Len(t, fields, 1+int(numParts), "ratchet.txt: %q", line)
		var ts [numParts]tally
		for p := range ts {
			_, err := fmt.Sscanf(fields[1+p], "%d/%d", &ts[p].same, &ts[p].total)
			require.NoError(t, err, "ratchet.txt: %q", line)
		}
		m[fields[0]] = ts
	}
	return m
}

// writeRatchet records the results, keeping the lines of styles not run.
func writeRatchet(t *testing.T, old map[string][numParts]tally, results []styleResult) {
	lines := maps.Clone(old)
	for _, r := range results {
		if r.err == nil {
			lines[r.style] = r.parts
		}
	}
	var b strings.Builder
	b.WriteString("# Entries identical to citeproc-js per style (same/compared), kept by TestCiteprocJS;\n")
	b.WriteString("# rewrite with go test ./pkg/csl -run TestCiteprocJS -update after an improvement.\n")
	fmt.Fprintf(&b, "# %-56s %s\n", "style", strings.Join(partNames[:], " "))
	for _, style := range slices.Sorted(maps.Keys(lines)) {
		fmt.Fprintf(&b, "%-58s", style)
		for _, tl := range lines[style] {
			fmt.Fprintf(&b, " %s", tl)
		}
		b.WriteString("\n")
	}
	require.NoError(t, os.WriteFile(filepath.Join(citeprocDir, "ratchet.txt"), []byte(b.String()), 0o644))
}

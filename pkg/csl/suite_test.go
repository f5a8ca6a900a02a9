package csl

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixture is one CSL test-suite file.
type fixture struct {
	name     string
	mode     string
	result   string
	csl      string
	input    string
	citItems string
	cits     string
}

var sectionRe = regexp.MustCompile(`(?s)>>=+ ([A-Z-]+) =+>>\n?(.*?)\n?<<=+ ([A-Z-]+) =+<<`)

func readFixture(path string) (*fixture, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f := &fixture{name: strings.TrimSuffix(filepath.Base(path), ".txt")}
	for _, m := range sectionRe.FindAllStringSubmatch(string(b), -1) {
		switch m[1] {
		case "MODE":
			f.mode = strings.TrimSpace(m[2])
		case "RESULT":
			f.result = m[2]
		case "CSL":
			f.csl = m[2]
		case "INPUT":
			f.input = m[2]
		case "CITATION-ITEMS":
			f.citItems = m[2]
		case "CITATIONS":
			f.cits = m[2]
		}
	}
	if f.mode == "" || f.csl == "" {
		return nil, fmt.Errorf("%s: missing MODE or CSL", path)
	}
	return f, nil
}

type jsonCite struct {
	ID             json.RawMessage `json:"id"`
	Locator        json.RawMessage `json:"locator"`
	Label          string          `json:"label"`
	Prefix         string          `json:"prefix"`
	Suffix         string          `json:"suffix"`
	SuppressAuthor bool            `json:"suppress-author"`
	AuthorOnly     bool            `json:"author-only"`
	Position       *int            `json:"position"` // citeproc-js numbering: 0 first .. 3 ibid-with-locator
	NearNote       bool            `json:"near-note"`
}

func (j jsonCite) cite() Cite {
	return Cite{ID: rawString(j.ID), Locator: rawString(j.Locator), Label: j.Label, Prefix: j.Prefix,
		Suffix: j.Suffix, SuppressAuthor: j.SuppressAuthor, AuthorOnly: j.AuthorOnly, Position: position(j.Position), NearNote: j.NearNote}
}

func position(p *int) Position {
	if p == nil || *p < 0 || *p > 3 {
		return PositionAuto
	}
	return Position(*p + 1)
}

func rawString(r json.RawMessage) string {
	var s string
	if json.Unmarshal(r, &s) == nil {
		return s
	}
	return strings.TrimSpace(string(r))
}

var citePrefixRe = regexp.MustCompile(`(?m)^(\.\.|>>)\[\d+\] `)

// run renders a fixture as citeproc-js would for the test suite.
func (f *fixture) run() (string, error) {
	style, err := ParseStyle(strings.NewReader(f.csl))
	if err != nil {
		return "", err
	}
	var items []bib.Item
	if err := json.Unmarshal([]byte(f.input), &items); err != nil {
		return "", fmt.Errorf("INPUT: %w", err)
	}
	p := NewProcessor(style, "", items)
	var cits []Citation
	switch {
	case f.citItems != "":
		var raw [][]jsonCite
		if err := json.Unmarshal([]byte(f.citItems), &raw); err != nil {
			return "", fmt.Errorf("CITATION-ITEMS: %w", err)
		}
		for i, cs := range raw {
			c := Citation{NoteIndex: i + 1}
			for _, j := range cs {
				c.Cites = append(c.Cites, j.cite())
			}
			cits = append(cits, c)
		}
	case f.cits != "":
		// Each call is citeproc-js processCitationCluster(citation,
		// citationsPre, citationsPost): the document becomes pre + this +
		// post, and every citation of the final document is printed.
		var raw [][]json.RawMessage
		if err := json.Unmarshal([]byte(f.cits), &raw); err != nil {
			return "", fmt.Errorf("CITATIONS: %w", err)
		}
		byID := map[string]*Citation{}
		var doc []string
		for _, call := range raw {
			var c struct {
				CitationID    string     `json:"citationID"`
				CitationItems []jsonCite `json:"citationItems"`
				Properties    struct {
					NoteIndex int `json:"noteIndex"`
				} `json:"properties"`
			}
			if len(call) < 3 || json.Unmarshal(call[0], &c) != nil {
				return "", fmt.Errorf("CITATIONS: bad call")
			}
			cit := &Citation{NoteIndex: c.Properties.NoteIndex}
			for _, j := range c.CitationItems {
				cit.Cites = append(cit.Cites, j.cite())
			}
			byID[c.CitationID] = cit
			var pre, post [][]json.RawMessage
			json.Unmarshal(call[1], &pre)
			json.Unmarshal(call[2], &post)
			doc = doc[:0]
			for _, e := range pre {
				doc = append(doc, noteRef(e, byID))
			}
			doc = append(doc, c.CitationID)
			for _, e := range post {
				doc = append(doc, noteRef(e, byID))
			}
		}
		for _, id := range doc {
			if c := byID[id]; c != nil {
				cits = append(cits, *c)
			}
		}
	default:
		c := Citation{NoteIndex: 1}
		for _, it := range items {
			c.Cites = append(c.Cites, Cite{ID: it.ID})
		}
		cits = []Citation{c}
	}
	if f.mode == "bibliography" {
		if f.citItems != "" || f.cits != "" {
			p.Citations(cits, HTML)
		}
		return p.BibliographyString(HTML), nil
	}
	return strings.Join(p.Citations(cits, HTML), "\n"), nil
}

// suiteDir is CSL_TEST_SUITE_DIR or the shared fixtures. The fixtures have
// no licence (../shared/csl/README.md), so no copy is kept in the
// repository: without them the test skips locally and fails under CI.
func suiteDir(t *testing.T) string {
	if d := os.Getenv("CSL_TEST_SUITE_DIR"); d != "" {
		return d
	}
	return testenv.Shared(t, "csl", "test-suite")
}

// readSkips reads testdata/skip.txt: "fixture-name  reason" per line.
func readSkips(t *testing.T) map[string]string {
	f, err := os.Open("testdata/skip.txt")
	require.NoError(t, err)
	defer f.Close()
	skips := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		assert.NotEmpty(t, strings.TrimSpace(reason), "skip.txt: %s has no reason", name)
		skips[name] = strings.TrimSpace(reason)
	}
	return skips
}

func TestSuite(t *testing.T) {
	dir := suiteDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		testenv.Missing(t, "no CSL test suite in %s", dir)
	}
	sort.Strings(files)
	skips := readSkips(t)
	passed, failed := 0, 0
	var failures []string
	for _, path := range files {
		fx, err := readFixture(path)
		if !assert.NoError(t, err) {
			failed++
			continue
		}
		got, err := fx.run()
		want := citePrefixRe.ReplaceAllString(fx.result, "")
		ok := err == nil && got == want
		reason, skipped := skips[fx.name]
		t.Run(fx.name, func(t *testing.T) {
			if skipped {
				if assert.False(t, ok, "UNEXPECTED PASS: remove %s from testdata/skip.txt", fx.name) {
					t.Skip(reason)
				}
				return
			}
			if assert.NoError(t, err) {
				assert.Equal(t, want, got, "mismatch")
			}
		})
		if ok && !skipped {
			passed++
		} else {
			failed++
			if !ok {
				failures = append(failures, fx.name)
			}
		}
	}
	if os.Getenv("CSL_SUITE_FAILURES") != "" {
		os.WriteFile(os.Getenv("CSL_SUITE_FAILURES"), []byte(strings.Join(failures, "\n")+"\n"), 0o644)
	}
	fmt.Printf("csl-suite: %d passed, %d failed\n", passed, failed)
}

// noteRef reads a [citationID, noteIndex] pair and updates the note index.
func noteRef(e []json.RawMessage, byID map[string]*Citation) string {
	if len(e) == 0 {
		return ""
	}
	id := rawString(e[0])
	if len(e) > 1 {
		var n int
		if json.Unmarshal(e[1], &n) == nil {
			if c := byID[id]; c != nil {
				c.NoteIndex = n
			}
		}
	}
	return id
}

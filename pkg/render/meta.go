package render

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Meta is what a YAML front matter block says about citations.
type Meta struct {
	Bibliography []string // files, as written
	CSL          string   // a style name or file
	Nocite       []string // keys to list without citing; "*" for all
	// ReferenceSectionTitle is the heading put before the bibliography.
	ReferenceSectionTitle string
	Lang                  string
}

// FrontMatter splits a document into its YAML front matter (between a
// first line "---" and a line "---" or "..."), read as Meta, and the body;
// bodyOffset is where the body starts. A document without front matter
// has a zero Meta.
func FrontMatter(doc string) (m Meta, body string, bodyOffset int, err error) {
	if !strings.HasPrefix(doc, "---\n") && !strings.HasPrefix(doc, "---\r\n") {
		return Meta{}, doc, 0, nil
	}
	start := strings.IndexByte(doc, '\n') + 1
	for off := start; off < len(doc); {
		end := strings.IndexByte(doc[off:], '\n')
		if end < 0 {
			end = len(doc) - off
		}
		line := strings.TrimRight(doc[off:off+end], "\r ")
		if line == "---" || line == "..." {
			next := min(off+end+1, len(doc))
			m, err = parseMeta(doc[start:off])
			return m, doc[next:], next, err
		}
		off += end + 1
	}
	return Meta{}, doc, 0, nil // no closing line: not front matter
}

func parseMeta(y string) (Meta, error) {
	var raw struct {
		Bibliography any    `yaml:"bibliography"`
		CSL          string `yaml:"csl"`
		Nocite       any    `yaml:"nocite"`
		RefTitle     string `yaml:"reference-section-title"`
		Lang         string `yaml:"lang"`
	}
	if err := yaml.Unmarshal([]byte(y), &raw); err != nil {
		return Meta{}, fmt.Errorf("front matter: %w", err)
	}
	m := Meta{CSL: raw.CSL, ReferenceSectionTitle: raw.RefTitle, Lang: raw.Lang}
	m.Bibliography = stringList(raw.Bibliography)
	for _, s := range stringList(raw.Nocite) {
		for _, c := range Parse(s) {
			for _, cite := range c.Cites {
				m.Nocite = append(m.Nocite, cite.Key)
			}
		}
		if strings.Contains(s, "@*") {
			m.Nocite = append(m.Nocite, "*")
		}
	}
	return m, nil
}

// stringList reads a YAML string or list of strings.
func stringList(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

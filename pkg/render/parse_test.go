package render

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/works"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Citation
	}{
		{"simple", "x [@a] y", []Citation{{Start: 2, End: 6, Cites: []Cite{{Key: "a", Offset: 3}}}}},
		{"page locator", "[@a, p. 48]", []Citation{{Start: 0, End: 11, Cites: []Cite{{Key: "a", Offset: 1, Locator: "48", Label: "page"}}}}},
		{"bare number is a page, suffix kept", "[@a, 33-35, 38, and passim]", []Citation{{End: 27, Cites: []Cite{{Key: "a", Offset: 1, Locator: "33-35, 38", Label: "page", Suffix: ", and passim"}}}}},
		{"prefix and two cites", "[see @a; @b, chap. 2]", []Citation{{End: 21, Cites: []Cite{
			{Key: "a", Offset: 5, Prefix: "see"}, {Key: "b", Offset: 9, Locator: "2", Label: "chapter"}}}}},
		{"suppress author", "[-@a]", []Citation{{End: 5, Cites: []Cite{{Key: "a", Offset: 2, SuppressAuthor: true}}}}},
		{"in text", "@a says", []Citation{{End: 2, InText: true, Cites: []Cite{{Key: "a", Offset: 0}}}}},
		{"in text with locator", "@a [p. 30] says", []Citation{{End: 10, InText: true, Cites: []Cite{{Key: "a", Offset: 0, Locator: "30", Label: "page"}}}}},
		{"key punctuation", "[@Doe:2001.x-y, sec. 3.2]", []Citation{{End: 25, Cites: []Cite{{Key: "Doe:2001.x-y", Offset: 1, Locator: "3.2", Label: "section"}}}}},
		{"trailing punctuation is not the key's", "as @abr1989.", []Citation{{Start: 3, End: 11, InText: true, Cites: []Cite{{Key: "abr1989", Offset: 3}}}}},
		{"colon after a citation in prose", "as [@a]: so", []Citation{{Start: 3, End: 7, Cites: []Cite{{Key: "a", Offset: 4}}}}},
		{"braced key", "[@{a b}, vol. 2]", []Citation{{End: 16, Cites: []Cite{{Key: "a b", Offset: 1, Locator: "2", Label: "volume"}}}}},
		{"suffix only", "[@a, especially]", []Citation{{End: 16, Cites: []Cite{{Key: "a", Offset: 1, Suffix: ", especially"}}}}},
		{"e-mail is not a citation", "mail me@example.org", nil},
		{"escaped", `\@a and \[@b]`, []Citation{{Start: 10, End: 12, InText: true, Cites: []Cite{{Key: "b", Offset: 10}}}}},
		{"link is not a citation", "[@a](http://x) [@b][ref] ![@c](i.png)\n[@d]: http://x", nil},
		{"code span", "`[@a]` and ``x @b``", nil},
		{"fenced code", "```\n[@a]\n```\n[@b]", []Citation{{Start: 13, End: 17, Cites: []Cite{{Key: "b", Offset: 14}}}}},
		{"indented code", "para\n\n    [@a]\n\n[@b]", []Citation{{Start: 16, End: 20, Cites: []Cite{{Key: "b", Offset: 17}}}}},
		{"an item without a key makes no citation", "[@a; not a cite]", []Citation{{Start: 1, End: 3, InText: true, Cites: []Cite{{Key: "a", Offset: 1}}}}},
		{"no blank line inside", "[@a,\n\np. 3]", []Citation{{Start: 1, End: 3, InText: true, Cites: []Cite{{Key: "a", Offset: 1}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Parse(tt.text))
		})
	}
}

func TestFrontMatter(t *testing.T) {
	doc := "---\ntitle: T\nbibliography: [a.bib, b.json]\ncsl: apa\nnocite: |\n  @x, @y\nreference-section-title: References\n---\nBody [@x]\n"
	m, body, off, err := FrontMatter(doc)
	require.NoError(t, err)
	assert.Equal(t, Meta{Bibliography: []string{"a.bib", "b.json"}, CSL: "apa", Nocite: []string{"x", "y"}, ReferenceSectionTitle: "References"}, m)
	assert.Equal(t, "Body [@x]\n", body)
	assert.Equal(t, doc[off:], body)

	m, _, _, err = FrontMatter("---\nbibliography: refs.bib\nnocite: '@*'\n...\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"refs.bib"}, m.Bibliography)
	assert.Equal(t, []string{"*"}, m.Nocite)

	_, body, off, _ = FrontMatter("---\nnot closed\n")
	assert.Equal(t, 0, off)
	assert.Equal(t, "---\nnot closed\n", body)

	_, _, _, err = FrontMatter("---\n: bad: [\n---\n")
	assert.Error(t, err)
}

func TestCitationsInFootnotesStayThere(t *testing.T) {
	doc := "Text.[^n] More [@hrw2005noexit].\n\n[^n]: As in [@rand2009mek, p. 3],\n    and [@abrahamian1989mojahedin].\n"
	st, err := csl.LoadStyle("chicago-notes-bibliography")
	require.NoError(t, err)
	out, diags := Document("d.md", []byte(doc), Options{Style: st, Items: works.Items()})
	require.Empty(t, diags)
	assert.Contains(t, string(out), "Text.[^n] More.[^c1]\n")
	assert.Contains(t, string(out), "[^n]: As in Jeremiah Goulka et al., *The Mujahedin-e Khalq in Iraq")
	assert.Contains(t, string(out), "    and Ervand Abrahamian, *The Iranian Mojahedin*")
	assert.NotContains(t, string(out), "[^c2]")
}

package render

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/works"
)

// FuzzParse checks that citations found in any text lie inside it, in
// order, each with a key at its "@".
func FuzzParse(f *testing.F) {
	for _, s := range []string{"x [@a, p. 48] y", "[see @a; -@b, chap. 2, and passim]", "@a [p. 30]", "`@a` ```\n@b\n```", "[@{a]}", "\\[@a\\]", "[@a](x)", "@a.b. @"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, c := range Parse(text) {
			assert.LessOrEqual(t, prev, c.Start)
			assert.Less(t, c.Start, c.End)
			assert.LessOrEqual(t, c.End, len(text))
			for _, cite := range c.Cites {
				assert.NotEmpty(t, cite.Key)
				assert.True(t, strings.HasPrefix(text[cite.Offset:], "@"), "%q at %d", text, cite.Offset)
			}
			prev = c.End
		}
	})
}

// FuzzDocument checks that any document renders in a note style and an
// author-date style, every problem with a position.
func FuzzDocument(f *testing.F) {
	for _, s := range []string{"---\nnocite: '@*'\n---\nx [@rand2009mek, p. 1].", "@hrw2005noexit [p. 2] and [@x; @y].", "---\n---\n"} {
		f.Add(s)
	}
	apa, _ := csl.LoadStyle("apa")
	notes, _ := csl.LoadStyle("chicago-notes-bibliography")
	items := works.Items()
	f.Fuzz(func(t *testing.T, doc string) {
		for _, st := range []*csl.Style{apa, notes} {
			_, diags := Document("f.md", []byte(doc), Options{Style: st, Items: items, Format: HTML})
			for _, d := range diags {
				assert.Positive(t, d.Pos.Line, d.Error())
			}
		}
	})
}

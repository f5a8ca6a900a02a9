package bibtex

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// describe renders a tree compactly so table tests can compare it.
func describe(f *File) string {
	var b strings.Builder
	for _, bl := range f.Blocks {
		switch bl.Kind {
		case TextBlock, CommentBlock:
			fmt.Fprintf(&b, "%s@%d %q\n", bl.Kind, bl.Offset, bl.Raw)
			continue
		}
		e := bl.Entry
		fmt.Fprintf(&b, "%s@%d %s %q", bl.Kind, bl.Offset, e.Type, e.Key)
		if !e.Complete {
			b.WriteString(" (incomplete)")
		}
		for _, fl := range e.Fields {
			fmt.Fprintf(&b, " %s=", fl.Name)
			for i, p := range fl.Value {
				if i > 0 {
					b.WriteByte('#')
				}
				switch p.Kind {
				case Braced:
					fmt.Fprintf(&b, "{%s}", p.Text)
				case Quoted:
					fmt.Fprintf(&b, "%q", p.Text)
				default:
					b.WriteString(p.Text)
				}
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, src, want, diags string
	}{
		{"empty", "", "", ""},
		{"braced entry",
			"@Article{key1,\n  Title = {A {DNA} study},\n  year = 1999,\n}\n",
			"entry@0 Article \"key1\" Title={A {DNA} study} year=1999\ntext@58 \"\\n\"\n", ""},
		{"paren entry and quotes",
			`@book(k, title = "The {"}Best{"} " # jan # {x}, note="a@b")`,
			"entry@0 book \"k\" title=\"The {\\\"}Best{\\\"} \"#jan#{x} note=\"a@b\"\n", ""},
		{"string preamble comment",
			"@STRING{mek = {Mojahedin-e Khalq}}\n@preamble{\"\\newcommand{\\x}{y}\"}\n@comment{jabref-meta: x;}\n",
			"string@0 STRING \"\" mek={Mojahedin-e Khalq}\ntext@34 \"\\n\"\npreamble@35 preamble \"\" =\"\\\\newcommand{\\\\x}{y}\"\ntext@66 \"\\n\"\ncomment@67 \"@comment{jabref-meta: x;}\"\ntext@92 \"\\n\"\n", ""},
		{"text and percent comments",
			"% @article{not, an = entry}\nsee mail x@y.org\n@misc{m,\n% a comment line\n author = {A}}",
			"text@0 \"% @article{not, an = entry}\\nsee mail x@y.org\\n\"\nentry@45 misc \"m\" author={A}\n", ""},
		{"non-ascii key",
			"@misc{رجوی۱۹۸۹, title={x}}",
			"entry@0 misc \"رجوی۱۹۸۹\" title={x}\n", ""},
		{"missing comma recovered",
			"@misc{a, title = {x}\n author = {y}}",
			"entry@0 misc \"a\" title={x} author={y}\n", "f.bib:2:2: error: entry \"a\": missing ',' before field"},
		{"unbalanced braces recover at next entry",
			"@misc{a, title = {x\n@misc{b, title = {y}}\n",
			"entry@0 misc \"a\" (incomplete)\nentry@20 misc \"b\" title={y}\ntext@41 \"\\n\"\n",
			"f.bib:1:18: error: entry \"a\": unterminated '{' (unbalanced braces)\nf.bib:1:18: warning: skipped 3 bytes to the next entry at 2:1"},
		{"missing closing brace",
			"@misc{a, title = {x}\n@misc{b, year = 2}",
			"entry@0 misc \"a\" (incomplete) title={x}\nentry@21 misc \"b\" year=2\n",
			"f.bib:2:1: error: entry \"a\": unexpected '@' after the value of \"title\", expected ',' or '}'"},
		{"garbage value recovers",
			"@misc{a, title = }\n@misc{b, year = 2}",
			"entry@0 misc \"a\" (incomplete)\nentry@19 misc \"b\" year=2\n",
			"f.bib:1:18: error: entry \"a\": unexpected '}', expected a value"},
		{"unterminated at eof",
			"@misc{a, title = {x},",
			"entry@0 misc \"a\" (incomplete) title={x}\n", "f.bib:1:1: error: entry \"a\": unterminated entry"},
		{"missing key",
			"@misc{title = {x}}",
			"entry@0 misc \"\" title={x}\n", "f.bib:1:7: error: entry has no key"},
		{"unbalanced comment is text up to the next entry",
			"@comment{ unbalanced {\n@misc{a,}",
			"comment@0 \"@comment{ unbalanced {\\n\"\nentry@23 misc \"a\"\n", ""},
		{"at sign not starting an entry",
			"@ foo\n@misc{a}",
			"text@0 \"@ foo\\n\"\nentry@6 misc \"a\"\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, diags := Parse("f.bib", []byte(tt.src))
			assert.Equal(t, tt.want, describe(f), "tree")
			assert.Equal(t, tt.diags, diags.Error(), "diagnostics")
			var buf bytes.Buffer
			f.WriteTo(&buf)
			assert.Equal(t, tt.src, buf.String(), "WriteTo")
		})
	}
}

func TestParseLatin1(t *testing.T) {
	src := []byte("@misc{k, author = {M\xfcller}, note = {\x93q\x94 \x81}}\n")
	f, diags := Parse("l.bib", src)
	require.Len(t, diags, 1, "diagnostics")
	require.Contains(t, diags[0].Error(), "Windows-1252", "diagnostics")
	e := f.Entries()[0]
	assert.Equal(t, "Müller", e.Fields[0].Value[0].Text, "author")
	assert.Equal(t, "“q” \u0081", e.Fields[1].Value[0].Text, "note")
	var buf bytes.Buffer
	f.WriteTo(&buf)
	assert.True(t, bytes.Equal(buf.Bytes(), src), "WriteTo")
}

// TestDecodeConcurrent decodes and encodes from many goroutines at once;
// run with -race. Each must get its own items back.
func TestDecodeConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 30; r++ {
				key := fmt.Sprintf("k%d_%d", g, r)
				src := fmt.Sprintf("@string{m = {Rajavi}}\n@article{%s, author = m # {, Mas'oud}, title = {T %d}, crossref = {p%d}}\n@periodical{p%d, title = {J}}", key, r, g, g)
				items, _ := Decode("c.bib", []byte(src), DecodeOptions{})
				// No require in goroutines: assert, and stop on failure.
				if !assert.Len(t, items, 2, "goroutine %d", g) || !assert.Equal(t, key, items[0].ID, "goroutine %d", g) ||
					!assert.Equal(t, fmt.Sprintf("T %d", r), items[0].Get("title"), "goroutine %d", g) {
					return
				}
				var buf bytes.Buffer
				if !assert.NoError(t, Encode(&buf, items, EncodeOptions{ProtectCapitals: true})) {
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestParseConcurrent parses from many goroutines at once; run with -race.
func TestParseConcurrent(t *testing.T) {
	srcs := make([][]byte, 8)
	for i := range srcs {
		srcs[i] = []byte(fmt.Sprintf("@misc{k%d, title = {T%d} # jan}\n@misc{x,", i, i))
	}
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 50; r++ {
				i := (g + r) % len(srcs)
				f, diags := Parse("c.bib", srcs[i])
				if !assert.Equal(t, fmt.Sprintf("k%d", i), f.Entries()[0].Key, "goroutine %d", g) || !assert.Len(t, diags, 1) {
					return
				}
				_ = f.Pos(10)
			}
		}()
	}
	wg.Wait()
}

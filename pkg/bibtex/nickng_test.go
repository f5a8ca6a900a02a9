package bibtex

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

func TestParseNickngGuard(t *testing.T) {
	tests := []struct{ src, err string }{
		{"@misc{a, publisher = pmoi}", `macro "pmoi" is not defined`},
		{"@string{PMOI = {x}}\n@misc{a, publisher = pmoi}", `macro "pmoi" is not defined`},
		{"@misc{a, publisher = pmoi}\n@string{pmoi = {x}}", `macro "pmoi" is not defined`},
		{"@string{y = 2001}", `macro "2001" is not defined`},
		{"@string{pmoi = {x}}\n@misc{a, publisher = pmoi # { Press}, month = may}", ""},
	}
	for _, tt := range tests {
		doc, err := ParseNickng([]byte(tt.src))
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%q: %v", tt.src, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%q: error %v, want %q", tt.src, err, tt.err)
		case tt.err == "" && len(doc.Entries) != 1:
			t.Errorf("%q: %d entries", tt.src, len(doc.Entries))
		}
	}
}

// TestParseNickngConcurrent shows that the mutex makes nickng safe to call
// from many goroutines (run with -race): each gets its own document back.
func TestParseNickngConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range 20 {
				key := fmt.Sprintf("k%d_%d", g, r)
				doc, err := ParseNickng([]byte("@misc{" + key + ", title = {T}}"))
				if err != nil || len(doc.Entries) != 1 || doc.Entries[0].CiteName != key {
					t.Errorf("goroutine %d: got %v, %v", g, doc, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestNickngConversion converts the golden items to a nickng document and
// back, and through nickng's own writer and manba's reader.
func TestNickngConversion(t *testing.T) {
	src, err := os.ReadFile("testdata/decode/iran.bib")
	if err != nil {
		t.Fatal(err)
	}
	items, _ := Decode("iran.bib", src, DecodeOptions{NoInherit: true})
	doc := ToNickng(items, EncodeOptions{})
	if len(doc.Entries) != len(items) {
		t.Fatalf("%d entries, want %d", len(doc.Entries), len(items))
	}
	back, diags := FromNickng(doc, DecodeOptions{NoInherit: true})
	if len(diags) != 0 || len(back) != len(items) {
		t.Fatalf("FromNickng: %d items, %v", len(back), diags)
	}
	written, _ := Decode("nickng.bib", []byte(doc.RawString()), DecodeOptions{NoInherit: true})
	for i := range items {
		if !back[i].Equal(items[i]) {
			t.Errorf("FromNickng(ToNickng(x)) differs:%s", itemDiff(items[i], back[i]))
		}
		if !written[i].Equal(items[i]) {
			t.Errorf("nickng RawString read by manba differs:%s", itemDiff(items[i], written[i]))
		}
	}
}

// TestNickngDifferential parses corpus files with both parsers and
// compares entries, types, keys and field values (macros expanded). It
// keeps to files without the constructs ARCHITECTURE.md lists as nickng
// defects: % lines, @type(...), # concatenation, braces or @ in quoted
// values, non-ASCII keys, @preamble, and files manba reports problems in.
func TestNickngDifferential(t *testing.T) {
	compared, entries := 0, 0
	for _, c := range corpusFiles(t) {
		src := readCorpus(t, c)
		f, diags := Parse(c.rel, src)
		if len(diags) > 0 || !nickngCanRead(f) {
			continue
		}
		doc, err := ParseNickng(src)
		if err != nil {
			continue // a macro nickng cannot resolve: the guard held
		}
		compared++
		ours := f.Entries()
		if len(doc.Entries) != len(ours) {
			t.Errorf("%s: nickng %d entries, manba %d", c.rel, len(doc.Entries), len(ours))
			continue
		}
		d := NewDecoder(strings.NewReader(""), c.rel, DecodeOptions{})
		lc := &lineCounter{}
		for _, b := range f.Blocks {
			if b.Kind == StringBlock {
				d.handle(b)
			}
		}
		for i, e := range ours {
			entries++
			n := doc.Entries[i]
			// nickng keeps fields in a map: a repeated field counts once.
			names := map[string]bool{}
			for _, fl := range e.Fields {
				names[fl.Name] = true
			}
			if !strings.EqualFold(n.Type, e.Type) || n.CiteName != e.Key || len(n.Fields) != len(names) {
				t.Errorf("%s: entry %d: nickng @%s{%s} with %d fields, manba @%s{%s} with %d",
					c.rel, i, n.Type, n.CiteName, len(n.Fields), e.Type, e.Key, len(names))
				continue
			}
			for _, fl := range e.Fields {
				nv, ok := n.Fields[fl.Name]
				if !ok {
					t.Errorf("%s: %s: nickng lacks field %s", c.rel, e.Key, fl.Name)
					continue
				}
				want, _ := d.resolve(fl.Value, lc, owner{entry: true, key: e.Key, name: fl.Name})
				if got := nv.String(); got != want {
					t.Errorf("%s: %s.%s: nickng %q, manba %q", c.rel, e.Key, fl.Name, got, want)
				}
			}
		}
	}
	t.Logf("compared %d files, %d entries", compared, entries)
	if compared == 0 {
		t.Error("no corpus file was comparable")
	}
}

// nickngCanRead reports whether a file avoids nickng's known defects.
func nickngCanRead(f *File) bool {
	for _, b := range f.Blocks {
		switch b.Kind {
		case PreambleBlock, CommentBlock:
			return false
		case TextBlock:
			if strings.Contains(b.Raw, "%") || strings.Contains(b.Raw, "@") {
				return false
			}
			continue
		}
		e := b.Entry
		if e.Delim != '{' || strings.Contains(b.Raw, "%") || !isASCII(e.Key) {
			return false
		}
		for _, fl := range e.Fields {
			if len(fl.Value) != 1 {
				return false
			}
			p := fl.Value[0]
			if strings.ContainsAny(p.Text, "@") || p.Kind == Quoted && strings.ContainsAny(p.Text, "{}") {
				return false
			}
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

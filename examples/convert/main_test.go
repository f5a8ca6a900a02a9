package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bib"
)

func TestRun(t *testing.T) {
	src := "@string{ii = {Iran-Interlink}}\n" +
		"@book{singleton, author = {Singleton, Anne}, title = {Saddam{\\textquoteright}s Private Army},\n" +
		"  publisher = ii, year = 2003}\n" +
		"@book{broken, title = {no closing brace}\n" +
		"@report{hrw, author = {{Human Rights Watch}}, title = {No Exit}, date = {2005-05}, month = jan2}\n"
	var out, diags strings.Builder
	if err := run(&out, &diags, "refs.bib", []byte(src)); err != nil {
		t.Fatal(err)
	}
	var items []bib.Item
	if err := json.Unmarshal([]byte(out.String()), &items); err != nil {
		t.Fatalf("output is not CSL-JSON: %v\n%s", err, out.String())
	}
	byID := map[string]bib.Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	s, ok := byID["singleton"]
	if !ok {
		t.Fatalf("singleton missing from %d items", len(items))
	}
	if got := s.Get("title"); got != "Saddam’s Private Army" {
		t.Errorf("title = %q", got)
	}
	if got := s.Get("publisher"); got != "Iran-Interlink" {
		t.Errorf("publisher = %q (the @string macro was not expanded)", got)
	}
	h, ok := byID["hrw"]
	if !ok {
		t.Fatal("the entry after a broken one was not recovered")
	}
	if got := h.Names["author"][0].Literal; got != "Human Rights Watch" {
		t.Errorf("corporate author = %q, want a literal name", got)
	}
	if !strings.Contains(diags.String(), "refs.bib:") {
		t.Errorf("problems carry no position:\n%s", diags.String())
	}
}

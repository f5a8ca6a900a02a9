package refparse

import (
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"io"
	"strings"
)

// Token is one whitespace-separated word of a reference with its label.
type Token struct {
	Text  string
	Label string
}

// Sequence is one labelled reference.
type Sequence []Token

// String is the reference as one line.
func (s Sequence) String() string {
	words := make([]string, len(s))
	for i, t := range s {
		words[i] = t.Text
	}
	return strings.Join(words, " ")
}

// labelOf maps AnyStyle's labels to the ones this package predicts;
// periodicals are container titles, rare roles and media are notes.
var labelOf = map[string]string{
	"author": "author", "editor": "editor", "translator": "translator", "title": "title",
	"journal": "container-title", "container-title": "container-title",
	"collection-title": "collection-title", "date": "date", "edition": "edition",
	"volume": "volume", "pages": "pages", "publisher": "publisher", "location": "location",
	"genre": "genre", "medium": "genre", "note": "note", "source": "note", "director": "author",
	"producer": "note", "dataset": "note", "url": "url", "doi": "doi", "isbn": "isbn",
	"citation-number": "citation-number",
}

// Labels are the labels a model predicts, in a fixed order.
var Labels = []string{"author", "editor", "translator", "title", "container-title",
	"collection-title", "date", "edition", "volume", "pages", "publisher", "location",
	"genre", "note", "url", "doi", "isbn", "citation-number"}

// ReadXML reads labelled references in AnyStyle's XML format
// (<dataset><sequence><author>...</author>...</sequence>...</dataset>).
// Unknown labels become "note"; an error names the sequence it stopped at.
func ReadXML(r io.Reader) ([]Sequence, error) {
	dec := xml.NewDecoder(r)
	var out []Sequence
	var cur Sequence
	var label string
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, col := dec.InputPos()
			return out, fmt.Errorf("%d:%d: sequence %d: %w", line, col, len(out)+1, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 2 && t.Name.Local == "sequence":
				cur = nil
			case depth == 3:
				label = labelOf[t.Name.Local]
				if label == "" {
					label = "note"
				}
			}
		case xml.EndElement:
			if depth == 2 && t.Name.Local == "sequence" && len(cur) > 0 {
				out = append(out, cur)
			}
			if depth == 3 {
				label = ""
			}
			depth--
		case xml.CharData:
			if depth == 3 && label != "" {
				for _, w := range strings.Fields(string(t)) {
					cur = append(cur, Token{Text: w, Label: label})
				}
			}
		}
	}
	return out, nil
}

// Split divides sequences deterministically into a training part and a
// measure-only part of about one in five, by a hash of the reference text,
// so the same reference always falls on the same side.
func Split(seqs []Sequence) (train, measure []Sequence) {
	for _, s := range seqs {
		h := fnv.New32a()
		h.Write([]byte(s.String()))
		if h.Sum32()%5 == 0 {
			measure = append(measure, s)
		} else {
			train = append(train, s)
		}
	}
	return train, measure
}

// Package finder classifies the lines of a plain-text document as
// reference-list lines ("ref"), running text ("text"), headings
// ("title"), page furniture such as running heads and page numbers
// ("meta") or blank ("blank"), with a linear-chain model over line
// features: indentation and its change, length, how the line starts and
// ends, years, page ranges, initials, "Surname, X." openings, publisher
// and periodical words, and the same of the neighbouring lines.
//
// The embedded model is trained on the training documents of the finder
// data (AnyStyle's labelled documents, BSD-2-clause, see LICENSE-anystyle)
// by `go generate`; the other documents only measure it.
package finder

import (
	"bufio"
	_ "embed"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/manba/manba/pkg/extract/internal/seqmodel"
)

// Labels are the line classes, in model order.
var Labels = []string{"blank", "text", "title", "meta", "ref"}

// Document is a labelled document: its name and its lines.
type Document struct {
	Name   string
	Lines  []string
	Labels []string
}

// ReadTTX reads AnyStyle's labelled-document format: one line per line of
// the document, "label | text", where an empty label continues the block
// above.
func ReadTTX(name string, r io.Reader) (Document, error) {
	d := Document{Name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	label := "blank"
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		bar := strings.Index(l, "|")
		if bar < 0 {
			return d, fmt.Errorf("%s:%d: no \"|\" between label and text", name, n)
		}
		if lab := strings.TrimSpace(l[:bar]); lab != "" {
			label = lab
		}
		text := l[bar+1:]
		text = strings.TrimPrefix(text, " ")
		d.Lines = append(d.Lines, text)
		d.Labels = append(d.Labels, label)
	}
	return d, sc.Err()
}

// Split divides documents into a training part and a measure-only part
// of about one in four, by a hash of the document's name.
func Split(docs []Document) (train, measure []Document) {
	for _, d := range docs {
		h := fnv.New32a()
		h.Write([]byte(d.Name))
		if h.Sum32()%4 == 0 {
			measure = append(measure, d)
		} else {
			train = append(train, d)
		}
	}
	return train, measure
}

// Model is a trained line classifier.
type Model struct{ m *seqmodel.Model }

// Classify returns the class of every line.
func (m *Model) Classify(lines []string) []string {
	if len(lines) == 0 {
		return nil
	}
	ids := m.m.Decode(Features(lines))
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = m.m.Label(id)
	}
	return out
}

// Train fits a line classifier to labelled documents.
func Train(docs []Document, o TrainOptions) (*Model, error) {
	id := map[string]int{}
	for i, l := range Labels {
		id[l] = i
	}
	var data []seqmodel.Example
	for _, d := range docs {
		ex := seqmodel.Example{Feats: Features(d.Lines), Gold: make([]int, len(d.Lines))}
		for i, l := range d.Labels {
			k, ok := id[l]
			if !ok {
				return nil, fmt.Errorf("%s:%d: unknown label %q", d.Name, i+1, l)
			}
			ex.Gold[i] = k
		}
		data = append(data, ex)
	}
	return &Model{seqmodel.Train(Labels, data, o)}, nil
}

const magic = "manba-finder-1\n"

// Write saves the model compactly and reproducibly.
func (m *Model) Write(w io.Writer) error { return m.m.Write(w, magic) }

// Read loads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	m, err := seqmodel.Read(r, magic)
	if err != nil {
		return nil, err
	}
	return &Model{m}, nil
}

//go:generate go run ./internal/trainfinder -o model.bin ../../../../shared/refparse/finder

//go:embed model.bin
var embedded []byte

// Default returns the embedded model, read once.
func Default() *Model { return defaultModel() }

var defaultModel = sync.OnceValue(func() *Model {
	return &Model{seqmodel.Embedded(embedded, magic, "text")}
})

// TrainOptions tune Train; the zero value trains with the defaults.
type TrainOptions = seqmodel.TrainOptions

// ReadDir reads every .ttx file of dir, in name order.
func ReadDir(dir string) ([]Document, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.ttx"))
	if err != nil {
		return nil, err
	}
	var docs []Document
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return nil, err
		}
		d, err := ReadTTX(filepath.Base(n), f)
		f.Close()
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

package refparse

import (
	_ "embed"
	"io"
	"sync"

	"github.com/manba/manba/pkg/extract/internal/seqmodel"
)

// Model is a trained reference labeller.
type Model struct{ m *seqmodel.Model }

// Labels returns the labels the model predicts.
func (m *Model) Labels() []string { return m.m.Labels() }

// Label returns the label of every token.
func (m *Model) Label(tokens []string) []string {
	if len(tokens) == 0 {
		return nil
	}
	b := buffers.Get().(*labelBuf)
	defer buffers.Put(b)
	ids := m.m.DecodeWith(b.features(tokens), &b.decode)
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = m.m.Label(id)
	}
	return out
}

// labelBuf is the storage Label reuses from one reference to the next.
type labelBuf struct {
	featureBuf
	decode seqmodel.Scratch
}

var buffers = sync.Pool{New: func() any { return new(labelBuf) }}

const magic = "manba-refparse-1\n"

// Write saves the model compactly and reproducibly (see seqmodel).
func (m *Model) Write(w io.Writer) error { return m.m.Write(w, magic) }

// Read loads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	m, err := seqmodel.Read(r, magic)
	if err != nil {
		return nil, err
	}
	return &Model{m}, nil
}

//go:generate go run ./internal/trainmodel -o model.bin ../../../../shared/refparse/parser-train.xml

//go:embed model.bin
var embedded []byte

// Default returns the embedded model, read once.
func Default() *Model { return defaultModel() }

var defaultModel = sync.OnceValue(func() *Model {
	return &Model{seqmodel.Embedded(embedded, magic, "note")}
})

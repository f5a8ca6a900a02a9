package refparse

import (
	"bytes"
	"os"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/stretchr/testify/require"
)

func sharedSplit(t *testing.T) (train, measure []Sequence) {
	f, err := os.Open(testenv.Shared(t, "refparse", "parser-train.xml"))
	require.NoError(t, err)
	defer f.Close()
	seqs, err := ReadXML(f)
	require.NoError(t, err)
	return Split(seqs)
}

// TestEmbeddedModelQuality scores the embedded model's fields on the
// training part and the measure-only part of the labelled references.
func TestEmbeddedModelQuality(t *testing.T) {
	train, measure := sharedSplit(t)
	for _, part := range []struct {
		name string
		seqs []Sequence
	}{{"train", train}, {"measure-only", measure}} {
		scores, acc := Evaluate(Default(), part.seqs)
		t.Logf("%s (%d references): token accuracy %.3f", part.name, len(part.seqs), acc)
		for _, s := range scores {
			t.Logf("  %-16s F1 %.3f (%d right, %d wrong, %d missed)", s.Label, s.F1(), s.TruePos, s.FalsePos, s.Mis)
		}
		require.Greater(t, acc, 0.85, part.name)
	}
}

// TestEmbeddedModelIsReproducible retrains on the training part and
// requires the embedded file byte for byte: the committed model is what
// `go generate` builds.
func TestEmbeddedModelIsReproducible(t *testing.T) {
	train, _ := sharedSplit(t)
	m, err := Train(train, TrainOptions{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, m.Write(&b))
	require.True(t, bytes.Equal(b.Bytes(), embedded), "model.bin is not what go generate builds; run go generate ./pkg/extract/refparse")
}

func TestEmbeddedModelLoads(t *testing.T) {
	m, err := Read(bytes.NewReader(embedded))
	require.NoError(t, err)
	require.Equal(t, Labels, m.Labels())
	require.Less(t, len(embedded), 4<<20, "the embedded model stays small")
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), embedded[:len(embedded)/2]} {
		_, err := Read(bytes.NewReader(in))
		require.Error(t, err)
	}
}

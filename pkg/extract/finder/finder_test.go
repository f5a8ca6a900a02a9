package finder

import (
	"bytes"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/stretchr/testify/require"
)

func sharedDocs(t *testing.T) (train, measure []Document) {
	docs, err := ReadDir(testenv.Shared(t, "refparse", "finder"))
	require.NoError(t, err)
	require.NotEmpty(t, docs)
	return Split(docs)
}

// refF1 scores the "ref" class over the lines of documents.
func refF1(m *Model, docs []Document) (f1, accuracy float64) {
	var tp, fp, fn, right, total int
	for _, d := range docs {
		got := m.Classify(d.Lines)
		for i, want := range d.Labels {
			total++
			if got[i] == want {
				right++
			}
			switch {
			case got[i] == "ref" && want == "ref":
				tp++
			case got[i] == "ref":
				fp++
			case want == "ref":
				fn++
			}
		}
	}
	return 2 * float64(tp) / float64(max(2*tp+fp+fn, 1)), float64(right) / float64(max(total, 1))
}

// TestEmbeddedModelQuality scores the line classifier on its training
// documents and on the measure-only ones.
func TestEmbeddedModelQuality(t *testing.T) {
	train, measure := sharedDocs(t)
	for _, part := range []struct {
		name string
		docs []Document
	}{{"train", train}, {"measure-only", measure}} {
		f1, acc := refF1(Default(), part.docs)
		t.Logf("%s (%d documents): line accuracy %.3f, reference-line F1 %.3f", part.name, len(part.docs), acc, f1)
		require.Greater(t, f1, 0.8, part.name)
	}
}

// TestEmbeddedModelIsReproducible retrains and requires the embedded file
// byte for byte.
func TestEmbeddedModelIsReproducible(t *testing.T) {
	train, _ := sharedDocs(t)
	m, err := Train(train, TrainOptions{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, m.Write(&b))
	require.True(t, bytes.Equal(b.Bytes(), embedded), "model.bin is not what go generate builds; run go generate ./pkg/extract/finder")
}

func TestEmbeddedModelLoads(t *testing.T) {
	_, err := Read(bytes.NewReader(embedded))
	require.NoError(t, err)
	_, err = Read(strings.NewReader("garbage"))
	require.Error(t, err)
}

func TestReadTTX(t *testing.T) {
	d, err := ReadTTX("x.ttx", strings.NewReader("title | Heading\n      | more\nref   | Smith, J. 2001.\n"))
	require.NoError(t, err)
	require.Equal(t, []string{"title", "title", "ref"}, d.Labels)
	require.Equal(t, "Smith, J. 2001.", d.Lines[2])
	_, err = ReadTTX("bad.ttx", strings.NewReader("no bar here\n"))
	require.ErrorContains(t, err, "bad.ttx:1")
}

func FuzzClassify(f *testing.F) {
	f.Add("References\n\nSmith, J. (2001). A title. Journal, 3, 1-2.\n")
	f.Add("\x00\xff\n\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		require.Len(t, Default().Classify(lines), len(lines))
	})
}

package refparse

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/manba/manba/internal/testenv"
)

// TestFeaturesUnchanged: the features hashed into reused buffers are
// those of the code the model was trained with (oldFeatures), on every
// labelled reference and on odd tokens, with one buffer reused throughout.
func TestFeaturesUnchanged(t *testing.T) {
	seqs := [][]string{
		strings.Fields("Smith, J. (1998). “A Title,” Journal of Things 12(3): 215–240. doi:10.1000/xyz"),
		strings.Fields("« Économie » [En ligne], Éd. Gallimard, Paris, t. IV, p. 12 ; ÜBERS. 'quoted' (Hrsg.)"),
		{"\xff\xfe", "a\xffB", "ǅungla", "İstanbul", "ΣΟΦΙΑ.", "“", "”", ")", "x", "10.1234/a", "http://a.b", "1998a", "1990-1999", "XIV"},
		{"only"},
		{"Ab", "Cd"},
	}
	if f, err := os.Open(testenv.Shared(t, "refparse", "parser-train.xml")); err == nil {
		all, err := ReadXML(f)
		f.Close()
		require.NoError(t, err)
		for _, s := range all {
			toks := make([]string, len(s))
			for i, tok := range s {
				toks[i] = tok.Text
			}
			seqs = append(seqs, toks)
		}
	}
	var b featureBuf
	for _, toks := range seqs {
		require.Equal(t, oldFeatures(toks), b.features(toks), "%q", toks)
	}
}

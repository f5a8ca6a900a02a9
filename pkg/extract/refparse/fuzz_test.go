package refparse

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func FuzzLabel(f *testing.F) {
	for _, s := range []string{
		"Lane, Robert K. Essays on Folklore. New York: Norton, 1998.",
		"“", "(((", "1998–", "\xff\xfe", "a b c d e f",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := strings.Fields(s)
		labels := Default().Label(toks)
		require.Len(t, labels, len(toks))
	})
}

func TestLabelReadsTheParts(t *testing.T) {
	toks := strings.Fields("Piazza, J. A. (1994). The Democratic Islamic Republic of Iran in Exile. Journal of Third World Studies, 11(1), 9–43.")
	got := Default().Label(toks)
	want := []string{"author", "author", "author", "date", "title", "title", "title", "title", "title", "title", "title", "title",
		"container-title", "container-title", "container-title", "container-title", "container-title", "volume", "pages"}
	require.Equal(t, want, got)
}

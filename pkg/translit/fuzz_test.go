package translit

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/transform"
)

// FuzzFold checks that folding never panics, is idempotent in every
// profile, and that the transformers agree with the string functions.
func FuzzFold(f *testing.F) {
	for _, s := range corpus() {
		if len(s) < 300 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range []*Profile{Cleanup, Latin, Default, Skeleton} {
			once := p.String(s)
			require.Equal(t, once, p.String(once), "%s not idempotent on %q", p.Name(), s)
			if p != Cleanup {
				require.True(t, utf8.ValidString(once), "%s(%q) = %q is not UTF-8", p.Name(), s, once)
			}
			if len(s) > 400 {
				continue
			}
			got, _, err := transform.String(p.NewTransformer(), s)
			require.NoError(t, err, "%s transform %q", p.Name(), s)
			require.Equal(t, once, got, "%s transform %q", p.Name(), s)
		}
	})
}

package translit

import (
	"testing"
	"unicode/utf8"

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
			if twice := p.String(once); twice != once {
				t.Fatalf("%s not idempotent on %q: %q then %q", p.Name(), s, once, twice)
			}
			if p != Cleanup && !utf8.ValidString(once) {
				t.Fatalf("%s(%q) = %q is not UTF-8", p.Name(), s, once)
			}
			if len(s) > 400 {
				continue
			}
			got, _, err := transform.String(p.NewTransformer(), s)
			if err != nil {
				t.Fatalf("%s transform %q: %v", p.Name(), s, err)
			}
			if got != once {
				t.Fatalf("%s transform %q = %q, want %q", p.Name(), s, got, once)
			}
		}
	})
}

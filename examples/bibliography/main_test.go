package main

import (
	"strings"
	"testing"

	"github.com/manba/manba/pkg/works"
)

// The rendering itself is pkg/csl's to test; this checks that the example
// lists every cited work and cites the four the issue names.
func TestRun(t *testing.T) {
	var b strings.Builder
	if err := run(&b, "apa", "text"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	bibl, citation, ok := strings.Cut(out, "\nCitation: ")
	if !ok {
		t.Fatalf("no citation line:\n%s", out)
	}
	if n, want := len(strings.Split(strings.TrimSpace(bibl), "\n")), len(works.Items()); n != want {
		t.Errorf("%d bibliography entries, want %d:\n%s", n, want, bibl)
	}
	for _, want := range []string{
		"Singleton, A. (2003). Saddam’s Private Army: How Rajavi Changed Iran’s Mojahedin",
		"Goulka, J., Hansell, L., Wilke, E., & Larson, J. (2009). The Mujahedin-e Khalq in Iraq: A Policy Conundrum",
		"Human Rights Watch. (2005). No Exit: Human Rights Abuses Inside the MKO Camps",
		"Abrahamian, E. (1989b). The Iranian Mojahedin",
		"Abrahamian, E. (1989a). Radical Islam: The Iranian Mojahedin",
	} {
		if !strings.Contains(bibl, want) {
			t.Errorf("bibliography lacks %q", want)
		}
	}
	if want := "(Abrahamian, 1989b; Goulka et al., 2009; Human Rights Watch, 2005; Singleton, 2003)\n"; citation != want {
		t.Errorf("citation = %q, want %q", citation, want)
	}
	if err := run(&b, "no-such-style", "text"); err == nil {
		t.Error("no error for an unknown style")
	}
	if err := run(&b, "apa", "docx"); err == nil {
		t.Error("no error for an unknown format")
	}
}

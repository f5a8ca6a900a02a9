package main

import (
	"strings"
	"testing"

	"github.com/manba/manba/pkg/works"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rendering itself is pkg/csl's to test; this checks that the example
// lists every cited work and cites the four the issue names.
func TestRun(t *testing.T) {
	var b strings.Builder
	require.NoError(t, run(&b, "apa", "text"))
	out := b.String()
	bibl, citation, ok := strings.Cut(out, "\nCitation: ")
	require.True(t, ok, "no citation line:\n%s", out)
	assert.Equal(t, len(works.Items()), len(strings.Split(strings.TrimSpace(bibl), "\n")),
		"bibliography entries:\n%s", bibl)
	for _, want := range []string{
		"Singleton, A. (2003). Saddam’s Private Army: How Rajavi Changed Iran’s Mojahedin",
		"Goulka, J., Hansell, L., Wilke, E., & Larson, J. (2009). The Mujahedin-e Khalq in Iraq: A Policy Conundrum",
		"Human Rights Watch. (2005). No Exit: Human Rights Abuses Inside the MKO Camps",
		"Abrahamian, E. (1989b). The Iranian Mojahedin",
		"Abrahamian, E. (1989a). Radical Islam: The Iranian Mojahedin",
	} {
		assert.Contains(t, bibl, want, "bibliography")
	}
	assert.Equal(t, "(Abrahamian, 1989b; Goulka et al., 2009; Human Rights Watch, 2005; Singleton, 2003)\n",
		citation, "citation")
	assert.Error(t, run(&b, "no-such-style", "text"), "no error for an unknown style")
	assert.Error(t, run(&b, "apa", "docx"), "no error for an unknown format")
}

package ris

import (
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

func TestEncoderWarningsAreCappedPerKind(t *testing.T) {
	var items []bib.Item
	for i := range 150 {
		it := bib.Item{ID: fmt.Sprint("k", i), Type: "interview"}
		it.Set("medium", "Radio")
		items = append(items, it)
	}
	warns, err := Encode(io.Discard, items, EncodeOptions{MaxDiagnosticsPerKind: 2})
	require.NoError(t, err)
	assert.Equal(t, []string{
		`item "k0": RIS has no type for "interview"; written as PCOMM, which reads back as "personal_communication"`,
		`item "k0": RIS has no tag for medium; not written`,
		`item "k1": RIS has no type for "interview"; written as PCOMM, which reads back as "personal_communication"`,
		`item "k1": RIS has no tag for medium; not written`,
		`148 more like this (RIS has no tag for …), not listed (MaxDiagnosticsPerKind)`,
		`148 more like this (RIS has no type for …), not listed (MaxDiagnosticsPerKind)`,
	}, msgs(warns))
	assert.Equal(t, 300, warns.Count())

	// The default keeps 100 of each kind.
	warns, _ = Encode(io.Discard, items, EncodeOptions{})
	assert.Len(t, warns, 202)
}

func msgs(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.Msg)
	}
	return out
}

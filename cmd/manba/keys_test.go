package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const keysBib = `% a comment that stays
@book{a, author={رجوی, مسعود}, title={تاریخ}, year=1380}
@book{b,   author = {Abrahamian, Ervand},  title={The Iranian Mojahedin}, year=1989}
@incollection{c, author={Haeri, Safa}, title={All Lies}, crossref={b}, note={Citation Key: haeri-pinned}}
`

func TestKeysBibTeXByteForByteAndMap(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "lib.bib")
	require.NoError(t, os.WriteFile(in, []byte(keysBib), 0o644))
	mapFile := filepath.Join(dir, "map.tsv")
	out, errOut, code := runCLI(t, "", "keys", in, "--map", mapFile)
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, `% a comment that stays
@book{rajavitarikh2001, author={رجوی, مسعود}, title={تاریخ}, year=1380}
@book{abrahamianiranian1989,   author = {Abrahamian, Ervand},  title={The Iranian Mojahedin}, year=1989}
@incollection{haeri-pinned, author={Haeri, Safa}, title={All Lies}, crossref={abrahamianiranian1989}, note={Citation Key: haeri-pinned}}
`, out)
	m, err := os.ReadFile(mapFile)
	require.NoError(t, err)
	assert.Equal(t, "a\trajavitarikh2001\nb\tabrahamianiranian1989\nc\thaeri-pinned\n", string(m))

	// Keys of keys: nothing changes the second time.
	again, errOut, code := runCLI(t, out, "keys")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, out, again)
	assert.Contains(t, errOut, "0 of 3 keys changed")
}

func TestKeysKeepPinAndOtherFormats(t *testing.T) {
	needFormat(t, "csljson")
	in := `[{"id":"x","type":"book","title":"The Iranian Mojahedin","author":[{"family":"Abrahamian"}]},
{"id":"","type":"book","title":"The Iranian Mojahedin","author":[{"family":"Abrahamian"}]},
{"id":"y","type":"book","title":"Saddam's Private Army","author":[{"family":"Singleton"}]}]`
	out, errOut, code := runCLI(t, in, "keys", "--keep", "--to", "csljson")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"id": "x"`)
	assert.Contains(t, out, `"id": "abrahamianiranian"`)

	out, errOut, code = runCLI(t, in, "keys", "--pin", "y", "--formula", "auth.upper", "--to", "csljson")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"id": "ABRAHAMIAN"`)
	assert.Contains(t, out, `"id": "ABRAHAMIANa"`)
	assert.Contains(t, out, `"id": "y"`)
}

func TestKeysUsage(t *testing.T) {
	for _, args := range [][]string{
		{"keys", "--keep", "--all"},
		{"keys", "--formula", "auth.nosuch"},
		{"keys", "--to", "docx"},
	} {
		_, _, code := runCLI(t, "", args...)
		assert.Equal(t, 2, code, args)
	}
}

func TestKeysRISTwiceChangesNothing(t *testing.T) {
	needFormat(t, "ris")
	ris := "TY  - BOOK\nID  - x1\nAU  - Abrahamian, Ervand\nTI  - The Iranian Mojahedin\nPY  - 1989\nER  - \n\nTY  - BOOK\nAU  - رجوی, مسعود\nTI  - تاریخ\nPY  - 2001\nER  - \n"
	once, errOut, code := runCLI(t, ris, "keys")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, once, "ID  - abrahamianiranian1989\n")
	assert.Contains(t, once, "ID  - rajavitarikh2001\n")
	twice, errOut, code := runCLI(t, once, "keys")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, once, twice)
	assert.Contains(t, errOut, "0 of 2 keys changed")
}

func TestKeysUnknownPinIsAnInputProblem(t *testing.T) {
	out, errOut, code := runCLI(t, keysBib, "keys", "--pin", "nosuchkey")
	assert.Equal(t, 1, code)
	assert.Empty(t, out, "nothing is written when a pinned key is unknown")
	assert.Contains(t, errOut, "nosuchkey")
}

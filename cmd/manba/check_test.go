package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const checkBib = "@book{k,\n  author = {A, B}, title = {T}, year = 2009,\n  isbn = {978-0-8330-4701-5}, note = {}\n}\n"

func TestCheckText(t *testing.T) {
	out, errOut, code := runCLI(t, checkBib, "check")
	assert.Equal(t, 1, code)
	assert.Equal(t, `<stdin>:3:10: isbn: ISBN "978-0-8330-4701-5" has a wrong check digit (want 4); fix: copy the ISBN again from the book or a catalogue
<stdin>:3:31: empty-field: field "note" is empty; fix: fill it in or remove it (manba tidy removes empty fields)
`, out)
	assert.Contains(t, errOut, "2 problem(s): 1 empty-field, 1 isbn")
}

func TestCheckJSONAndSkip(t *testing.T) {
	out, _, code := runCLI(t, checkBib, "check", "--to", "json", "--skip", "isbn")
	assert.Equal(t, 1, code)
	var fs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &fs))
	require.Len(t, fs, 1)
	assert.Equal(t, "empty-field", fs[0]["check"])
	assert.Equal(t, float64(3), fs[0]["line"])

	out, _, code = runCLI(t, checkBib, "check", "--to", "json", "--skip", "isbn,empty-field")
	assert.Equal(t, 0, code)
	assert.JSONEq(t, "[]", out)
}

func TestCheckUsage(t *testing.T) {
	for _, args := range [][]string{{"check", "--to", "xml"}, {"check", "--skip", "nosuch"}} {
		_, _, code := runCLI(t, "", args...)
		assert.Equal(t, 2, code, args)
	}
}

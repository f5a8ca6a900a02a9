package bib

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCSLJSONErrorLeaksGoTypes checks that a property of the wrong JSON
// type is reported in CSL-JSON's words, never with Go type names.
func TestCSLJSONErrorLeaksGoTypes(t *testing.T) {
	tests := []struct {
		json string
		want string
	}{
		{`{"author": "Smith, John"}`, `property "author": want a list of names (objects with "family" and "given", or "literal"), got a string`},
		{`{"author": ["Smith"]}`, `property "author": want a name (an object with "family" and "given", or "literal"), got a string`},
		{`{"editor": [{"family": 3}]}`, `property "editor": "family": want a string, got a number`},
		{`{"editor": [{"family": "A", "comma-suffix": "yes"}]}`, `property "editor": "comma-suffix": want true or false, got a string`},
		{`{"issued": {"date-parts": "2001"}}`, `property "issued": "date-parts": want a list, got a string`},
		{`{"author": {"family": "A"}}`, `property "author": want a list of names (objects with "family" and "given", or "literal"), got an object`},
	}
	for _, tt := range tests {
		var it Item
		err := it.UnmarshalJSON([]byte(tt.json))
		require.Error(t, err, tt.json)
		assert.Equal(t, tt.want, err.Error(), tt.json)
		assert.NotContains(t, err.Error(), "Go ", tt.json)
	}
}

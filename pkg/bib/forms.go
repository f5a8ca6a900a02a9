package bib

import (
	"encoding/json"
	"maps"
	"strings"
)

// Forms holds other forms of an item's fields than the one in Vars or Names:
// the original script, romanizations and translations, each under a BCP 47
// language tag ("fa" for Persian script, "fa-Latn-alalc97" for the ALA-LC
// romanization, "fa-Latn-ijmes", "en" for an English translation). The value
// in Vars or Names is in the item's language.
type Forms struct {
	// Vars: variable → tag → value, for title, container-title, publisher,
	// publisher-place and any other text variable.
	Vars map[string]map[string]string
	// Names: name variable → position in Names → tag → name.
	Names map[string][]map[string]Name
}

// IsZero reports whether no form is set.
func (f Forms) IsZero() bool { return len(f.Vars) == 0 && len(f.Names) == 0 }

// Well-known tags. A romanization tag is the language, the Latin script and
// the scheme as a BCP 47 variant or private use subtag.
const (
	TagRomanALALC = "fa-Latn-alalc97"
	TagEnglish    = "en"
)

// SetForm sets one form of a text variable; an empty value deletes it.
func (it *Item) SetForm(variable, tag, value string) {
	tag = CanonicalTag(tag)
	if value == "" {
		if m := it.Forms.Vars[variable]; m != nil {
			delete(m, tag)
			if len(m) == 0 {
				delete(it.Forms.Vars, variable)
			}
		}
		return
	}
	if it.Forms.Vars == nil {
		it.Forms.Vars = map[string]map[string]string{}
	}
	if it.Forms.Vars[variable] == nil {
		it.Forms.Vars[variable] = map[string]string{}
	}
	it.Forms.Vars[variable][tag] = value
}

// Form returns the form of a text variable under tag, or "".
func (it *Item) Form(variable, tag string) string {
	return it.Forms.Vars[variable][CanonicalTag(tag)]
}

// SetNameForm sets a form of the i-th name of a name variable.
func (it *Item) SetNameForm(variable string, i int, tag string, n Name) {
	if i < 0 || i >= len(it.Names[variable]) {
		return
	}
	if it.Forms.Names == nil {
		it.Forms.Names = map[string][]map[string]Name{}
	}
	list := it.Forms.Names[variable]
	for len(list) <= i {
		list = append(list, nil)
	}
	if list[i] == nil {
		list[i] = map[string]Name{}
	}
	list[i][CanonicalTag(tag)] = n
	it.Forms.Names[variable] = list
}

// NameForm returns a form of the i-th name of a name variable.
func (it *Item) NameForm(variable string, i int, tag string) (Name, bool) {
	list := it.Forms.Names[variable]
	if i < 0 || i >= len(list) {
		return Name{}, false
	}
	n, ok := list[i][CanonicalTag(tag)]
	return n, ok
}

func (f Forms) clone() Forms {
	var c Forms
	if f.Vars != nil {
		c.Vars = make(map[string]map[string]string, len(f.Vars))
		for k, v := range f.Vars {
			c.Vars[k] = maps.Clone(v)
		}
	}
	if f.Names != nil {
		c.Names = make(map[string][]map[string]Name, len(f.Names))
		for k, list := range f.Names {
			cl := make([]map[string]Name, len(list))
			for i, m := range list {
				cl[i] = maps.Clone(m)
			}
			c.Names[k] = cl
		}
	}
	return c
}

func (f Forms) equal(g Forms) bool {
	if len(f.Vars) != len(g.Vars) || len(f.Names) != len(g.Names) {
		return false
	}
	for k, v := range f.Vars {
		if w, ok := g.Vars[k]; !ok || !maps.Equal(v, w) {
			return false
		}
	}
	for k, list := range f.Names {
		other, ok := g.Names[k]
		if !ok || len(trimEmpty(list)) != len(trimEmpty(other)) {
			return false
		}
		for i, m := range trimEmpty(list) {
			if !maps.EqualFunc(m, other[i], Name.Equal) {
				return false
			}
		}
	}
	return true
}

// trimEmpty drops trailing positions without forms.
func trimEmpty(list []map[string]Name) []map[string]Name {
	for len(list) > 0 && len(list[len(list)-1]) == 0 {
		list = list[:len(list)-1]
	}
	return list
}

// CanonicalTag returns a BCP 47 tag in its conventional case: language lower
// case, script title case, region upper case, other subtags lower case
// ("FA-LATN-ALALC97" → "fa-Latn-alalc97"). Formats that fold field names to
// lower case (BibTeX) lose nothing this way.
func CanonicalTag(tag string) string {
	parts := strings.Split(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"), "-")
	for i, p := range parts {
		p = strings.ToLower(p)
		switch {
		case i > 0 && len(p) == 4 && isAlpha(p) && !afterSingleton(parts[:i]):
			p = strings.ToUpper(p[:1]) + p[1:]
		case i > 0 && len(p) == 2 && isAlpha(p) && !afterSingleton(parts[:i]):
			p = strings.ToUpper(p)
		}
		parts[i] = p
	}
	return strings.Join(parts, "-")
}

// afterSingleton reports whether an extension or private-use singleton
// ("x", "u") came before, after which case carries no meaning.
func afterSingleton(prev []string) bool {
	for _, p := range prev {
		if len(p) == 1 {
			return true
		}
	}
	return false
}

func isAlpha(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

// IsRomanization reports whether a tag names a Latin-script form ("-Latn").
func IsRomanization(tag string) bool {
	return strings.Contains(strings.ToLower(tag), "-latn")
}

// TitleTranslation returns the translation of the title into lang: its
// form under that tag, else for English the CSL 1.1 "translated-title"
// variable (kept in Custom by CSL 1.0.2 readers).
func (it *Item) TitleTranslation(lang string) string {
	if tr := it.Form("title", lang); tr != "" {
		return tr
	}
	if lang != TagEnglish {
		return ""
	}
	if tr := it.Vars["translated-title"]; tr != "" {
		return tr
	}
	var s string
	if raw, ok := it.Custom["translated-title"]; ok && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}

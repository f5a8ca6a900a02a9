package bibtex

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/manba/manba/pkg/bib"
)

// BibLaTeX fields for other script forms and calendar dates. biblatex has no
// multiscript data model yet (biber's proposal names fields like
// title_romanised); manba writes one field per form, named by the CSL
// variable and the form's BCP 47 tag, lower case as BibTeX field names are:
//
//	title_fa-latn-alalc97 = {Sāzmān-i Mujāhidīn-i Khalq},
//	title_en              = {The People's Mojahedin Organization},
//	author_fa-latn-alalc97 = {Rajavī, Masʻūd and {}},  % one name per author, {} for none
//	issued_calendar       = {solar-hijri},
//	issued_original       = {۱۳۸۰},
//
// with the Gregorian date in date/year as usual. Reading turns these fields
// back into Item.Forms and the calendar of the date; the tag's case is
// restored (bib.CanonicalTag).
const (
	calendarSuffix = "_calendar"
	originalSuffix = "_original"
)

// formsToFields returns the item with its Forms and date calendars moved
// into Extra as the fields above, so that the encoder writes them like any
// other kept field.
func (e *Encoder) formsToFields(it bib.Item) bib.Item {
	if it.Forms.IsZero() && !hasCalendarDate(it) {
		return it
	}
	it = it.Clone()
	for v, tags := range it.Forms.Vars {
		for tag, val := range tags {
			it.SetExtra(formField(v, tag), e.encodeValue(v, v, val))
		}
	}
	for v, list := range it.Forms.Names {
		tags := map[string]bool{}
		for _, m := range list {
			for tag := range m {
				tags[tag] = true
			}
		}
		for tag := range tags {
			parts := make([]string, len(it.Names[v]))
			for i := range parts {
				parts[i] = "{}"
				if i < len(list) {
					if n, ok := list[i][tag]; ok {
						parts[i] = e.encodeName(n)
					}
				}
			}
			it.SetExtra(formField(v, tag), strings.Join(parts, " and "))
		}
	}
	for v, d := range it.Dates {
		if d.Calendar != "" {
			it.SetExtra(v+calendarSuffix, d.Calendar)
			it.SetExtra(v+originalSuffix, e.encodeValue(v+originalSuffix, v, d.Original))
		}
	}
	it.Forms = bib.Forms{}
	return it
}

func hasCalendarDate(it bib.Item) bool {
	for _, d := range it.Dates {
		if d.Calendar != "" {
			return true
		}
	}
	return false
}

func formField(variable, tag string) string { return variable + "_" + strings.ToLower(tag) }

// isLanguageTag reports whether the suffix of a field name is a well-formed
// BCP 47 tag with known subtags, as the tag of a form must be; "date" in
// ACM's issue_date is not one.
func isLanguageTag(s string) bool {
	_, err := language.Parse(s)
	return err == nil
}

// fieldsToForms reads the fields above back into the item, then converts
// the Hijri dates of Persian and Arabic items (bib.ResolveCalendars),
// reporting each conversion at the entry.
func (d *Decoder) fieldsToForms(it *bib.Item, e *rawEntry) {
	for i := range e.fields {
		f := &e.fields[i]
		v, tag, ok := strings.Cut(f.name, "_")
		if !ok || tag == "" || bib.KindOf(v) == bib.KindUnknown {
			continue
		}
		if tag != "calendar" && tag != "original" && !isLanguageTag(tag) {
			continue // a field of its own, such as ACM's issue_date
		}
		switch {
		case tag == "calendar" || tag == "original":
			if dt, ok := it.Dates[v]; ok && tag == "calendar" {
				dt.Calendar = it.Extra[f.name]
				if orig, ok := it.Extra[v+originalSuffix]; ok {
					dt.Original = d.text(rawField{name: v + originalSuffix, tex: orig, pos: f.pos}, kindText)
				}
				it.Dates[v] = dt
				delete(it.Extra, f.name)
				delete(it.Extra, v+originalSuffix)
			}
		case bib.KindOf(v) == bib.KindName:
			for j, raw := range splitFormNames(f.tex) {
				if raw == "{}" {
					continue
				}
				names, _ := d.names(&rawField{name: f.name, tex: raw, pos: f.pos})
				if len(names) == 1 {
					names[0].Original = ""
					it.SetNameForm(v, j, tag, names[0])
				}
			}
			delete(it.Extra, f.name)
		default:
			it.SetForm(v, tag, d.text(*f, kindText))
			delete(it.Extra, f.name)
		}
	}
	for _, msg := range bib.ResolveCalendars(it) {
		d.diags.Warnf(e.pos, "entry %q: %s", e.key, msg)
	}
}

// splitFormNames splits a name list at " and " outside braces, keeping the
// "{}" placeholders of names without a form.
func splitFormNames(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case ' ':
			if depth == 0 && strings.HasPrefix(s[i:], " and ") {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + len(" and ")
				i += len(" and ") - 1
			}
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

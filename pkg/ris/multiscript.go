package ris

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/names"
	"github.com/manba/manba/pkg/translit"
)

// RIS has one tag for another form of a field, TT (translated title); manba
// writes the English form of the title there. Every other form, and the
// calendar of a date whose DA/PY holds its Gregorian equivalent, goes into
// an N1 note line of its own that reading takes back out of the note:
//
//	TT  - The Mojahedin-e Khalq Organization: Origin to Fate
//	N1  - title [fa-Latn-alalc97]: Sāzmān-i Mujāhidīn-i Khalq
//	N1  - publisher [fa-Latn-alalc97]: Muʼassasah-ʼi Muṭālaʻāt
//	N1  - author 1 [fa-Latn-alalc97]: {"family":"Rajavī","given":"Masʻūd"}
//	N1  - issued [solar-hijri]: ۱۳۸۵
var formLine = regexp.MustCompile(`^([a-z][a-z-]*)(?: ([0-9]+))? \[([A-Za-z0-9-]+)\]: (.+)$`)

const translatedTitle = "TT"

// formsToTags returns the item with its forms and date calendars in the kept
// RIS tags the encoder writes.
func formsToTags(it bib.Item) bib.Item {
	if it.Forms.IsZero() && !hasCalendarDate(it) {
		return it
	}
	it = it.Clone()
	var lines []string
	for _, v := range bib.SortedKeys(it.Forms.Vars) {
		tags := it.Forms.Vars[v]
		for _, tag := range bib.SortedKeys(tags) {
			if v == "title" && tag == bib.TagEnglish && risExtra(it, translatedTitle) == "" {
				it.SetExtra(extraPrefix+translatedTitle, tags[tag])
				continue
			}
			lines = append(lines, fmt.Sprintf("%s [%s]: %s", v, tag, singleLine(tags[tag])))
		}
	}
	for _, v := range bib.SortedKeys(it.Forms.Names) {
		for i, m := range it.Forms.Names[v] {
			for _, tag := range bib.SortedKeys(m) {
				b, _ := json.Marshal(m[tag])
				lines = append(lines, fmt.Sprintf("%s %d [%s]: %s", v, i+1, tag, b))
			}
		}
	}
	for _, v := range bib.SortedKeys(it.Dates) {
		if d := it.Dates[v]; d.Calendar != "" {
			lines = append(lines, fmt.Sprintf("%s [%s]: %s", v, d.Calendar, singleLine(d.Original)))
		}
	}
	if len(lines) > 0 {
		if old := risExtra(it, "N1"); old != "" {
			lines = append([]string{old}, lines...)
		}
		it.SetExtra(extraPrefix+"N1", strings.Join(lines, "\n"))
	}
	it.Forms = bib.Forms{}
	return it
}

// singleLine gives a value as it fits on one note line: as written when that
// reads back the same, else as a JSON string (line breaks, runs of spaces,
// spaces at either end, or a leading quote), which readValue takes back.
func singleLine(s string) string {
	if s == strings.Join(strings.Fields(s), " ") && !strings.HasPrefix(s, `"`) {
		return s
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// readValue undoes singleLine.
func readValue(s string) string {
	var v string
	if strings.HasPrefix(s, `"`) && json.Unmarshal([]byte(s), &v) == nil {
		return v
	}
	return s
}

func hasCalendarDate(it bib.Item) bool {
	for _, d := range it.Dates {
		if d.Calendar != "" {
			return true
		}
	}
	return false
}

// tagsToForms takes TT and the form lines of the note back into the item,
// then converts the Hijri dates of Persian and Arabic records
// (bib.ResolveCalendars), reporting each conversion at the record.
func (d *Decoder) tagsToForms(it *bib.Item, pos diag.Pos) {
	if tt := risExtra(*it, translatedTitle); tt != "" {
		it.SetForm("title", bib.TagEnglish, tt)
		delete(it.Extra, extraPrefix+translatedTitle)
	}
	if note := it.Get("note"); note != "" {
		var kept []string
		for _, para := range strings.Split(note, "\n\n") {
			if !d.formFromLine(it, para, pos) {
				kept = append(kept, para)
			}
		}
		it.Set("note", strings.Join(kept, "\n\n"))
	}
	for _, msg := range bib.ResolveCalendars(it) {
		d.diags.Warnf(pos, "%s", msg)
	}
}

// formFromLine reads one form line into the item; false when line is not one.
func (d *Decoder) formFromLine(it *bib.Item, line string, pos diag.Pos) bool {
	m := formLine.FindStringSubmatch(line)
	if m == nil {
		return false
	}
	v, index, tag, value := m[1], m[2], m[3], m[4]
	switch bib.KindOf(v) {
	case bib.KindDate:
		dt, ok := it.Dates[v]
		if !ok {
			return false
		}
		dt.Calendar, dt.Original = tag, readValue(value)
		it.Dates[v] = dt
	case bib.KindName:
		i, err := strconv.Atoi(index)
		var n bib.Name
		if err != nil || i < 1 || json.Unmarshal([]byte(value), &n) != nil {
			d.diags.Warnf(pos, "note line %q looks like a name form but does not read; kept in the note", line)
			return false
		}
		it.SetNameForm(v, i-1, tag, n)
	case bib.KindUnknown:
		return false
	default:
		if index != "" {
			return false
		}
		it.SetForm(v, tag, readValue(value))
	}
	return true
}

// romanKeyWord returns a word in Persian or Arabic script for an ID in
// Latin letters: the common English family name the authority file knows
// for the item's first name (رجوی, مسعود -> Rajavi), else a letter-by-letter
// romanization (translit.Latin), so that the name stays in the key.
func romanKeyWord(it *bib.Item, who string) string {
	if !hasArabicScript(who) {
		return who
	}
	for _, v := range []string{"author", "editor", "collection-editor", "translator"} {
		if ns := it.Names[v]; len(ns) > 0 {
			if n, ok := names.DefaultAuthority().Romanize(ns[0], names.Common); ok {
				if n.Family != "" {
					return n.Family
				}
				return strings.Fields(n.Literal + " x")[0]
			}
			break
		}
	}
	return translit.Latin.String(who)
}

func hasArabicScript(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
	}
	return false
}

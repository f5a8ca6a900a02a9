package csl

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/calendar"
	"github.com/manba/manba/pkg/names"
)

// Scripts says which forms of a field written in another script a
// bibliography shows (see bib.Forms).
type Scripts int

// The script choices.
const (
	// ScriptsAuto shows the original script when the style's language is
	// the item's, and otherwise ScriptsRomanized (Chicago 17th 11.x, IJMES).
	ScriptsAuto Scripts = iota
	// ScriptsOriginal shows fields and names as the source wrote them.
	ScriptsOriginal
	// ScriptsRomanized shows romanized fields and names, the title followed
	// by its translation in brackets: Sāzmān-i Mujāhidīn-i Khalq [The People's
	// Mojahedin Organization].
	ScriptsRomanized
	// ScriptsBoth shows the romanized title followed by the original script
	// and the translation; names romanized.
	ScriptsBoth
)

// ScriptsByName returns the choice named "auto", "original", "romanized" or "both".
func ScriptsByName(s string) (Scripts, bool) {
	switch strings.ToLower(s) {
	case "", "auto":
		return ScriptsAuto, true
	case "original":
		return ScriptsOriginal, true
	case "romanized", "romanised":
		return ScriptsRomanized, true
	case "both":
		return ScriptsBoth, true
	}
	return ScriptsAuto, false
}

// Calendars says how a date written in a Hijri calendar shows its year.
type Calendars int

// The calendar choices.
const (
	// CalendarsBoth shows the year as written and the Gregorian one:
	// "1380/2001" (Solar Hijri), "1422 AH/2001" (Lunar Hijri).
	CalendarsBoth Calendars = iota
	// CalendarsGregorian shows the Gregorian year alone.
	CalendarsGregorian
	// CalendarsOriginal shows the year as written: "1380", "1422 AH".
	CalendarsOriginal
)

// CalendarsByName returns the choice named "both", "gregorian" or "original".
func CalendarsByName(s string) (Calendars, bool) {
	switch strings.ToLower(s) {
	case "", "both":
		return CalendarsBoth, true
	case "gregorian":
		return CalendarsGregorian, true
	case "original":
		return CalendarsOriginal, true
	}
	return CalendarsBoth, false
}

// Options are the choices a Processor makes beyond the style.
type Options struct {
	Scripts  Scripts
	Romanize names.Scheme // scheme of romanized names and fields (ALA-LC by default)
	// RomanizeLatin also rewrites names the source wrote in another
	// romanization into the scheme; without it only names in Persian or
	// Arabic script are romanized.
	RomanizeLatin bool
	Calendars     Calendars
	// Authority romanizes names that carry no romanized form of their own;
	// nil means names.DefaultAuthority().
	Authority *names.Authority
}

// NewProcessorOptions is NewProcessor with Options.
func NewProcessorOptions(style *Style, lang string, items []bib.Item, opts Options) *Processor {
	if opts.Authority == nil {
		opts.Authority = names.DefaultAuthority()
	}
	return newProcessor(style, lang, items, opts)
}

// scriptForm returns the item as the options ask it to be shown; the item
// itself when nothing changes.
func (p *Processor) scriptForm(it *bib.Item) *bib.Item {
	mode := p.opts.Scripts
	itemLang := primaryLang(it.Vars["language"])
	if mode == ScriptsAuto {
		mode = ScriptsRomanized
		if itemLang != "" && itemLang == primaryLang(p.loc.Lang) {
			mode = ScriptsOriginal
		}
	}
	if mode == ScriptsOriginal || (it.Forms.IsZero() && !hasScriptNames(it) && !p.opts.RomanizeLatin) {
		return it
	}
	c := it.Clone()
	for v := range it.Forms.Vars {
		if v == "title" {
			continue
		}
		if rom := p.romanForm(it, v); rom != "" {
			c.Vars[v] = rom
		}
	}
	if title := it.Vars["title"]; title != "" {
		shown := title
		if rom := p.romanForm(it, "title"); rom != "" {
			shown = rom
			if mode == ScriptsBoth {
				shown += " " + title
			}
		}
		if tr := p.translation(it); tr != "" {
			// Upright inside an italic title, as Chicago 11.6 shows it.
			shown += ` <span class="nodecor">[` + tr + `]</span>`
		}
		c.Vars["title"] = shown
	}
	for v, list := range it.Names {
		out := make([]bib.Name, len(list))
		for i, n := range list {
			out[i] = p.romanName(it, v, i, n)
		}
		c.Names[v] = out
	}
	return &c
}

// romanForm returns the romanization of a field in the chosen scheme, else
// any romanization the item has.
func (p *Processor) romanForm(it *bib.Item, v string) string {
	forms := it.Forms.Vars[v]
	want := schemeMark(p.opts.Romanize)
	var any string
	for _, tag := range bib.SortedKeys(forms) {
		if !bib.IsRomanization(tag) {
			continue
		}
		if strings.Contains(strings.ToLower(tag), want) {
			return forms[tag]
		}
		if any == "" || strings.Contains(strings.ToLower(tag), "alalc") {
			any = forms[tag]
		}
	}
	return any
}

func schemeMark(s names.Scheme) string {
	switch s {
	case names.IJMES:
		return "ijmes"
	case names.Common:
		return "common"
	}
	return "alalc"
}

// translation returns the title's translation into the style's language.
func (p *Processor) translation(it *bib.Item) string {
	lang := primaryLang(p.loc.Lang)
	if lang == "" {
		lang = "en"
	}
	return it.TitleTranslation(lang)
}

// romanName returns the name's romanized form: the item's own for the
// scheme, else the authority's, else the name as written.
func (p *Processor) romanName(it *bib.Item, v string, i int, n bib.Name) bib.Name {
	want := schemeMark(p.opts.Romanize)
	if i < len(it.Forms.Names[v]) {
		forms := it.Forms.Names[v][i]
		for _, tag := range bib.SortedKeys(forms) {
			if bib.IsRomanization(tag) && strings.Contains(strings.ToLower(tag), want) {
				return forms[tag]
			}
		}
	}
	if isScript(n.String()) || p.opts.RomanizeLatin {
		if r, ok := p.opts.Authority.Romanize(n, p.opts.Romanize); ok {
			return r
		}
	}
	if i < len(it.Forms.Names[v]) {
		for _, tag := range bib.SortedKeys(it.Forms.Names[v][i]) {
			if bib.IsRomanization(tag) {
				return it.Forms.Names[v][i][tag]
			}
		}
	}
	return n
}

func hasScriptNames(it *bib.Item) bool {
	for _, list := range it.Names {
		for _, n := range list {
			if isScript(n.String()) {
				return true
			}
		}
	}
	return false
}

func isScript(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
	}
	return false
}

func primaryLang(tag string) string {
	l, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	l, _, _ = strings.Cut(l, "_")
	return l
}

// calendarYear returns the year of a date written in a Hijri calendar as the
// Calendars option asks: "1380/2001", "1422 AH/2001", or one of the two.
// gregorian is the year as rendered from the Gregorian date-parts.
func (p *Processor) calendarYear(d bib.Date, point bib.DateParts, gregorian string) string {
	if d.Calendar == "" || point != d.From || d.IsRange() || p.opts.Calendars == CalendarsGregorian {
		return gregorian
	}
	c, ok := d.CalendarDate()
	if !ok {
		return gregorian
	}
	orig := strconv.Itoa(c.Year)
	if c.System == calendar.LunarHijri {
		orig += " AH"
	}
	if p.opts.Calendars == CalendarsOriginal {
		return orig
	}
	return orig + "/" + gregorian
}

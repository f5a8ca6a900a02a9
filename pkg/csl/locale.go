package csl

import (
	"embed"
	"io"
	"strings"
	"sync"
)

//go:embed locales/*.xml styles/*.csl
var embedded embed.FS

// Locale holds the terms, date formats and options of one CSL locale.
type Locale struct {
	Lang  string
	terms map[termKey]*term
	dates map[string]*element // "text", "numeric"
	// Options are the style-options; nil pointers mean "not set here".
	punctuationInQuote *bool
	limitDayOrdinals   *bool
}

type termKey struct {
	name, form, gender string
}

type term struct {
	single, multiple string
	gender           string // gender of the noun (for ordinals), "masculine"/"feminine"
	match            string // ordinal matching: last-digit, last-two-digits, whole-number
}

// ParseLocale reads a CSL locale file, within the default style limits.
func ParseLocale(file string, r io.Reader) (*Locale, error) {
	opts := StyleOptions{}.withDefaults()
	src, err := readLimited(file, r, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	root, err := parseXML(file, src, opts.MaxDepth)
	if err != nil {
		return nil, err
	}
	if root.name != "locale" {
		return nil, posError(root, "root element is <%s>, want <locale>", root.name)
	}
	return localeFrom(root), nil
}

func localeFrom(e *element) *Locale {
	l := &Locale{Lang: e.attr("xml:lang"), terms: map[termKey]*term{}, dates: map[string]*element{}}
	for _, c := range e.children {
		switch c.name {
		case "style-options":
			if c.has("punctuation-in-quote") {
				v := c.attr("punctuation-in-quote") == "true"
				l.punctuationInQuote = &v
			}
			if c.has("limit-day-ordinals-to-day-1") {
				v := c.attr("limit-day-ordinals-to-day-1") == "true"
				l.limitDayOrdinals = &v
			}
		case "date":
			l.dates[c.attr("form")] = c
		case "terms":
			for _, t := range c.children {
				if t.name != "term" {
					continue
				}
				form := t.attr("form")
				if form == "" {
					form = "long"
				}
				tm := &term{gender: t.attr("gender"), match: t.attr("match")}
				if s := t.child("single"); s != nil {
					tm.single = s.text
					if m := t.child("multiple"); m != nil {
						tm.multiple = m.text
					} else {
						tm.multiple = s.text
					}
				} else {
					tm.single = t.text
					tm.multiple = t.text
					if m := t.child("multiple"); m != nil {
						tm.multiple = m.text
					}
				}
				// a straight apostrophe in a term is typographic in
				// citeproc-js's output ("l’adresse")
				tm.single, tm.multiple = apostrophes(tm.single), apostrophes(tm.multiple)
				l.terms[termKey{t.attr("name"), form, t.attr("gender-form")}] = tm
			}
		}
	}
	return l
}

// merge copies every entry of o over l.
func (l *Locale) merge(o *Locale) {
	if o == nil {
		return
	}
	// Ordinal terms are replaced as a set: a locale that defines any
	// ordinal-NN term overrides all inherited ones (CSL 1.0.1 rule).
	hasOrd := false
	for k := range o.terms {
		if strings.HasPrefix(k.name, "ordinal") {
			hasOrd = true
			break
		}
	}
	if hasOrd {
		for k := range l.terms {
			if strings.HasPrefix(k.name, "ordinal") {
				delete(l.terms, k)
			}
		}
	}
	for k, v := range o.terms {
		l.terms[k] = v
	}
	for k, v := range o.dates {
		l.dates[k] = v
	}
	if o.punctuationInQuote != nil {
		l.punctuationInQuote = o.punctuationInQuote
	}
	if o.limitDayOrdinals != nil {
		l.limitDayOrdinals = o.limitDayOrdinals
	}
	if o.Lang != "" {
		l.Lang = o.Lang
	}
}

// lookup finds a term with form fallback (verb-short > verb > long,
// symbol > short > long). ok is false when the term is undefined; an
// empty defined term is found with ok true.
func (l *Locale) lookup(name, form, gender string) (*term, bool) {
	for _, f := range formChain(form) {
		if gender != "" {
			if t, ok := l.terms[termKey{name, f, gender}]; ok {
				return t, true
			}
		}
		if t, ok := l.terms[termKey{name, f, ""}]; ok {
			return t, true
		}
	}
	return nil, false
}

var (
	chainVerbShort = []string{"verb-short", "verb", "long"}
	chainSymbol    = []string{"symbol", "short", "long"}
	chainShort     = []string{"short", "long"}
	chainVerb      = []string{"verb", "long"}
	chainLong      = []string{"long"}
)

func formChain(form string) []string {
	switch form {
	case "verb-short":
		return chainVerbShort
	case "symbol":
		return chainSymbol
	case "short":
		return chainShort
	case "verb":
		return chainVerb
	}
	return chainLong
}

// term returns the text of a term, singular or plural.
func (l *Locale) term(name, form string, plural bool) string {
	t, ok := l.lookup(name, form, "")
	if !ok {
		return ""
	}
	if plural {
		return t.multiple
	}
	return t.single
}

var (
	localeMu    sync.Mutex
	localeCache = map[string]*Locale{}
)

// primaryDialects maps a bare language to the locale file that serves it
// (the "primary-dialects" table of the CSL locales repository).
var primaryDialects = map[string]string{
	"af": "af-ZA", "ar": "ar", "bg": "bg-BG", "ca": "ca-AD", "cs": "cs-CZ",
	"cy": "cy-GB", "da": "da-DK", "de": "de-DE", "el": "el-GR", "en": "en-US",
	"es": "es-ES", "et": "et-EE", "eu": "eu", "fa": "fa-IR", "fi": "fi-FI",
	"fr": "fr-FR", "he": "he-IL", "hi": "hi-IN", "hr": "hr-HR", "hu": "hu-HU",
	"id": "id-ID", "is": "is-IS", "it": "it-IT", "ja": "ja-JP", "km": "km-KH",
	"ko": "ko-KR", "la": "la", "lt": "lt-LT", "lv": "lv-LV", "mn": "mn-MN",
	"nb": "nb-NO", "nl": "nl-NL", "nn": "nn-NO", "pl": "pl-PL", "pt": "pt-PT",
	"ro": "ro-RO", "ru": "ru-RU", "sk": "sk-SK", "sl": "sl-SI", "sr": "sr-RS",
	"sv": "sv-SE", "th": "th-TH", "tr": "tr-TR", "uk": "uk-UA", "vi": "vi-VN",
	"zh": "zh-CN",
}

// EmbeddedLocales lists the tags of the built-in locales, sorted.
func EmbeddedLocales() []string {
	ents, _ := embedded.ReadDir("locales")
	var out []string
	for _, e := range ents {
		name := e.Name()
		if tag, ok := strings.CutPrefix(name, "locales-"); ok && strings.HasSuffix(tag, ".xml") {
			out = append(out, strings.TrimSuffix(tag, ".xml"))
		}
	}
	return out
}

// loadEmbeddedLocale returns an embedded locale by tag, or nil. Embedded
// locales are parsed once and shared read-only.
func loadEmbeddedLocale(lang string) *Locale {
	localeMu.Lock()
	defer localeMu.Unlock()
	if l, ok := localeCache[lang]; ok {
		return l
	}
	f, err := embedded.Open("locales/locales-" + lang + ".xml")
	if err != nil {
		localeCache[lang] = nil
		return nil
	}
	defer f.Close()
	l, err := ParseLocale("locales-"+lang+".xml", f)
	if err != nil {
		l = nil // cannot happen for the files shipped; TestEmbedded checks them
	}
	localeCache[lang] = l
	return l
}

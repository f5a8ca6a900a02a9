// Package bib is manba's data model: a bibliographic Item shaped like a
// CSL-JSON item, with Names, Dates and the variables of CSL 1.0.2.
//
// Every reader (BibTeX/BibLaTeX, CSL-JSON, RIS) decodes into Item and every
// writer encodes from it. Fields that CSL cannot express are kept in
// Item.Extra and Item.Custom so that a round trip through any format loses
// nothing. The package uses the standard library only.
//
// Sources in Persian and Arabic keep what they wrote: a Date may carry the
// calendar and text of a Solar or Lunar Hijri date beside its Gregorian
// date-parts (CalendarDate, ResolveCalendars, DualYear), and Item.Forms the
// original-script, romanized and translated forms of fields and names under
// BCP 47 tags (SetForm, SetNameForm, TitleTranslation).
//
// Item marshals to and from CSL-JSON with encoding/json; package csljson adds
// streaming and validation on top. Forms and calendar dates travel in the
// CSL-JSON "custom" object (see forms_json.go for the convention).
package bib

// Package calendar reads dates written in the Solar Hijri (Persian, "1380 ش")
// and Lunar Hijri (Islamic, "1422 AH") calendars and converts them exactly to
// the Gregorian calendar.
//
// Solar Hijri follows the arithmetic calendar used in Iran, computed with
// Borkowski's algorithm (the one of jalaali-js): leap years come from a table
// of 33-year cycle breaks that reproduces the astronomical calendar (Nowruz at
// the vernal equinox, Tehran noon rule) for the years -61 to 3177 SH. It
// differs from the 2820-year "Birashk" cycle, which is wrong for 1404 SH.
//
// Lunar Hijri follows the tabular (arithmetic) Islamic calendar, civil epoch
// (1 Muharram 1 AH = Friday 16 July 622 Julian), with the 11 leap years
// 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29 of each 30-year cycle, as in
// Reingold and Dershowitz, Calendrical Calculations, and ICU's "islamic-civil".
// Dates observed by moon sighting or the Umm al-Qura calendar may differ by a
// day or two; manba records the text the source wrote, so nothing is lost.
//
// A year alone stands for its whole Gregorian span: 1380 SH is 21 March 2001
// to 20 March 2002. Parse reads the forms found in Persian and Arabic
// publications and library catalogues ("۱۳۸۰", "1380 هـ.ش", "خرداد ۱۳۸۰",
// "15 Khordad 1380", "Ramadan 1422", "1380 [2001 or 2002]") and reports bad
// parts (month 13, day 32, year 0) as positioned warnings instead of guessing.
//
// The package uses the standard library only.
package calendar

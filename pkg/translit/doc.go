// Package translit folds transliterated Persian and Arabic text into match
// keys, so that spellings of one name meet: Masoud, Massoud, Mas'oud,
// Mas’oud, Masood and Masʻūd all fold to "masud", and مسعود meets them in the
// consonant skeleton "msd".
//
// Folding is organised in profiles, like the precis profiles of
// golang.org/x/text/secure/precis; each is a chain of steps and each is
// available as a string function and as a transform.Transformer:
//
//   - Cleanup: NFKC, the Arabic letter forms NFKC leaves apart (ي/ی, ك/ک,
//     ى/ی, ۀ/ه), removal of ZWNJ, tatweel, bidi controls and harakat, and
//     every apostrophe-like mark (ʿ ʾ ʻ ʼ ‘ ’ ' ` ´ ′) unified to U+2019.
//     Output is still readable Unicode.
//   - Latin: Cleanup, then Perso-Arabic script to Latin letters, diacritics
//     removed (with ḵ→kh, š→sh, ž→zh, č→ch, ḡ/ġ/ğ→gh, ṯ→th, ḏ→dh), apostrophes
//     dropped, lower case, and every other symbol a word separator.
//   - Default (Fold): Latin, then the romanization equivalences of Persian
//     and Arabic, word by word: ou/oo/ū→u, ee/ie/ī→i, the short vowels a/e/i
//     and o/u folded to one class each, glides (y, w, the hamza and ayn
//     apostrophes) absorbed into vowels, kh→x, gh/q→k, zh/dj→j, w→v, ph→f,
//     th→t, dh→z, doubled letters single, silent final h dropped, and the
//     ezafe (-e, -i, -ye) removed. The word-final -i of a nisba stays
//     distinct, so Khomeini, Khamenei and the town Khomein stay apart.
//   - Skeleton: Default without vowels, y and v, and with g→k: the consonant
//     skeleton in which Persian-script names meet their romanizations.
//     It is for blocking and for comparing script with Latin text, not a
//     key on its own.
//
// The romanization model (Model, DefaultModel, CompareWords) goes further
// than folding: a word is read into symbols that keep long vowels (ā ī ū,
// ee, ou) apart from short ones, and two readings are compared by a
// weighted edit distance whose costs say which differences romanizations
// of one Persian or Arabic name actually produce (Spanish j = kh, French
// ch = sh, Turkish c = j, e/i and o/u for short vowels, the article's
// vowel, script against Latin with short vowels unwritten), with a budget
// that grows with the length of the word: a score and the conventions
// that explain it. Beyond one-for-one edits the model knows a diphthong
// against two vowels apart (pair: Ismail, Ismāʿīl), readings at the end
// of a word (Persian -eh as -ah, French mute e), the first vowel and the
// article's vowel, which the script does not write, the article written
// solid on one side (Alqahira, al-Qahira), written endings that make
// another name (the nisba -i, the feminine -a and -iya), and the same
// short vowel written two ways in one word (Asem, Esam: two names). In the
// script, ʿayn is read (free against Latin, which leaves it out) and a
// final ی or ى is ī or ā. The readings, costs and blocking variants (one
// skeleton per convention, and one without the article) are data
// (data/conventions.tsv), each row citing where the convention is
// documented.
//
// Every profile is idempotent: folding a folded string changes nothing.
// FoldExplain also reports which equivalences fired, so that callers can
// explain a merge ("matched by: ezafe + ou/u").
package translit

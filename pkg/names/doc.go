// Package names parses, compares and clusters personal and corporate
// names, with Persian and Arabic names spelled many ways in mind
// (Masoud / Massoud / Mas’oud Rajavi; Mojahedin-e Khalq / MEK / PMOI).
//
// Every name has three forms that are never confused: the Original as
// written, the Display parts (a bib.Name with honorifics split off into
// Parsed.Honorifics, Arabic articles as non-dropping particles, bin/ibn/Abu
// kept in the name), and the match Key folded by package translit.
//
// Parse reads free text and BibTeX forms ("Rajavi, Maryam",
// "Mr. Mas’oud Khodabandeh", "Maryam Rajavi (nee Qajar Azodanlu)",
// "Human Rights Watch"); organizations are recognised by acronyms and by
// organization words and kept whole. The word lists it uses (honorifics,
// particles, surname affixes such as -nejad and -zadeh, female given names,
// organization words, synonyms and translations) are data files under
// data/, extensible with Lists.Load.
//
// Equivalent compares two names and explains the match ("matched by:
// ezafe + ou/u"). The authority file (data/authority.tsv, embedded;
// extensible with LoadAuthority) maps variants, married and maiden names,
// acronyms, translations and Persian spellings to canonical entries.
//
// Names are compared word by word with the romanization model of package
// translit; a lexicon of given names that share a consonant skeleton
// (data/given.tsv: Ḥamīd / Ḥāmid, Jamīl / Jamāl) keeps different names
// apart, and organization and place words are translated through a
// multilingual lexicon of generic words (data/places.txt). Clusterer.Compare
// gives a score and the reasons for one pair.
//
// Cluster groups many names: identical keys first, then blocking by
// consonant skeleton and acronym, then comparison with precision first — a
// name joins a cluster only if it matches that cluster and no other, and a
// surname alone joins only the one person of that name (or the one woman,
// for "Mrs Khodabandeh"). Masoud, Kazem and Maryam Rajavi, Mas’oud and
// Abolhassan Banisadr, and Khomeini, Khamenei and the town Khomein stay
// apart.
package names

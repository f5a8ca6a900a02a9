package bibtex

import (
	"fmt"
	"slices"
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// LeftoverField is the one field that holds the CSL variables no
// BibTeX/BibLaTeX field carries (available-date, medium, section, a second
// ISBN, ...). It is a field of BibLaTeX's data model that styles do not
// print; each line is "variable: value" with the value written as the
// field of its kind would be (TeX text, an ISO 8601 date, a BibTeX name
// list), the convention Zotero's Extra field and citeproc-js use for CSL
// variables. Decoding turns the lines back into variables; a value that
// is not in this form is kept in Extra as it is.
const LeftoverField = "usera"

// leftoverLine formats one variable for LeftoverField.
func leftoverLine(v, value string) string { return v + ": " + value }

// readLeftovers turns LeftoverField back into variables. A line for a
// variable the entry already has replaces it for ISBN and ISSN (the
// isbn field holds the first of several numbers) and language (langid
// holds the babel name of a more precise tag); other such lines stay in
// the field, as does a field with any line that is not "variable: value".
func (d *Decoder) readLeftovers(it *bib.Item, f rawField) {
	type line struct{ v, val string }
	var lines []line
	for _, l := range strings.Split(f.tex, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		v, val, ok := strings.Cut(l, ": ")
		if !ok || bib.KindOf(v) == bib.KindUnknown {
			return // someone else's use of the field: it stays in Extra
		}
		lines = append(lines, line{v, strings.TrimSpace(val)})
	}
	delete(it.Extra, f.name)
	var kept []string
	for _, l := range lines {
		g := rawField{name: l.v, tex: l.val, pos: f.pos}
		switch bib.KindOf(l.v) {
		case bib.KindName:
			if it.Names[l.v] == nil {
				names, others := d.names(&g)
				it.SetNames(l.v, names)
				if others {
					it.SetExtra("@"+l.v+"-and-others", "true")
				}
				continue
			}
		case bib.KindDate:
			if _, ok := it.Dates[l.v]; !ok {
				date, ok := bib.ParseISODate(l.val)
				if !ok {
					date = bib.Date{Literal: d.text(g, kindText)}
				}
				it.SetDate(l.v, date)
				continue
			}
		default:
			kind := kindText
			if bib.KindOf(l.v) == bib.KindTitle {
				kind = kindRich
			}
			val := d.text(g, kind)
			switch old := it.Vars[l.v]; {
			case old == "":
				it.Set(l.v, val)
				continue
			case l.v == "ISBN" || l.v == "ISSN" || l.v == "language":
				// The whole list of numbers, or the exact tag that langid
				// could not hold.
				it.Set(l.v, val)
				continue
			}
		}
		kept = append(kept, leftoverLine(l.v, l.val))
	}
	if len(kept) > 0 {
		d.diags.Warnf(f.pos, "field %s: %s already set by other fields; kept in %s", f.name, strings.Join(kept, "; "), f.name)
		it.SetExtra(f.name, strings.Join(kept, "\n"))
	}
}

// writeMappingExtras documents the writing side: name roles, languages,
// type keys and the leftover field.
func writeMappingExtras(b *strings.Builder) {
	b.WriteString("\n## Writing\n\n")
	b.WriteString("Each CSL variable goes to the BibTeX/BibLaTeX field the tables above read back as it, the\n")
	b.WriteString("way biblatex's data model and Better BibTeX place it: `langid` takes the babel name of the\n")
	b.WriteString("language tag; a web page's site (container-title) is the `organization` of its `@online`\n")
	b.WriteString("entry; a manual's publisher stays `publisher`; `annote` is `annotation` in BibLaTeX; a\n")
	b.WriteString("series number (collection-number) is `number` in book-like entries; several ISBNs or\n")
	b.WriteString("ISSNs put the first in `isbn`/`issn`; a `genre` that is one of biblatex's localisation\n")
	b.WriteString("strings is written as its key in BibLaTeX (\"PhD thesis\" as `phdthesis`); a particle\n")
	b.WriteString("ending in a hyphen or apostrophe is joined to the family name (`al-Khalil, Samir`), which\n")
	b.WriteString("biblatex prints as written and pandoc and manba read as particle and family again.\n\n")
	b.WriteString("Name roles without a field of their own go to `editora`..`editorc` (in the entry types\n")
	b.WriteString("whose data model has them) or `editor` with the role in the type field\n")
	b.WriteString("(`editoratype = {collection-editor}`, `editortype = {interviewer}`); reading turns such\n")
	b.WriteString("fields back into the role. Roles read this way:\n\n")
	roles := bib.SortedKeys(readRole)
	fmt.Fprintf(b, "%s\n\n", "`"+strings.Join(roles, "`, `")+"`")
	fmt.Fprintf(b, "### The leftover field: `%s`\n\n", LeftoverField)
	fmt.Fprintf(b, "What no field can hold (available-date, medium, section, reviewed-title, a role with no\n")
	fmt.Fprintf(b, "editor field left, the whole list of several ISBNs, a language tag langid cannot say\n")
	fmt.Fprintf(b, "exactly) is written to `%s`, one `variable: value` line per variable (the convention of\n", LeftoverField)
	fmt.Fprintf(b, "Zotero's Extra field), with a warning. `%s` is in biblatex's data model and no standard\n", LeftoverField)
	fmt.Fprintf(b, "style prints it. Reading turns the lines back into variables; a `%s` whose lines are not\n", LeftoverField)
	fmt.Fprintf(b, "all of that form is kept as it is.\n\n")
	b.WriteString("## Languages (langid)\n\nThe first name of a tag is written; every name reads as its tag; a tag with a region\n")
	b.WriteString("without a rule is written with the name of its language and the exact tag in the leftover field.\n\n")
	b.WriteString("| BCP 47 | langid |\n|---|---|\n")
	for _, r := range Languages {
		fmt.Fprintf(b, "| %s | %s |\n", r.Tag, r.Babel)
	}
	b.WriteString("\n## Type keys (type)\n\n| key | genre |\n|---|---|\n")
	keys := bib.SortedKeys(typeStrings)
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(b, "| %s | %s |\n", k, typeStrings[k])
	}
}

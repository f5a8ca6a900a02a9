package bibtex

import (
	"slices"
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// editorSlots are BibLaTeX's extra editor fields, each with a type field
// naming the role ("editoratype = {collection-editor}").
var editorSlots = []string{"editora", "editorb", "editorc"}

// roleSlots are the fields moveRoles looks at, and roleTypeFields their type
// fields, spelled out once rather than per entry.
var (
	roleSlots      = append([]string{"editor"}, editorSlots...)
	roleTypeFields = []string{"editortype", "editoratype", "editorbtype", "editorctype"}
)

// editoraEntries are the entry types whose data model has editora..editorc;
// the others have only editor and editortype.
var editoraEntries = map[string]bool{
	"article": true, "book": true, "bookinbook": true, "collection": true, "inbook": true,
	"incollection": true, "inreference": true, "mvbook": true, "mvcollection": true,
	"mvreference": true, "periodical": true, "reference": true, "suppbook": true, "suppcollection": true,
}

// roleEditorType is the editortype value written for a CSL name role, and
// readRole the CSL role of an editortype value. biblatex's own editor
// types (compiler, director, organizer) keep their names; other CSL roles
// are written under their CSL name.
var readRole = map[string]string{
	"collection-editor": "collection-editor", "series": "collection-editor", "serieseditor": "collection-editor",
	"interviewer": "interviewer", "director": "director", "compiler": "compiler", "organizer": "organizer",
	"curator": "curator", "chair": "chair", "editorial-director": "editorial-director", "host": "host",
	"illustrator": "illustrator", "narrator": "narrator", "producer": "producer",
	"executive-producer": "executive-producer", "guest": "guest", "performer": "performer",
	"composer": "composer", "series-creator": "series-creator", "script-writer": "script-writer",
	"contributor": "contributor", "recipient": "recipient", "original-author": "original-author",
	"editor-translator": "editor-translator",
}

// roleField chooses where a CSL name role without a field of its own
// goes: editora..editorc with a type, or editor with editortype when the
// entry type has no editora and the item no editor. It returns the field
// and its type field, or "" when no slot is left.
func roleField(role, entry string, used map[string]bool) (field, typeField string) {
	if _, ok := readRole[role]; !ok {
		return "", ""
	}
	if editoraEntries[entry] {
		for _, s := range editorSlots {
			if !used[s] && !used[s+"type"] {
				return s, s + "type"
			}
		}
	}
	if !used["editor"] && !used["editortype"] {
		return "editor", "editortype"
	}
	return "", ""
}

// moveRoles turns editor fields with a type naming a CSL role back into
// that role: editora + editoratype = {collection-editor}, editor +
// editortype = {interviewer}.
func (d *Decoder) moveRoles(it *bib.Item, e *rawEntry) {
	for i, slot := range roleSlots {
		typ, ok := e.get(roleTypeFields[i])
		if !ok {
			continue
		}
		role := readRole[strings.ToLower(strings.TrimSpace(typ))]
		if role == "" || it.Names[role] != nil {
			continue
		}
		var names []bib.Name
		others := false
		if slot == "editor" {
			names, others = it.Names["editor"], it.Extra["@editor-and-others"] == "true"
			if names == nil {
				continue
			}
			delete(it.Names, "editor")
			delete(it.Extra, "@editor-and-others")
		} else {
			i := slices.IndexFunc(e.fields, func(f rawField) bool { return f.name == slot })
			if i < 0 {
				continue
			}
			names, others = d.names(&e.fields[i])
			delete(it.Extra, slot)
		}
		delete(it.Extra, roleTypeFields[i])
		it.SetNames(role, names)
		if others {
			it.SetExtra("@"+role+"-and-others", "true")
		}
	}
}

package tidy

import (
	"sort"
	"strings"

	"github.com/manba/manba/pkg/bibtex"
)

// monthMacros are the month values that become jan..dec.
var monthMacros = func() map[string]string {
	m := map[string]string{}
	macros := []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	full := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	for i, mac := range macros {
		m[mac] = mac
		m[full[i]] = mac
		m[string(rune('1'+i))] = mac
		if i >= 9 {
			m["1"+string(rune('0'+i-9))] = mac
		} else {
			m["0"+string(rune('1'+i))] = mac
		}
	}
	return m
}()

// entry writes one entry canonically; raw and base are the entry's
// source text and its offset, for the comments between fields ("" when
// the entry has no source).
func (t *tidier) entry(e *bibtex.Entry, raw string, base int) string {
	lead, trail := comments(e, raw, base)
	fields := t.fields(e)
	monthIsDate := t.monthIsDate(e)
	width := 0
	if t.opts.Align {
		for _, f := range fields {
			width = max(width, len(f.Name))
		}
	}
	indent := t.opts.Indent
	if indent == "" {
		indent = "  "
	}
	var b strings.Builder
	b.WriteString("@" + strings.ToLower(e.Type) + "{" + e.Key)
	b.WriteString(",")
	b.WriteString(trail[-1])
	for i, f := range fields {
		b.WriteString("\n")
		for _, c := range lead[f.Offset] {
			b.WriteString(indent + c + "\n")
		}
		b.WriteString(indent + f.Name)
		b.WriteString(strings.Repeat(" ", max(width-len(f.Name), 0)))
		b.WriteString(" = ")
		b.WriteString(t.value(f, monthIsDate))
		if i < len(fields)-1 {
			b.WriteString(",")
		}
		b.WriteString(trail[f.Offset])
	}
	b.WriteString("\n")
	written := map[int]bool{}
	for _, f := range fields {
		written[f.Offset] = true
	}
	for _, f := range e.Fields {
		if !written[f.Offset] {
			// The comments of a field not written stay, at the end.
			lead[-1] = append(lead[-1], lead[f.Offset]...)
			if c := strings.TrimSpace(trail[f.Offset]); c != "" {
				lead[-1] = append(lead[-1], c)
			}
		}
	}
	for _, c := range lead[-1] {
		b.WriteString(indent + c + "\n")
	}
	b.WriteString("}")
	return b.String()
}

// comments finds the % comments between the fields of an entry. A comment
// on the line where a field's value ends trails that field (key -1: the
// line of the key); comments on lines of their own lead the next field
// (key -1: before the closing brace). Fields are named by their offset.
// Comments of fields that are not written (empty, omitted) are kept too:
// they move to the end of the entry.
func comments(e *bibtex.Entry, raw string, base int) (lead map[int][]string, trail map[int]string) {
	lead, trail = map[int][]string{}, map[int]string{}
	if raw == "" {
		return lead, trail
	}
	prev, prevEnd := -1, e.KeyOffset+len(e.Key)
	gap := func(end, next int) {
		s := raw[min(max(prevEnd-base, 0), len(raw)):min(max(end-base, 0), len(raw))]
		first := true
		for line := range strings.Lines(s) {
			c := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), ",)}"))
			switch {
			case !strings.HasPrefix(c, "%"):
			case first:
				trail[prev] = " " + c
			default:
				lead[next] = append(lead[next], c)
			}
			first = false
		}
	}
	for _, f := range e.Fields {
		gap(f.Offset, f.Offset)
		prev, prevEnd = f.Offset, valueEnd(f)
	}
	gap(base+len(raw), -1)
	return lead, trail
}

// valueEnd is the offset just after a field's value.
func valueEnd(f bibtex.Field) int {
	if len(f.Value) == 0 {
		return f.Offset + len(f.Name)
	}
	p := f.Value[len(f.Value)-1]
	if p.Kind == bibtex.Braced || p.Kind == bibtex.Quoted {
		return p.Offset + len(p.Text) + 2
	}
	return p.Offset + len(p.Text)
}

// fields returns the fields to write, renamed to lower case, in canonical
// order, without empty, omitted and repeated ones.
func (t *tidier) fields(e *bibtex.Entry) []bibtex.Field {
	seen := map[string]bibtex.Value{}
	var out []bibtex.Field
	for _, f := range e.Fields {
		name := strings.ToLower(f.Name)
		if t.omit[name] || isEmpty(f.Value) {
			continue
		}
		if first, ok := seen[name]; ok {
			if valueText(first) != valueText(f.Value) {
				t.diags.Warnf(t.file.Pos(f.Offset), "entry %q: repeated field %q removed (BibTeX reads only the first)", e.Key, f.Name)
			}
			continue
		}
		seen[name] = f.Value
		f.Name = name
		out = append(out, f)
	}
	// Fields that feed one CSL variable (publisher, organization and
	// institution; journal and journaltitle) keep their order, since the
	// first one read wins: the group moves to the place of its best-ranked
	// member.
	group := map[string]int{}
	for _, f := range out {
		v := varOf(f.Name)
		if r, ok := group[v]; !ok || rank(f.Name) < r {
			group[v] = rank(f.Name)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return group[varOf(out[i].Name)] < group[varOf(out[j].Name)] })
	return out
}

// fieldVar maps field names to the CSL variable they are decoded into.
var fieldVar = func() map[string]string {
	m := map[string]string{}
	for _, r := range bibtex.FieldRules {
		m[r.Field] = r.Var
	}
	return m
}()

// varOf is the CSL variable of a field, or the field name itself.
func varOf(name string) string {
	if v, ok := fieldVar[name]; ok {
		return v
	}
	return name
}

func rank(name string) int {
	if r, ok := fieldRank[name]; ok {
		return r
	}
	return len(FieldOrder)
}

// isEmpty reports a value of only empty braced or quoted parts. A value of
// spaces is not empty: decoders keep it.
func isEmpty(v bibtex.Value) bool {
	for _, p := range v {
		if p.Kind == bibtex.Number || p.Kind == bibtex.Macro || p.Text != "" {
			return false
		}
	}
	return true
}

// value writes a field value: parts joined by " # ", text in braces (or
// quotes), numbers and macros bare, months as macros.
func (t *tidier) value(f bibtex.Field, monthIsDate bool) string {
	v := f.Value
	if f.Name == "month" && monthIsDate && !t.opts.KeepMonths && len(v) == 1 && v[0].Kind != bibtex.Macro {
		mac, ok := monthMacros[strings.TrimSuffix(strings.ToLower(strings.TrimSpace(v[0].Text)), ".")]
		if ok && !t.redefined[mac] {
			return mac
		}
	}
	parts := make([]string, len(v))
	for i, p := range v {
		switch {
		case p.Kind == bibtex.Number || p.Kind == bibtex.Macro:
			parts[i] = p.Text
		case t.opts.Quotes && quotable(p.Text), p.Kind == bibtex.Quoted && !balanced(p.Text):
			parts[i] = `"` + p.Text + `"`
		default:
			parts[i] = "{" + p.Text + "}"
		}
	}
	return strings.Join(parts, " # ")
}

// monthIsDate reports whether the entry's month is read as part of its
// date (a year of digits and no date field): only then does writing it as
// a macro mean the same.
func (t *tidier) monthIsDate(e *bibtex.Entry) bool {
	if _, ok := e.Field("date"); ok {
		return false
	}
	y, ok := e.Field("year")
	if !ok || len(y.Value) != 1 || y.Value[0].Kind == bibtex.Macro {
		return false
	}
	s := strings.TrimSpace(y.Value[0].Text)
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// quotable reports whether text can stand between quotes: no quote mark
// outside braces.
func quotable(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case '"':
			if depth == 0 {
				return false
			}
		}
	}
	return true
}

// balanced reports whether the braces of s pair up, so that it can stand
// between braces.
func balanced(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

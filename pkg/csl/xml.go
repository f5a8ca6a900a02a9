package csl

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/manba/manba/pkg/diag"
)

// element is one parsed CSL XML element. CSL is interpreted directly from
// this tree: the processor reads attributes as it renders, which keeps the
// many optional and inheritable attributes of the spec in one place.
type element struct {
	name     string
	attrs    map[string]string
	children []*element
	text     string
	pos      diag.Pos
	// cached holds parsed attribute data (conditions), filled when the
	// style is parsed.
	cached any
	// vars is the "variable" attribute split into names, for cs:names.
	vars []string
	// fmt is the element's formatting (font-style etc.), nil for none.
	fmt *fmtAttrs
	// deco holds the attributes decorate applies, nil for none.
	deco *decoration
}

// decoration is what decorate reads from an element, parsed once.
type decoration struct {
	prefix, suffix, display, textCase string
	quotes, stripPeriods              bool
	written                           rune // the opening mark of curly quotes in a value
	decorates                         bool // affixes, formatting, quotes or display
}

// prepare parses the attributes rendering reads for every node.
func (e *element) prepare() {
	e.fmt = newFmt(e.attrs)
	d := &decoration{
		prefix: e.attrs["prefix"], suffix: e.attrs["suffix"], display: e.attrs["display"],
		textCase: e.attrs["text-case"], quotes: e.attrs["quotes"] == "true",
		stripPeriods: e.attrs["strip-periods"] == "true",
	}
	d.decorates = d.prefix != "" || d.suffix != "" || d.display != "" || d.quotes || e.fmt != nil
	if d.decorates || d.textCase != "" || d.stripPeriods {
		e.deco = d
	}
}

func (e *element) attr(name string) string {
	if e == nil {
		return ""
	}
	return e.attrs[name]
}

func (e *element) has(name string) bool {
	if e == nil {
		return false
	}
	_, ok := e.attrs[name]
	return ok
}

func (e *element) child(name string) *element {
	if e == nil {
		return nil
	}
	for _, c := range e.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// parseXML reads a whole XML document into an element tree, stopping at
// the first element nested deeper than maxDepth. Errors carry the file name
// and line:col of the offending token.
func parseXML(file string, src []byte, maxDepth int) (*element, error) {
	lines := diag.NewLines(file, src)
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	var root *element
	var stack []*element
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			pos := lines.Pos(int(d.InputOffset()))
			msg := err.Error()
			if se, ok := err.(*xml.SyntaxError); ok {
				msg = se.Msg
			}
			return nil, diag.List{{Pos: pos, Severity: diag.Error, Msg: "XML: " + msg}}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			el := &element{name: t.Name.Local, pos: lines.Pos(int(off))}
			if len(t.Attr) > 0 {
				el.attrs = make(map[string]string, len(t.Attr))
				for _, a := range t.Attr {
					name := a.Name.Local
					if a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace" {
						name = "xml:" + name
					}
					el.attrs[name] = a.Value
				}
				el.prepare()
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, el)
			} else if root == nil {
				root = el
			}
			stack = append(stack, el)
			if len(stack) > maxDepth {
				return nil, diag.List{{Pos: el.pos, Severity: diag.Error,
					Msg: fmt.Sprintf("elements nest more than %d levels deep (StyleOptions.MaxDepth)", maxDepth)}}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, diag.List{{Pos: lines.Pos(0), Severity: diag.Error, Msg: "no XML root element"}}
	}
	return root, nil
}

func posError(e *element, format string, args ...any) *diag.Diagnostic {
	return &diag.Diagnostic{Pos: e.pos, Severity: diag.Error, Msg: fmt.Sprintf(format, args...)}
}

func trimSpace(s string) string { return strings.TrimSpace(s) }

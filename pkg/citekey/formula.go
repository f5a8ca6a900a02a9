package citekey

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Formula is a parsed key formula: alternatives separated by "|", each a
// sum of terms. The first alternative that gives a non-empty key wins, as
// in Better BibTeX.
type Formula struct {
	src  string
	alts [][]term
}

// term is a function call or a string literal followed by filters.
type term struct {
	fn      string // function name; empty for a literal
	args    []arg
	literal string
	filters []call
}

// call is a filter application such as substring(1,3).
type call struct {
	name string
	args []arg
	col  int
}

// arg is a number or a string argument.
type arg struct {
	num   int
	str   string
	isNum bool
}

// SyntaxError is a problem in a formula, with the 1-based column (in
// characters) where it was found.
type SyntaxError struct {
	Col int
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("formula:1:%d: %s", e.Col, e.Msg) }

// String returns the formula as it was written.
func (f *Formula) String() string { return f.src }

// MustParse is Parse for formulas known to be valid, such as constants;
// it panics on a syntax error.
func MustParse(src string) *Formula {
	f, err := Parse(src)
	if err != nil {
		panic(err)
	}
	return f
}

// Parse reads a formula in Better BibTeX's syntax:
//
//	auth.lower + shorttitle(3,3) + year | title.select(1,2) + year
//
// Terms are functions (auth, authors, authorsN, authN_M, year, shorttitle,
// veryshorttitle, title, journal) or quoted literals ('-' or "-"), each
// followed by any number of .filter or .filter(args). Errors name the
// column.
func Parse(src string) (*Formula, error) {
	p := &parser{src: []rune(src)}
	f := &Formula{src: src}
	for {
		alt, err := p.alternative()
		if err != nil {
			return nil, err
		}
		f.alts = append(f.alts, alt)
		p.space()
		if p.eof() {
			return f, nil
		}
		if p.peek() != '|' {
			return nil, p.errorf("expected \"+\" or \"|\", found %q", p.peek())
		}
		p.i++
	}
}

type parser struct {
	src []rune
	i   int
}

func (p *parser) eof() bool  { return p.i >= len(p.src) }
func (p *parser) peek() rune { return p.src[p.i] }

func (p *parser) space() {
	for !p.eof() && unicode.IsSpace(p.peek()) {
		p.i++
	}
}

func (p *parser) errorf(format string, args ...any) error {
	return &SyntaxError{Col: p.i + 1, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) alternative() ([]term, error) {
	var terms []term
	for {
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		terms = append(terms, t)
		p.space()
		if p.eof() || p.peek() != '+' {
			return terms, nil
		}
		p.i++
	}
}

func (p *parser) term() (term, error) {
	p.space()
	if p.eof() {
		return term{}, p.errorf("expected a function or a quoted text")
	}
	var t term
	if c := p.peek(); c == '\'' || c == '"' {
		s, err := p.quoted()
		if err != nil {
			return term{}, err
		}
		t.literal = s
	} else {
		c, err := p.call()
		if err != nil {
			return term{}, err
		}
		fn, args, ok := resolveFunction(c.name, c.args)
		if !ok {
			return term{}, &SyntaxError{Col: c.col, Msg: fmt.Sprintf("unknown function %q (want %s)", c.name, strings.Join(functionNames, ", "))}
		}
		t.fn, t.args = fn, args
	}
	for {
		p.space()
		if p.eof() || p.peek() != '.' {
			return t, nil
		}
		p.i++
		p.space()
		c, err := p.call()
		if err != nil {
			return term{}, err
		}
		if _, ok := filters[c.name]; !ok {
			return term{}, &SyntaxError{Col: c.col, Msg: fmt.Sprintf("unknown filter %q (want %s)", c.name, strings.Join(filterNames(), ", "))}
		}
		t.filters = append(t.filters, c)
	}
}

// call reads name or name(arg, ...).
func (p *parser) call() (call, error) {
	c := call{col: p.i + 1}
	start := p.i
	for !p.eof() && (unicode.IsLetter(p.peek()) || unicode.IsDigit(p.peek()) || p.peek() == '_') {
		p.i++
	}
	if p.i == start {
		if p.eof() {
			return call{}, p.errorf("expected a name")
		}
		return call{}, p.errorf("expected a name, found %q", p.peek())
	}
	c.name = string(p.src[start:p.i])
	p.space()
	if p.eof() || p.peek() != '(' {
		return c, nil
	}
	p.i++
	for {
		p.space()
		if p.eof() {
			return call{}, p.errorf("missing \")\"")
		}
		if p.peek() == ')' && len(c.args) == 0 {
			p.i++
			return c, nil
		}
		a, err := p.arg()
		if err != nil {
			return call{}, err
		}
		c.args = append(c.args, a)
		p.space()
		if p.eof() {
			return call{}, p.errorf("missing \")\"")
		}
		switch p.peek() {
		case ',':
			p.i++
		case ')':
			p.i++
			return c, nil
		default:
			return call{}, p.errorf("expected \",\" or \")\", found %q", p.peek())
		}
	}
}

func (p *parser) arg() (arg, error) {
	if c := p.peek(); c == '\'' || c == '"' {
		s, err := p.quoted()
		return arg{str: s}, err
	}
	start := p.i
	if p.peek() == '-' {
		p.i++
	}
	for !p.eof() && p.peek() >= '0' && p.peek() <= '9' {
		p.i++
	}
	n, err := strconv.Atoi(string(p.src[start:p.i]))
	if err != nil {
		p.i = start
		return arg{}, p.errorf("expected a number or a quoted text")
	}
	return arg{num: n, isNum: true}, nil
}

// quoted reads '...' or "..."; a backslash escapes the next character.
func (p *parser) quoted() (string, error) {
	q := p.peek()
	start := p.i
	p.i++
	var b strings.Builder
	for !p.eof() {
		c := p.peek()
		p.i++
		switch {
		case c == q:
			return b.String(), nil
		case c == '\\' && !p.eof():
			b.WriteRune(p.peek())
			p.i++
		default:
			b.WriteRune(c)
		}
	}
	p.i = start
	return "", p.errorf("unterminated %c", q)
}

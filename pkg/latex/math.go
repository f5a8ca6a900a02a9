package latex

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// mathSymbols maps math-mode macros to Unicode. The order matters for
// encoding: the first macro listed for a character is the one Encode
// writes.
var mathSymbols = [][2]string{
	{"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"varepsilon", "ε"},
	{"epsilon", "ϵ"}, {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"vartheta", "ϑ"},
	{"iota", "ι"}, {"kappa", "κ"}, {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"},
	{"pi", "π"}, {"varpi", "ϖ"}, {"rho", "ρ"}, {"varrho", "ϱ"}, {"sigma", "σ"},
	{"varsigma", "ς"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "ϕ"}, {"varphi", "φ"},
	{"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"},
	{"Gamma", "Γ"}, {"Delta", "Δ"}, {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"},
	{"Pi", "Π"}, {"Sigma", "Σ"}, {"Upsilon", "Υ"}, {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"},
	{"times", "×"}, {"cdot", "⋅"}, {"pm", "±"}, {"mp", "∓"}, {"div", "÷"},
	{"leq", "≤"}, {"le", "≤"}, {"geq", "≥"}, {"ge", "≥"}, {"neq", "≠"}, {"ne", "≠"},
	{"ll", "≪"}, {"gg", "≫"}, {"approx", "≈"}, {"sim", "∼"}, {"simeq", "≃"},
	{"equiv", "≡"}, {"propto", "∝"}, {"infty", "∞"}, {"partial", "∂"}, {"nabla", "∇"},
	{"sum", "∑"}, {"prod", "∏"}, {"int", "∫"}, {"in", "∈"}, {"notin", "∉"},
	{"subset", "⊂"}, {"subseteq", "⊆"}, {"supset", "⊃"}, {"supseteq", "⊇"},
	{"cup", "∪"}, {"cap", "∩"}, {"emptyset", "∅"}, {"forall", "∀"}, {"exists", "∃"},
	{"neg", "¬"}, {"wedge", "∧"}, {"land", "∧"}, {"vee", "∨"}, {"lor", "∨"},
	{"oplus", "⊕"}, {"otimes", "⊗"}, {"circ", "∘"}, {"bullet", "∙"}, {"ast", "∗"},
	{"star", "⋆"}, {"setminus", "∖"}, {"perp", "⊥"}, {"parallel", "∥"}, {"angle", "∠"},
	{"to", "→"}, {"rightarrow", "→"}, {"leftarrow", "←"}, {"gets", "←"},
	{"leftrightarrow", "↔"}, {"Rightarrow", "⇒"}, {"Leftarrow", "⇐"},
	{"Leftrightarrow", "⇔"}, {"uparrow", "↑"}, {"downarrow", "↓"}, {"mapsto", "↦"},
	{"langle", "⟨"}, {"rangle", "⟩"}, {"ell", "ℓ"}, {"hbar", "ℏ"}, {"aleph", "ℵ"},
	{"cdots", "⋯"}, {"ldots", "…"}, {"dots", "…"}, {"prime", "′"}, {"mid", "∣"},
	{"lbrace", "{"}, {"rbrace", "}"}, {"backslash", "\\"}, {"colon", ":"},
	{"{", "{"}, {"}", "}"}, {"%", "%"}, {"$", "$"}, {"&", "&"}, {"#", "#"}, {"_", "_"},
	{",", "\u2009"}, {";", "\u2005"}, {":", "\u205f"}, {"!", ""}, {" ", " "},
	{"quad", "\u2003"}, {"qquad", "\u2003\u2003"},
}

// mathFonts are math-mode commands whose argument is kept as text.
var mathFonts = map[string]bool{
	"mathrm": true, "mathit": true, "mathbf": true, "mathsf": true, "mathtt": true,
	"mathnormal": true, "text": true, "textrm": true, "textit": true, "textbf": true,
	"textup": true, "mbox": true, "operatorname": true, "boldsymbol": true, "mathup": true,
}

var blackboard = map[rune]string{'R': "ℝ", 'N': "ℕ", 'Z': "ℤ", 'Q': "ℚ", 'C': "ℂ", 'P': "ℙ"}

var superscripts = map[rune]rune{
	'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸',
	'9': '⁹', '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', 'n': 'ⁿ', 'i': 'ⁱ', '∘': '°',
}

var subscripts = map[rune]rune{
	'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈',
	'9': '₉', '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎', 'a': 'ₐ', 'e': 'ₑ', 'o': 'ₒ',
	'x': 'ₓ', 'h': 'ₕ', 'k': 'ₖ', 'l': 'ₗ', 'm': 'ₘ', 'n': 'ₙ', 'p': 'ₚ', 's': 'ₛ', 't': 'ₜ',
}

// mathOperators print their own name (\log -> log).
var mathOperators = map[string]bool{
	"log": true, "ln": true, "lg": true, "exp": true, "sin": true, "cos": true, "tan": true,
	"cot": true, "sec": true, "csc": true, "sinh": true, "cosh": true, "tanh": true,
	"max": true, "min": true, "lim": true, "sup": true, "inf": true, "det": true, "dim": true,
	"ker": true, "deg": true, "gcd": true, "arg": true, "Pr": true, "mod": true, "bmod": true,
}

// mathIgnored are font switches and sizing commands with no text.
var mathIgnored = map[string]bool{
	"rm": true, "it": true, "bf": true, "sf": true, "tt": true, "displaystyle": true,
	"textstyle": true, "scriptstyle": true, "left": true, "right": true, "big": true,
	"Big": true, "bigl": true, "bigr": true, "Bigl": true, "Bigr": true, "limits": true,
	"nolimits": true, "relax": true,
}

var mathMacros = map[string]string{}

func init() {
	for _, p := range mathSymbols {
		if _, dup := mathMacros[p[0]]; !dup {
			mathMacros[p[0]] = p[1]
		}
	}
}

// convertMath turns the content of simple math ($x^2$, $\alpha$-helix,
// $\leq 5$) into Unicode. Scripts without Unicode superscript or subscript
// characters become <sup>/<sub> with markup and plain text without. It
// reports false when the math has no faithful plain-text form or nests
// deeper than maxDepth; the caller then keeps it as written.
func convertMath(s string, markup bool, maxDepth int) (string, bool) {
	var b strings.Builder
	p := mathParser{s: s, markup: markup, maxDepth: maxDepth}
	if !p.seq(&b, false) || p.pos < len(s) {
		return "", false
	}
	return b.String(), true
}

type mathParser struct {
	s      string
	pos    int
	depth  int // of nested groups and scripts, bounded like Decode's
	markup bool
	chem   bool // mhchem: digits after a letter are subscripts

	maxDepth int // what is left of Decode's MaxDepth
}

// seq converts atoms up to the end or, if inGroup, to the closing brace.
func (p *mathParser) seq(b *strings.Builder, inGroup bool) bool {
	for p.pos < len(p.s) {
		if p.s[p.pos] == '}' {
			if !inGroup {
				return false
			}
			p.pos++
			return true
		}
		if !p.atom(b) {
			return false
		}
	}
	return !inGroup
}

// script writes arg as a superscript or subscript.
func (p *mathParser) script(b *strings.Builder, arg string, sup bool) bool {
	table, t := subscripts, tagSub
	if sup {
		table, t = superscripts, tagSup
	}
	if arg == "" {
		return false
	}
	n := b.Len()
	for _, r := range arg {
		c, ok := table[r]
		if !ok {
			// No Unicode form for every character: mark up the whole script.
			s := b.String()[:n]
			b.Reset()
			b.WriteString(s)
			if p.markup {
				b.WriteString(openTags[t])
				b.WriteString(arg)
				b.WriteString(closeTags[t])
			} else {
				b.WriteString(arg)
			}
			return true
		}
		b.WriteRune(c)
	}
	return true
}

// atom converts one unit: a character, a group, a macro, or a script.
func (p *mathParser) atom(b *strings.Builder) bool {
	if p.depth >= p.maxDepth {
		return false
	}
	p.depth++
	defer func() { p.depth-- }()
	s := p.s
	c := s[p.pos]
	switch c {
	case '{':
		p.pos++
		return p.seq(b, true)
	case '^', '_':
		p.pos++
		for p.pos < len(s) && s[p.pos] == ' ' {
			p.pos++
		}
		if p.pos >= len(s) || s[p.pos] == '}' {
			return false
		}
		var arg strings.Builder
		if p.chem {
			// mhchem: ^2+, _4 and ^{2+} are a run of digits and signs.
			from, braced := p.pos, s[p.pos] == '{'
			if braced {
				from++
			}
			to := from
			for to < len(s) && strings.IndexByte("0123456789+-", s[to]) >= 0 {
				to++
			}
			if braced && to < len(s) && s[to] == '}' && to > from {
				arg.WriteString(s[from:to])
				p.pos = to + 1
			} else if !braced {
				arg.WriteString(s[from:to])
				p.pos = to
			}
		}
		if arg.Len() == 0 && !p.atom(&arg) {
			return false
		}
		return p.script(b, arg.String(), c == '^')
	case '\\':
		i := p.pos + 1
		if i >= len(s) {
			return false
		}
		j := i + 1
		if isLetter(s[i]) {
			for j < len(s) && isLetter(s[j]) {
				j++
			}
		}
		name := s[i:j]
		p.pos = j
		if mathFonts[name] || name == "mathbb" {
			for p.pos < len(s) && s[p.pos] == ' ' {
				p.pos++
			}
			if p.pos >= len(s) || s[p.pos] != '{' {
				return false
			}
			p.pos++
			if name != "mathbb" {
				return p.seq(b, true)
			}
			var arg strings.Builder
			if !p.seq(&arg, true) {
				return false
			}
			for _, r := range arg.String() {
				t, ok := blackboard[r]
				if !ok {
					return false
				}
				b.WriteString(t)
			}
			return true
		}
		if mark, ok := accents[name]; ok && isLetter(name[0]) {
			for p.pos < len(s) && s[p.pos] == ' ' {
				p.pos++
			}
			var arg strings.Builder
			if p.pos >= len(s) || s[p.pos] == '}' || !p.atom(&arg) || arg.Len() == 0 {
				return false
			}
			a := arg.String()
			_, n := utf8.DecodeRuneInString(a)
			b.WriteString(norm.NFC.String(a[:n] + string(mark) + a[n:]))
			return true
		}
		if mathOperators[name] {
			b.WriteString(name)
			return true
		}
		if mathIgnored[name] {
			for p.pos < len(s) && s[p.pos] == ' ' {
				p.pos++
			}
			return true
		}
		t, ok := mathMacros[name]
		if !ok {
			return false
		}
		b.WriteString(t)
		return true
	case '~':
		p.pos++
		b.WriteString("\u00a0")
		return true
	case '$', '&', '#', '%':
		return false
	case '\'':
		p.pos++
		b.WriteString("′")
		return true
	}
	if p.chem {
		return p.chemAtom(b)
	}
	_, n := utf8.DecodeRuneInString(s[p.pos:])
	b.WriteString(s[p.pos : p.pos+n])
	p.pos += n
	return true
}

// convertChem turns a simple mhchem formula (\ch{H2SO4}, \ch{Mg^{2+}},
// \ch{Na+}, \ch{A -> B}) into Unicode, reporting false for anything else.
func convertChem(s string, markup bool, maxDepth int) (string, bool) {
	var b strings.Builder
	p := mathParser{s: s, markup: markup, chem: true, maxDepth: maxDepth}
	if !p.seq(&b, false) || p.pos < len(s) {
		return "", false
	}
	return b.String(), true
}

// chemAtom converts one character of a formula.
func (p *mathParser) chemAtom(b *strings.Builder) bool {
	s := p.s
	c := s[p.pos]
	prev := byte(' ')
	if p.pos > 0 {
		prev = s[p.pos-1]
	}
	switch {
	case '0' <= c && c <= '9' && (isLetter(prev) || prev == ')' || prev == ']'):
		// H2O: a count after an element or a group is a subscript.
		for p.pos < len(s) && '0' <= s[p.pos] && s[p.pos] <= '9' {
			b.WriteRune(subscripts[rune(s[p.pos])])
			p.pos++
		}
		return true
	case (c == '+' || c == '-') && (isLetter(prev) || '0' <= prev && prev <= '9' || prev == ')' || prev == ']') &&
		(p.pos+1 == len(s) || s[p.pos+1] == ' ' || s[p.pos+1] == '}'):
		// Na+, Cl-: a trailing sign is a charge.
		b.WriteRune(superscripts[rune(c)])
		p.pos++
		return true
	case hasPrefix(s, p.pos, "<=>"):
		b.WriteString("⇌")
		p.pos += 3
		return true
	case hasPrefix(s, p.pos, "->"):
		b.WriteString("→")
		p.pos += 2
		return true
	case hasPrefix(s, p.pos, "<-"):
		b.WriteString("←")
		p.pos += 2
		return true
	case c == '*':
		b.WriteString("·")
		p.pos++
		return true
	case c == '<' || c == '>' || c == '=' && hasPrefix(s, p.pos, "=>"):
		return false
	}
	_, n := utf8.DecodeRuneInString(s[p.pos:])
	b.WriteString(s[p.pos : p.pos+n])
	p.pos += n
	return true
}

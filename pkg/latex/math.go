package latex

import (
	"strings"
	"unicode/utf8"
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

var mathMacros = map[string]string{}

func init() {
	for _, p := range mathSymbols {
		if _, dup := mathMacros[p[0]]; !dup {
			mathMacros[p[0]] = p[1]
		}
	}
}

// convertMath turns the content of simple math ($x^2$, $\alpha$-helix,
// $\leq 5$) into Unicode. It reports false when the math has no faithful
// plain-text form; the caller then keeps it as written.
func convertMath(s string) (string, bool) {
	var b strings.Builder
	p := mathParser{s: s}
	if !p.seq(&b, false) || p.pos < len(s) {
		return "", false
	}
	return b.String(), true
}

type mathParser struct {
	s     string
	pos   int
	depth int // of nested groups and scripts, bounded like Decode's
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

// atom converts one unit: a character, a group, a macro, or a script.
func (p *mathParser) atom(b *strings.Builder) bool {
	if p.depth >= maxDepth {
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
		table := superscripts
		if c == '_' {
			table = subscripts
		}
		var arg strings.Builder
		for p.pos < len(s) && s[p.pos] == ' ' {
			p.pos++
		}
		if p.pos >= len(s) || !p.atom(&arg) {
			return false
		}
		for _, r := range arg.String() {
			t, ok := table[r]
			if !ok {
				return false
			}
			b.WriteRune(t)
		}
		return arg.Len() > 0
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
	_, n := utf8.DecodeRuneInString(s[p.pos:])
	b.WriteString(s[p.pos : p.pos+n])
	p.pos += n
	return true
}

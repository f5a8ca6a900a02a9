package latex

// The macro tables below are data: adding a macro means adding a line here,
// not code. Decode looks macros up by name (without the backslash); Encode
// uses the reverse tables built from them in init.

// kind says how Decode treats a macro.
type kind uint8

const (
	kText    kind = iota + 1 // expands to text (letters, symbols, logos)
	kAccent                  // accent: combining mark applied to the next argument
	kFormat                  // formatting command with one argument (\textit{..})
	kDecl                    // formatting declaration, in force to the end of the group ({\em ..})
	kIgnore                  // no output (\relax, \protect, \/ ...)
	kURL                     // \url{..}: argument taken verbatim
	kHref                    // \href{url}{text}: text kept, url dropped
	kSecond                  // \textcolor{c}{text}, \foreignlanguage{l}{text}: second argument kept
	kMath                    // \ensuremath{..}: argument is math
	kWrap                    // \enquote{..}, \mkbibparens{..}: argument between two strings
	kNoCase                  // \NoCaseChange{..}: argument protected like {..}
	kDimen                   // \kern-.15em: a TeX dimension follows, printed as nothing
	kDropArg                 // \hspace{1em}: the argument is a length or a setting, not text
	kThird                   // \discretionary{pre}{post}{nobreak}: the unbroken text is kept
	kOrdinal                 // \nth{4}: 4th
	kIfMmode                 // \ifmmode math\else text\fi: the text branch is kept
	kVerb                    // \verb|..|: argument between two equal delimiters, verbatim
	kChar                    // \char65, \char"41, \char`\A: a character by code
	kChem                    // \ch{H2O} (mhchem): chemical formula
)

// tag is the CSL-JSON rich-text markup a formatting macro produces.
type tag uint8

const (
	tagNone tag = iota // text only
	tagI
	tagB
	tagSC
	tagSup
	tagSub
	tagNoCase
)

var openTags = [...]string{
	tagNone:   "",
	tagI:      "<i>",
	tagB:      "<b>",
	tagSC:     `<span style="font-variant:small-caps;">`,
	tagSup:    "<sup>",
	tagSub:    "<sub>",
	tagNoCase: `<span class="nocase">`,
}

var closeTags = [...]string{
	tagNone:   "",
	tagI:      "</i>",
	tagB:      "</b>",
	tagSC:     "</span>",
	tagSup:    "</sup>",
	tagSub:    "</sub>",
	tagNoCase: "</span>",
}

// texCommands are the LaTeX commands Encode writes for each tag.
var texCommands = [...]string{
	tagI:   `\textit{`,
	tagB:   `\textbf{`,
	tagSC:  `\textsc{`,
	tagSup: `\textsuperscript{`,
	tagSub: `\textsubscript{`,
}

type macro struct {
	kind  kind
	text  string // kText: the expansion; kWrap: what goes before the argument
	close string // kWrap: what goes after it
	mark  rune   // kAccent: the combining mark
	tag   tag    // kFormat, kDecl
}

// wrapMacros put their argument between two strings.
var wrapMacros = map[string][2]string{
	"enquote": {"“", "”"}, "mkbibquote": {"“", "”"}, "mkbibparens": {"(", ")"},
	"mkbibbrackets": {"[", "]"},
}

// textMacros expand to fixed text. Where several macros give the same text
// the first one listed in encodeNames wins when encoding.
var textMacros = map[string]string{
	// letters
	"ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å",
	"ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł",
	"i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
	"ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ", "ij": "ĳ", "IJ": "Ĳ",
	"textthorn": "þ", "texteth": "ð", "ohorn": "ơ", "OHORN": "Ơ", "uhorn": "ư", "UHORN": "Ư",
	"textschwa": "ə", "texthbar": "ħ", "textopeno": "ɔ", "textepsilon": "ɛ",
	// Arabic/Persian romanization: ayn and hamza (tipa, arabtex and
	// hand-made macros seen in bibliographies).
	"textayn": "ʿ", "textain": "ʿ", "textrevapostrophe": "ʿ",
	"texthamza": "ʾ", "hamza": "ʾ",
	"textrighthalfring": "ʾ", "textlefthalfring": "ʿ",
	// quotes and dashes
	"textquoteleft": "‘", "textquoteright": "’", "lq": "‘", "rq": "’", "textquotedblleft": "“",
	"textquotedblright": "”", "textquotesingle": "'", "textquotedbl": "\"",
	"quotesinglbase": "‚", "quotedblbase": "„", "textendash": "–", "textemdash": "—",
	"guillemotleft": "«", "guillemotright": "»", "guillemetleft": "«", "guillemetright": "»",
	"guilsinglleft": "‹", "guilsinglright": "›", "textexclamdown": "¡", "textquestiondown": "¿",
	// symbols
	"S": "§", "textsection": "§", "P": "¶", "textparagraph": "¶",
	"copyright": "©", "textcopyright": "©", "textregistered": "®", "texttrademark": "™",
	"pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€", "textyen": "¥",
	"textcent": "¢", "textcurrency": "¤", "textdollar": "$",
	"dag": "†", "textdagger": "†", "ddag": "‡", "textdaggerdbl": "‡",
	"ldots": "…", "dots": "…", "textellipsis": "…",
	"textbullet": "•", "textperiodcentered": "·", "textdegree": "°",
	"textordfeminine": "ª", "textordmasculine": "º", "textmu": "µ",
	"textonehalf": "½", "textonequarter": "¼", "textthreequarters": "¾",
	"textonesuperior": "¹", "texttwosuperior": "²", "textthreesuperior": "³",
	"texttimes": "×", "textdiv": "÷", "textpm": "±", "textminus": "−",
	"textnumero": "№", "textperthousand": "‰", "textbrokenbar": "¦",
	"textlnot": "¬", "textacutedbl": "˝", "textasciimacron": "¯",
	"textasciidieresis": "¨", "textasciiacute": "´", "textasciicaron": "ˇ",
	"textasciibreve": "˘",
	// ASCII characters TeX treats specially
	"textasciitilde": "~", "textbackslash": "\\", "textasciicircum": "^",
	"textasciigrave": "`", "textbar": "|", "textless": "<", "textgreater": ">",
	"textunderscore": "_", "textbraceleft": "{", "textbraceright": "}",
	"textampersand": "&", "textpercent": "%", "textnumbersign": "#",
	// logos
	"TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX",
	"XeTeX": "XeTeX", "LuaTeX": "LuaTeX", "XeLaTeX": "XeLaTeX", "LuaLaTeX": "LuaLaTeX",
	"AmS": "AMS", "AMS": "AMS", "AmSTeX": "AMS-TeX", "AmSLaTeX": "AMS-LaTeX",
	"MF": "Metafont", "METAFONT": "METAFONT", "MP": "MetaPost", "METAPOST": "METAPOST",
	"ConTeXt": "ConTeXt", "PiCTeX": "PiCTeX", "SliTeX": "SliTeX", "LyX": "LyX",
	"pdfTeX": "pdfTeX", "pdfLaTeX": "pdfLaTeX", "eTeX": "ε-TeX", "TikZ": "TikZ",
	"MakeIndex": "MakeIndex", "BibLaTeX": "BibLaTeX", "biber": "Biber",
	// TUGboat's abbreviation macros (frequent in TeX-related bibliographies)
	"TUB": "TUGboat", "TUG": "TUG", "CTAN": "CTAN", "PS": "PostScript", "PDF": "PDF",
	"DVI": "DVI", "XML": "XML", "HTML": "HTML", "SGML": "SGML", "UNIX": "UNIX",
	"VAX": "VAX", "OMEGA": "Omega", "NTS": "NTS", "NTG": "NTG", "CSTUG": "CSTUG",
	"AllTeX": "(La)TeX", "Dash": "—", "dash": "—",
	// symbols used outside math
	"slash": "/", "backslash": "\\", "bs": "\\", "hyphen": "-",
	"textlangle": "⟨", "textrangle": "⟩", "textvisiblespace": "␣",
	"textestimated": "℮", "textinterrobang": "‽", "textreferencemark": "※",
	"textcelsius": "℃", "textmho": "℧", "textfractionsolidus": "⁄",
	"textleftarrow": "←", "textrightarrow": "→", "textuparrow": "↑", "textdownarrow": "↓",
	"textlbrackdbl": "⟦", "textrbrackdbl": "⟧", "textsuperscripttwo": "²",
	// spaces
	"quad": "\u2003", "qquad": "\u2003\u2003", "enspace": "\u2002", "thinspace": "\u2009",
	"enskip": "\u2002", "nobreakspace": "\u00a0", "space": " ",
	// \\ and \newline: a title or note has no lines, so a line break becomes a space.
	"newline": " ", "par": "\n\n",
}

// controlSymbols are the one-character macros (\& \% ...) that expand to text.
var controlSymbols = map[byte]string{
	'&': "&", '%': "%", '$': "$", '#': "#", '_': "_", '{': "{", '}': "}",
	'\\': " ", // line break, see textMacros["newline"]
	' ':  " ", '\t': " ", '\n': " ", '\r': " ",
	',': "\u2009", // thin space
	';': "\u2005", // medium (four-per-em) space, as in math mode
	':': "\u205f", // medium mathematical space
	'>': "\u205f",
	'!': "", // negative thin space
	'/': "", // italic correction
	'-': "", // discretionary hyphen: a hyphenation hint, not text
	'@': "", // space factor
}

// accents maps accent macros to the combining mark they put on their argument.
var accents = map[string]rune{
	"'": '\u0301', "`": '\u0300', "^": '\u0302', "\"": '\u0308', "~": '\u0303',
	"=": '\u0304', ".": '\u0307', "u": '\u0306', "v": '\u030c', "H": '\u030b',
	"c": '\u0327', "k": '\u0328', "r": '\u030a', "d": '\u0323', "b": '\u0331',
	"t": '\u0361', "h": '\u0309',
	"textogonekcentered": '\u0328', "textsubdot": '\u0323', "textsubbar": '\u0331',
	"textsubring": '\u0325', "textsubtilde": '\u0330', "textsubcircum": '\u032d',
	"textsubbreve": '\u032e', "textsubumlaut": '\u0324', "textdoublegrave": '\u030f',
	"textcircumacute": '\u1dc9', "textcommabelow": '\u0326',
	"textdotbelow": '\u0323', "textbreve": '\u0306', "textcaron": '\u030c',
	// math accents, which bibliographies also use in text
	"acute": '\u0301', "grave": '\u0300', "hat": '\u0302', "ddot": '\u0308',
	"tilde": '\u0303', "bar": '\u0304', "dot": '\u0307', "breve": '\u0306',
	"check": '\u030c', "vec": '\u20d7', "mathring": '\u030a',
}

// spacingAccents is what an accent applied to nothing (\'{}) prints.
var spacingAccents = map[rune]string{
	'\u0301': "´", '\u0300': "`", '\u0302': "^", '\u0308': "¨", '\u0303': "~",
	'\u0304': "¯", '\u0307': "˙", '\u0306': "˘", '\u030c': "ˇ", '\u030b': "˝",
	'\u0327': "¸", '\u0328': "˛", '\u030a': "˚", '\u0331': "ˍ",
}

// formatMacros take one argument and mark it up.
var formatMacros = map[string]tag{
	"emph": tagI, "textit": tagI, "textsl": tagI, "mkbibemph": tagI, "mkbibitalic": tagI,
	"textbf": tagB, "mkbibbold": tagB, "textsc": tagSC,
	"textsuperscript": tagSup, "mkbibsuperscript": tagSup, "textsubscript": tagSub,
	"textup": tagNone, "textnormal": tagNone, "textrm": tagNone, "texttt": tagNone,
	"textsf": tagNone, "textmd": tagNone, "textlf": tagNone, "mbox": tagNone,
	"hbox": tagNone, "text": tagNone, "makebox": tagNone, "textins": tagNone,
	"uline": tagNone, "underline": tagNone, "ul": tagNone,
	"textenglish": tagNone, "textpersian": tagNone, "textfarsi": tagNone,
	"textarabic": tagNone, "textgerman": tagNone, "textfrench": tagNone,
	"textlatin": tagNone, "textgreek": tagNone, "textrussian": tagNone,
	"autocap": tagNone, "sout": tagNone, "st": tagNone, "textstrikeout": tagNone,
	"acro": tagNone, "rlap": tagNone, "llap": tagNone, "phantom": tagNone,
	// Journal of Statistical Software and similar style macros
	"proglang": tagNone, "pkg": tagNone, "code": tagNone, "rpackage": tagNone,
	"softwarepackage": tagNone, "software": tagNone,
}

// declMacros change the font to the end of the enclosing group.
var declMacros = map[string]tag{
	"em": tagI, "it": tagI, "itshape": tagI, "sl": tagI, "slshape": tagI,
	"bf": tagB, "bfseries": tagB, "sc": tagSC, "scshape": tagSC,
	"rm": tagNone, "upshape": tagNone, "normalfont": tagNone, "tt": tagNone,
	"ttfamily": tagNone, "sf": tagNone, "sffamily": tagNone, "mdseries": tagNone,
	"rmfamily": tagNone, "tiny": tagNone, "scriptsize": tagNone, "footnotesize": tagNone,
	"small": tagNone, "normalsize": tagNone, "large": tagNone, "Large": tagNone,
	"LARGE": tagNone, "huge": tagNone, "Huge": tagNone, "selectfont": tagNone,
	"smc": tagSC, "SMC": tagSC, "acrosl": tagNone, "ssf": tagNone, "slnine": tagI,
}

// ignoredMacros produce nothing.
var ignoredMacros = []string{
	"relax", "protect", "noindent", "newblock", "unskip", "ignorespaces", "null",
	"nobreak", "allowbreak", "break", "hfill", "hfil", "strut", "leavevmode",
	"xspace", "bibnamedelima", "bibnamedelimb", "bibnamedelimi",
	"fi", "nolinebreak", "linebreak", "pagebreak", "frenchspacing", "nonfrenchspacing",
}

// otherMacros are the macros with argument handling of their own.
var otherMacros = map[string]kind{
	"url": kURL, "nolinkurl": kURL, "path": kURL, "doi": kURL,
	"href":      kHref,
	"textcolor": kSecond, "foreignlanguage": kSecond, "colorbox": kSecond, "hyperlink": kSecond,
	"ensuremath":   kMath,
	"NoCaseChange": kNoCase, "nocase": kNoCase,
	"kern": kDimen, "hskip": kDimen, "vskip": kDimen, "mkern": kDimen,
	"hspace": kDropArg, "vspace": kDropArg, "selectlanguage": kDropArg,
	// BibTeX's sorting trick: @preamble{"\newcommand{\noopsort}[1]{}"}.
	"noopsort": kDropArg, "SortNoop": kDropArg, "sortnoop": kDropArg, "noop": kDropArg,
	"discretionary": kThird, "nth": kOrdinal, "ifmmode": kIfMmode,
	"verb": kVerb, "char": kChar, "ch": kChem, "ce": kChem,
}

// macros is the single lookup table Decode uses, built from the tables above.
var macros = map[string]macro{}

func init() {
	for name, s := range textMacros {
		macros[name] = macro{kind: kText, text: s}
	}
	for name, m := range accents {
		macros[name] = macro{kind: kAccent, mark: m}
	}
	for name, t := range formatMacros {
		macros[name] = macro{kind: kFormat, tag: t}
	}
	for name, t := range declMacros {
		macros[name] = macro{kind: kDecl, tag: t}
	}
	for _, name := range ignoredMacros {
		macros[name] = macro{kind: kIgnore}
	}
	for name, k := range otherMacros {
		macros[name] = macro{kind: k}
	}
	for name, w := range wrapMacros {
		macros[name] = macro{kind: kWrap, text: w[0], close: w[1]}
	}
}

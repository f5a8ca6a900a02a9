package bib

import "strings"

// Name is one personal or institutional name, with the parts of a CSL-JSON
// name. An institution has only Literal set.
//
// Original is the name exactly as the source wrote it (for example
// "Rajavi, Mas’oud" or "{Human Rights Watch}"); readers fill it and writers
// of the same format may prefer it, so that a name is never normalized in place.
type Name struct {
	Family              string `json:"family,omitempty"`
	Given               string `json:"given,omitempty"`
	DroppingParticle    string `json:"dropping-particle,omitempty"`
	NonDroppingParticle string `json:"non-dropping-particle,omitempty"`
	Suffix              string `json:"suffix,omitempty"`
	CommaSuffix         bool   `json:"comma-suffix,omitempty"`
	StaticOrdering      bool   `json:"static-ordering,omitempty"`
	Literal             string `json:"literal,omitempty"`
	ParseNames          bool   `json:"parse-names,omitempty"`

	Original string `json:"-"`
}

// IsLiteral reports whether the name is kept whole (an institution, or a
// name the source gave as one unit).
func (n Name) IsLiteral() bool { return n.Literal != "" }

// IsZero reports whether no part of the name is set.
func (n Name) IsZero() bool {
	return n.Family == "" && n.Given == "" && n.DroppingParticle == "" &&
		n.NonDroppingParticle == "" && n.Suffix == "" && n.Literal == ""
}

// FamilyFull returns the family name with its particles, in display order
// ("van der Berg", "al-Rubaie").
func (n Name) FamilyFull() string {
	return joinNonEmpty(" ", n.DroppingParticle, joinParticle(n.NonDroppingParticle, n.Family))
}

// String returns the name in display order: "Given particles Family, Suffix",
// or the literal.
func (n Name) String() string {
	if n.Literal != "" {
		return n.Literal
	}
	s := joinNonEmpty(" ", n.Given, n.FamilyFull())
	if n.Suffix != "" {
		if n.CommaSuffix {
			s += ", " + n.Suffix
		} else {
			s += " " + n.Suffix
		}
	}
	return s
}

// Equal reports whether two names have the same parts; Original is ignored.
func (n Name) Equal(m Name) bool {
	n.Original, m.Original = "", ""
	return n == m
}

// joinParticle joins a particle and a family name: particles ending in an
// apostrophe or hyphen (d’, al-) attach without a space.
func joinParticle(particle, family string) string {
	if particle == "" {
		return family
	}
	if family == "" {
		return particle
	}
	if strings.HasSuffix(particle, "-") || strings.HasSuffix(particle, "'") || strings.HasSuffix(particle, "’") {
		return particle + family
	}
	return particle + " " + family
}

func joinNonEmpty(sep string, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

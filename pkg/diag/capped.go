package diag

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Capped collects diagnostics so that a stream of bad input cannot make the
// list grow without bound: of each kind (a message format) it keeps the
// first Max and only counts the rest, which List reports as one diagnostic
// "N more like this" at the first one left out.
type Capped struct {
	Max   int // diagnostics kept of each kind
	list  List
	kinds map[string]*kindCount
}

type kindCount struct {
	n         int
	sev       Severity
	firstLeft Pos // the first one not kept
}

// Add records a problem whose kind is its format.
func (c *Capped) Add(pos Pos, sev Severity, format string, args ...any) {
	c.Report(pos, sev, format, fmt.Sprintf(format, args...))
}

// Report records a problem of the given kind, a message format that
// describes it (a parser's messages are formatted where they are found).
func (c *Capped) Report(pos Pos, sev Severity, kind, msg string) {
	if c.kinds == nil {
		c.kinds = map[string]*kindCount{}
	}
	k := c.kinds[kind]
	if k == nil {
		k = &kindCount{sev: sev}
		c.kinds[kind] = k
	}
	if k.n++; k.n > c.Max {
		if k.n == c.Max+1 {
			k.firstLeft = pos
		}
		return
	}
	c.list = append(c.list, Diagnostic{Pos: pos, Severity: sev, Msg: msg})
}

// Errorf adds an Error.
func (c *Capped) Errorf(pos Pos, format string, args ...any) { c.Add(pos, Error, format, args...) }

// Warnf adds a Warning.
func (c *Capped) Warnf(pos Pos, format string, args ...any) { c.Add(pos, Warning, format, args...) }

// Kept returns the diagnostics kept, in the order they came.
func (c *Capped) Kept() List { return c.list }

// List returns the kept diagnostics and a count of each kind's rest, sorted
// by position.
func (c *Capped) List() List {
	out := slices.Clone(c.list)
	// In the order of the formats, so that summaries at one position (an
	// encoder's, which have none) come out the same every time.
	for _, format := range slices.Sorted(maps.Keys(c.kinds)) {
		if k := c.kinds[format]; k.n > c.Max {
			out = append(out, Diagnostic{Pos: k.firstLeft, Severity: k.sev, Omitted: k.n - c.Max,
				Msg: fmt.Sprintf("%d more like this (%s), not listed (MaxDiagnosticsPerKind)", k.n-c.Max, label(format))})
		}
	}
	out.Sort()
	return out
}

// label describes a kind of problem by its format, with "…" for the
// arguments and without trailing detail.
func label(format string) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] == '%' && i+1 < len(format) {
			b.WriteString("…")
			i++
			continue
		}
		b.WriteByte(format[i])
	}
	l, _, _ := strings.Cut(b.String(), " (")
	l, _, _ = strings.Cut(l, ";")
	return strings.TrimSpace(l)
}

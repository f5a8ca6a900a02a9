package dedupe

import (
	"bufio"
	"io"
	"sort"
	"strings"

	"github.com/manba/manba/pkg/diag"
)

// Distinct records pairs of keys a person has judged "not a duplicate".
// The order within a pair does not matter. A nil *Distinct is empty.
type Distinct struct {
	pairs map[[2]string]bool
}

func orderPair(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// Add records that the items with keys a and b are different works.
func (d *Distinct) Add(a, b string) {
	if d.pairs == nil {
		d.pairs = map[[2]string]bool{}
	}
	d.pairs[orderPair(a, b)] = true
}

// Has reports whether a and b were recorded as different works.
func (d *Distinct) Has(a, b string) bool {
	return d != nil && d.pairs[orderPair(a, b)]
}

// Len returns the number of recorded pairs.
func (d *Distinct) Len() int {
	if d == nil {
		return 0
	}
	return len(d.pairs)
}

// ReadDistinct reads a decisions file: one pair of keys per line separated
// by a tab or spaces; a '#' at the start of a word starts a comment, and
// blank lines are ignored.
// Malformed lines are reported with their position and skipped.
func ReadDistinct(r io.Reader, name string) (*Distinct, diag.List) {
	d := &Distinct{}
	var diags diag.List
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		for i, w := range f {
			if strings.HasPrefix(w, "#") { // a comment runs to the end of the line
				f = f[:i]
				break
			}
		}
		if len(f) == 0 {
			continue
		}
		if len(f) != 2 {
			diags.Errorf(diag.Pos{File: name, Line: line, Col: 1}, "want two keys, got %d fields", len(f))
			continue
		}
		d.Add(f[0], f[1])
	}
	if err := sc.Err(); err != nil {
		diags.Errorf(diag.Pos{File: name, Line: line + 1, Col: 1}, "%v", err)
	}
	return d, diags
}

// WriteTo writes the pairs in the format ReadDistinct reads, sorted.
func (d *Distinct) WriteTo(w io.Writer) (int64, error) {
	var lines []string
	if d != nil {
		for p := range d.pairs {
			lines = append(lines, p[0]+"\t"+p[1]+"\n")
		}
	}
	sort.Strings(lines)
	var n int64
	for _, l := range lines {
		k, err := io.WriteString(w, l)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

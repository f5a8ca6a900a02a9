package refparse

import (
	"sort"
	"strings"
)

// Score counts one label's fields: a field is the words of a reference
// that carry the label; it is right when the words are the same.
type Score struct {
	Label                  string
	TruePos, FalsePos, Mis int
}

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	if 2*s.TruePos+s.FalsePos+s.Mis == 0 {
		return 0
	}
	return 2 * float64(s.TruePos) / float64(2*s.TruePos+s.FalsePos+s.Mis)
}

// Evaluate labels every sequence with m and scores the fields per label,
// and the share of tokens labelled right.
func Evaluate(m *Model, seqs []Sequence) (scores []Score, tokenAccuracy float64) {
	by := map[string]*Score{}
	right, total := 0, 0
	for _, s := range seqs {
		toks := make([]string, len(s))
		for i, t := range s {
			toks[i] = t.Text
		}
		pred := m.Label(toks)
		gold, got := map[string]string{}, map[string]string{}
		for i, t := range s {
			total++
			if pred[i] == t.Label {
				right++
			}
			gold[t.Label] += " " + t.Text
			got[pred[i]] += " " + t.Text
		}
		for _, l := range m.Labels() {
			g, p := gold[l], got[l]
			if g == "" && p == "" {
				continue
			}
			sc := by[l]
			if sc == nil {
				sc = &Score{Label: l}
				by[l] = sc
			}
			switch {
			case g == p:
				sc.TruePos++
			case g == "":
				sc.FalsePos++
			case p == "":
				sc.Mis++
			default:
				sc.FalsePos++
				sc.Mis++
			}
		}
	}
	for _, s := range by {
		scores = append(scores, *s)
	}
	sort.Slice(scores, func(a, b int) bool { return strings.Compare(scores[a].Label, scores[b].Label) < 0 })
	if total > 0 {
		tokenAccuracy = float64(right) / float64(total)
	}
	return scores, tokenAccuracy
}

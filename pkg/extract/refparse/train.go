package refparse

import (
	"fmt"

	"github.com/manba/manba/pkg/extract/internal/seqmodel"
)

// TrainOptions tune Train; the zero value trains with the defaults.
type TrainOptions = seqmodel.TrainOptions

// Train fits an averaged structured perceptron to labelled references.
// The same sequences and options give the same model.
func Train(seqs []Sequence, o TrainOptions) (*Model, error) {
	labelID := map[string]int{}
	for i, l := range Labels {
		labelID[l] = i
	}
	data := make([]seqmodel.Example, 0, len(seqs))
	for n, s := range seqs {
		ex := seqmodel.Example{Gold: make([]int, len(s))}
		toks := make([]string, len(s))
		for i, t := range s {
			id, ok := labelID[t.Label]
			if !ok {
				return nil, fmt.Errorf("sequence %d: unknown label %q", n+1, t.Label)
			}
			ex.Gold[i], toks[i] = id, t.Text
		}
		ex.Feats = Features(toks)
		data = append(data, ex)
	}
	return &Model{seqmodel.Train(Labels, data, o)}, nil
}

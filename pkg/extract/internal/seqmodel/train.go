package seqmodel

import "math/rand/v2"

// TrainOptions tune Train; the zero value trains with the defaults.
type TrainOptions struct {
	Epochs int    // passes over the data (default 12)
	Seed   uint64 // shuffling seed (default 1)
	// Progress, if set, is called after every epoch with the share of
	// tokens labelled wrongly during it.
	Progress func(epoch int, errRate float64)
}

// Example is one labelled sequence: the features of every position and
// the index of its gold label.
type Example struct {
	Feats [][]uint32
	Gold  []int
}

// Train fits an averaged structured perceptron with the given labels.
// The same examples and options give the same model.
func Train(labels []string, data []Example, o TrainOptions) *Model {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	L := len(labels)
	m := &Model{labels: append([]string(nil), labels...), index: map[uint32]int32{}, trans: make([]float32, (L+1)*L)}
	// Averaging: acc holds sum of c*update, so the average is w - acc/c.
	var acc []float32
	accTrans := make([]float32, len(m.trans))
	c := float32(1)
	update := func(f uint32, k int, v float32) {
		off, ok := m.index[f]
		if !ok {
			off = int32(len(m.weights))
			m.index[f] = off
			m.weights = append(m.weights, make([]float32, L)...)
			acc = append(acc, make([]float32, L)...)
		}
		m.weights[int(off)+k] += v
		acc[int(off)+k] += c * v
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x6d616e6261))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		wrong, total := 0, 0
		for _, idx := range order {
			ex := data[idx]
			pred := m.Decode(ex.Feats)
			for i := range pred {
				total++
				if pred[i] != ex.Gold[i] {
					wrong++
					for _, f := range ex.Feats[i] {
						update(f, ex.Gold[i], 1)
						update(f, pred[i], -1)
					}
				}
				gp, pp := L, L // start row
				if i > 0 {
					gp, pp = ex.Gold[i-1], pred[i-1]
				}
				if gp != pp || ex.Gold[i] != pred[i] {
					m.trans[gp*L+ex.Gold[i]]++
					accTrans[gp*L+ex.Gold[i]] += c
					m.trans[pp*L+pred[i]]--
					accTrans[pp*L+pred[i]] -= c
				}
			}
			c++
		}
		if o.Progress != nil && total > 0 {
			o.Progress(epoch, float64(wrong)/float64(total))
		}
	}
	for i := range m.weights {
		m.weights[i] -= acc[i] / c
	}
	for i := range m.trans {
		m.trans[i] -= accTrans[i] / c
	}
	return m
}

// Package seqmodel is a linear-chain sequence labeller: an averaged
// structured perceptron over hashed features with first-order label
// transitions, decoded by Viterbi, and its compact, reproducible file
// format. Packages refparse (words of a reference) and finder (lines of a
// document) give it their features.
package seqmodel

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

// Model is a trained labeller: a weight per (feature, label) and a
// weight per label transition.
type Model struct {
	labels  []string
	index   map[uint32]int32 // feature hash -> offset into weights
	weights []float32        // len(labels) weights per feature
	// trans[a*L+b] scores label b after label a; row L is the start.
	trans []float32
}

// Labels returns the labels the model predicts.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// scores fills s (len(feats)*L) with the emission score of every label
// at every token.
func (m *Model) scores(feats [][]uint32, s []float32) {
	L := len(m.labels)
	for i, fs := range feats {
		row := s[i*L : (i+1)*L]
		for _, f := range fs {
			off, ok := m.index[f]
			if !ok {
				continue
			}
			w := m.weights[off : int(off)+L]
			for k := range row {
				row[k] += w[k]
			}
		}
	}
}

// Decode finds the best label sequence (label indexes) by Viterbi.
func (m *Model) Decode(feats [][]uint32) []int {
	var s Scratch
	return m.DecodeWith(feats, &s)
}

// Scratch is the working storage of DecodeWith, reused from one call to
// the next so that decoding does not allocate per token.
type Scratch struct {
	emit, score []float32
	back        []int32
	out         []int
}

// grow returns s[:n], zeroed, reusing its storage when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// DecodeWith is Decode in the storage of s: the labels it returns stay
// valid until s is used again.
func (m *Model) DecodeWith(feats [][]uint32, s *Scratch) []int {
	L, n := len(m.labels), len(feats)
	s.emit = grow(s.emit, n*L)
	s.score = grow(s.score, n*L)
	s.back = grow(s.back, n*L)
	s.out = grow(s.out, n)
	emit, score, back := s.emit, s.score, s.back
	m.scores(feats, emit)
	for k := 0; k < L; k++ {
		score[k] = emit[k] + m.trans[L*L+k]
	}
	for i := 1; i < n; i++ {
		for k := 0; k < L; k++ {
			best, arg := float32(math.Inf(-1)), 0
			for j := 0; j < L; j++ {
				if v := score[(i-1)*L+j] + m.trans[j*L+k]; v > best {
					best, arg = v, j
				}
			}
			score[i*L+k] = best + emit[i*L+k]
			back[i*L+k] = int32(arg)
		}
	}
	out := s.out
	best := float32(math.Inf(-1))
	for k := 0; k < L; k++ {
		if v := score[(n-1)*L+k]; v > best {
			best, out[n-1] = v, k
		}
	}
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i*L+out[i]])
	}
	return out
}

// Write saves the model compactly: weights quantized to 1/256 steps, zero
// weights and features left out, gzip-compressed, in a fixed order so the
// same model always gives the same bytes.
func (m *Model) Write(w io.Writer, magic string) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	L := len(m.labels)
	writeUvarint(bw, uint64(L))
	for _, l := range m.labels {
		writeUvarint(bw, uint64(len(l)))
		bw.WriteString(l)
	}
	for _, v := range m.trans {
		writeVarint(bw, quantize(v))
	}
	hashes := make([]uint32, 0, len(m.index))
	for h, off := range m.index {
		if nonzero(m.weights[off : int(off)+L]) {
			hashes = append(hashes, h)
		}
	}
	sort.Slice(hashes, func(a, b int) bool { return hashes[a] < hashes[b] })
	writeUvarint(bw, uint64(len(hashes)))
	prev := uint32(0)
	for _, h := range hashes {
		writeUvarint(bw, uint64(h-prev))
		prev = h
		ws := m.weights[m.index[h] : int(m.index[h])+L]
		// A bitmap of the labels with a weight, then the weights.
		var mask uint64
		for k, v := range ws {
			if quantize(v) != 0 {
				mask |= 1 << k
			}
		}
		writeUvarint(bw, mask)
		for k, v := range ws {
			if mask&(1<<k) != 0 {
				writeVarint(bw, quantize(v))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func nonzero(ws []float32) bool {
	for _, v := range ws {
		if quantize(v) != 0 {
			return true
		}
	}
	return false
}

func quantize(v float32) int64 { return int64(math.Round(float64(v) * 256)) }

func writeUvarint(w *bufio.Writer, v uint64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutUvarint(b[:], v)])
}

func writeVarint(w *bufio.Writer, v int64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutVarint(b[:], v)])
}

// maxLabels bounds the label set a model file may declare (a label mask
// is 64 bits).
const maxLabels = 64

// Read loads a model written by Write with the same magic header.
func Read(r io.Reader, magic string) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a %s model: %w", strings.TrimSpace(magic), err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("not a %s model (bad header)", strings.TrimSpace(magic))
	}
	fail := func(what string, err error) (*Model, error) {
		return nil, fmt.Errorf("model: reading %s: %w", what, err)
	}
	nl, err := binary.ReadUvarint(br)
	if err != nil {
		return fail("labels", err)
	}
	if nl == 0 || nl > maxLabels {
		return nil, fmt.Errorf("model: %d labels (1..%d allowed)", nl, maxLabels)
	}
	L := int(nl)
	m := &Model{labels: make([]string, L), trans: make([]float32, (L+1)*L)}
	for k := range m.labels {
		n, err := binary.ReadUvarint(br)
		if err != nil || n > 64 {
			return fail("labels", errOr(err, "label too long"))
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return fail("labels", err)
		}
		m.labels[k] = string(b)
	}
	for k := range m.trans {
		v, err := binary.ReadVarint(br)
		if err != nil {
			return fail("transitions", err)
		}
		m.trans[k] = float32(v) / 256
	}
	nf, err := binary.ReadUvarint(br)
	if err != nil {
		return fail("features", err)
	}
	if nf > 1<<24 {
		return nil, fmt.Errorf("model: %d features (at most %d)", nf, 1<<24)
	}
	m.index = make(map[uint32]int32, nf)
	m.weights = make([]float32, 0, int(nf)*L)
	h := uint32(0)
	for i := uint64(0); i < nf; i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return fail("features", err)
		}
		h += uint32(d)
		mask, err := binary.ReadUvarint(br)
		if err != nil {
			return fail("features", err)
		}
		m.index[h] = int32(len(m.weights))
		for k := 0; k < L; k++ {
			var v int64
			if mask&(1<<k) != 0 {
				if v, err = binary.ReadVarint(br); err != nil {
					return fail("features", err)
				}
			}
			m.weights = append(m.weights, float32(v)/256)
		}
	}
	return m, nil
}

func errOr(err error, msg string) error {
	if err != nil {
		return err
	}
	return errors.New(msg)
}

// Label returns the name of label index i.
func (m *Model) Label(i int) string { return m.labels[i] }

// Embedded reads a model compiled into the binary. A model that does not
// read (each package's TestEmbeddedModelLoads proves its file does) gives
// one that labels everything fallback, so that a caller never gets nil.
func Embedded(data []byte, magic, fallback string) *Model {
	m, err := Read(bytes.NewReader(data), magic)
	if err != nil {
		return Train([]string{fallback}, nil, TrainOptions{Epochs: 1})
	}
	return m
}

package bibtex

import (
	"encoding/binary"
	"errors"
	"os"

	"github.com/manba/manba/pkg/diag"
)

// spillAfter is how many bytes of kept entries the Decoder holds in memory
// before it moves them to a temporary file.
const spillAfter = 4 << 20

// store keeps the entries a Decoder may need again (crossref and xdata
// targets, entries waiting for a target) serialized, with an index of
// where each one is: in memory up to spillAfter bytes, then in an unlinked
// temporary file, so that memory holds only the index however many
// entries are kept.
type store struct {
	fileName string // of the input, for positions
	spillAt  int    // spillAfter, or less in tests
	index    map[string]stored
	mem      []byte   // entries not spilled yet; offsets below base are in file
	base     int64    // file size: where mem starts in the sequence of entries
	file     *os.File // nil until the first spill
	name     string   // the file's name when it could not be removed at once
	err      error    // the first I/O error; entries then stay in memory
	buf      []byte   // scratch for reading back
	cache    map[string]*rawEntry
}

// stored is where one serialized entry is.
type stored struct {
	off int64
	n   int
}

func newStore(fileName string) *store {
	return &store{fileName: fileName, spillAt: spillAfter, index: map[string]stored{}, cache: map[string]*rawEntry{}}
}

func (s *store) has(key string) bool {
	_, ok := s.index[key]
	return ok
}

// put serializes e under key, replacing what key held.
func (s *store) put(key string, e *rawEntry) {
	off := s.base + int64(len(s.mem))
	s.mem = appendEntry(s.mem, e)
	s.index[key] = stored{off: off, n: int(s.base + int64(len(s.mem)) - off)}
	delete(s.cache, key)
	if len(s.mem) > s.spillAt && s.err == nil {
		s.spill()
	}
}

// spill appends mem to the temporary file, creating it first.
func (s *store) spill() {
	if s.file == nil {
		f, err := os.CreateTemp("", "manba-bibtex-*.spill")
		if err != nil {
			s.err = err
			return
		}
		if os.Remove(f.Name()) != nil {
			s.name = f.Name() // removed by close instead
		}
		s.file = f
	}
	if _, err := s.file.WriteAt(s.mem, s.base); err != nil {
		s.err = err
		return
	}
	s.base += int64(len(s.mem))
	s.mem = s.mem[:0]
}

// get returns the entry stored under key, or nil. The entry is the
// store's: callers must not change it.
func (s *store) get(key string) *rawEntry {
	if e, ok := s.cache[key]; ok {
		return e
	}
	sp, ok := s.index[key]
	if !ok {
		return nil
	}
	var b []byte
	if sp.off >= s.base {
		b = s.mem[sp.off-s.base : sp.off-s.base+int64(sp.n)]
	} else {
		if cap(s.buf) < sp.n {
			s.buf = make([]byte, sp.n)
		}
		b = s.buf[:sp.n]
		if _, err := s.file.ReadAt(b, sp.off); err != nil {
			s.err = errors.Join(s.err, err)
			return nil
		}
	}
	e := readEntry(b, s.fileName)
	if len(s.cache) >= 64 {
		clear(s.cache) // children of one target usually come together
	}
	s.cache[key] = e
	return e
}

// drop forgets key (an entry that waited and has been handed out).
func (s *store) drop(key string) {
	delete(s.index, key)
	delete(s.cache, key)
}

// close removes the temporary file.
func (s *store) close() {
	if s.file != nil {
		s.file.Close()
		if s.name != "" {
			os.Remove(s.name)
		}
		s.file = nil
	}
	s.index, s.mem, s.cache = map[string]stored{}, nil, map[string]*rawEntry{}
}

// appendEntry serializes e: its strings and numbers, length-prefixed.
// Positions are all in the one input, whose name is not repeated.
func appendEntry(b []byte, e *rawEntry) []byte {
	b = appendString(b, e.typ)
	b = appendString(b, e.key)
	b = appendPos(b, e.pos)
	b = binary.AppendUvarint(b, uint64(e.index))
	b = binary.AppendUvarint(b, uint64(len(e.deps)))
	for _, d := range e.deps {
		b = appendString(b, d)
	}
	b = binary.AppendUvarint(b, uint64(len(e.fields)))
	for _, f := range e.fields {
		b = appendString(b, f.name)
		b = appendString(b, f.tex)
		b = appendPos(b, f.pos)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendPos(b []byte, p diag.Pos) []byte {
	b = binary.AppendUvarint(b, uint64(p.Offset))
	b = binary.AppendUvarint(b, uint64(p.Line))
	return binary.AppendUvarint(b, uint64(p.Col))
}

// entryReader reads what appendEntry wrote.
type entryReader struct{ b []byte }

func (r *entryReader) uint() int {
	v, n := binary.Uvarint(r.b)
	r.b = r.b[max(n, 0):]
	return int(v)
}

func (r *entryReader) string() string {
	n := min(r.uint(), len(r.b))
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *entryReader) pos(file string) diag.Pos {
	return diag.Pos{File: file, Offset: r.uint(), Line: r.uint(), Col: r.uint()}
}

func readEntry(b []byte, file string) *rawEntry {
	r := entryReader{b}
	e := &rawEntry{typ: r.string(), key: r.string(), pos: r.pos(file), index: r.uint()}
	e.deps = make([]string, r.uint())
	for i := range e.deps {
		e.deps[i] = r.string()
	}
	e.fields = make([]rawField, r.uint())
	for i := range e.fields {
		e.fields[i] = rawField{name: r.string(), tex: r.string(), pos: r.pos(file)}
	}
	return e
}

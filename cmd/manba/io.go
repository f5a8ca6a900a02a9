package main

// The conventions every command follows for its inputs and its output.
//
// Inputs: FILE arguments, "-" for standard input; with no FILE, standard
// input when it is a pipe or a file (not a terminal, not /dev/null); with
// neither, the command's default (the built-in works) or a usage error.
// Use inputNames or needInputs to apply this, loadItems or loadItemsAt to
// read items: consecutive BibTeX inputs are one database (database.go).
//
// Output: standard output, or -o FILE written atomically through
// openOutput (a device or pipe is written in place); items through
// openItemSink, whose format comes from --to or else from -o's extension
// (outputFormat). A bad -o path is a usage error (exit 2) found before any
// input is read; the temporary file never shows in a message and is
// removed on failure, on Abort and on SIGINT, SIGTERM or SIGHUP (main).

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/term"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

// input is one named input: a file or standard input ("-").
type input struct {
	Name string
	Data []byte
}

// noStdin stands for a standard input that carries nothing for manba: a
// terminal, /dev/null, or none at all.
type noStdin struct{}

func (noStdin) Read([]byte) (int, error) { return 0, io.EOF }

// stdinGiven reports whether standard input was piped or redirected from a
// file, so that a command given no FILE reads it. A terminal or a device
// such as /dev/null is not input; a reader that is not a file (tests) is.
func stdinGiven(stdin io.Reader) bool {
	switch r := stdin.(type) {
	case nil, noStdin:
		return false
	case *os.File:
		fi, err := r.Stat()
		return err == nil && fi.Mode()&os.ModeCharDevice == 0
	}
	return true
}

// inputNames returns what a command reads: args, or "-" when args is
// empty and standard input is given, or nil when there is neither (the
// command then uses its default).
func inputNames(args []string, stdin io.Reader) []string {
	if len(args) > 0 {
		return args
	}
	if stdinGiven(stdin) {
		return []string{"-"}
	}
	return nil
}

// needInputs is inputNames for a command that has no default input: no
// FILE and no standard input is a usage error rather than a wait on the
// terminal.
func needInputs(args []string, stdin io.Reader) ([]string, error) {
	names := inputNames(args, stdin)
	if names == nil {
		return nil, usagef("no input: give FILE arguments, or pipe data into standard input")
	}
	return names, nil
}

// readInputs reads the named inputs ("-" is standard input), or standard
// input when there are none and it is given (needInputs).
func readInputs(args []string, stdin io.Reader) ([]input, error) {
	args, err := needInputs(args, stdin)
	if err != nil {
		return nil, err
	}
	var out []input
	for _, a := range args {
		var data []byte
		var err error
		if a == "-" {
			data, err = io.ReadAll(stdin)
			a = "<stdin>"
		} else {
			data, err = os.ReadFile(a)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, input{Name: a, Data: data})
	}
	return out, nil
}

// openableInputs returns the names of the inputs (needInputs), after
// opening each file once, so that a missing one fails before any output
// is written by a command that streams its inputs (openTextInput).
func openableInputs(args []string, stdin io.Reader) ([]string, error) {
	args, err := needInputs(args, stdin)
	if err != nil {
		return nil, err
	}
	for _, a := range args {
		if a == "-" {
			continue
		}
		f, err := os.Open(a)
		if err != nil {
			return nil, err
		}
		f.Close()
	}
	return args, nil
}

// openTextInput opens one named input for streaming: a file, or standard
// input for "-". It returns the name to show in messages and a function
// that closes the input.
func openTextInput(name string, stdin io.Reader) (io.Reader, string, func(), error) {
	if name == "-" {
		return stdin, "<stdin>", func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, "", nil, err
	}
	return f, name, func() { f.Close() }, nil
}

// splitList returns the values of a repeatable flag that also takes comma
// lists (--bib a.bib --bib b.bib or --bib a.bib,b.bib). A value naming an
// existing file is kept whole, so that file names with commas still work.
func splitList(values []string) []string {
	var out []string
	for _, v := range values {
		if _, err := os.Stat(v); err == nil || !strings.Contains(v, ",") {
			out = append(out, v)
			continue
		}
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// output is where a command writes its result: standard output, or a file
// written atomically (a temporary file in the same directory, renamed over
// the target only when everything was written).
type output struct {
	w      *bufio.Writer
	direct *os.File // a device or pipe written in place
	tmp    *os.File
	path   string // the file replaced: the target of -o after symbolic links
	name   string // the path as the user gave it, for messages
}

// openOutput opens path for writing, or stdout for "" and "-". A path that
// cannot be written (no such directory, a directory, no permission) is a
// usage error; call it before reading input, so that nothing is read for
// nothing. A symbolic link is followed: its target is replaced, the link
// stays.
func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" || path == "-" {
		return &output{w: bufio.NewWriterSize(stdout, 64<<10)}, nil
	}
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return nil, usagef("cannot write %s: it is a directory", path)
		}
		// A device, pipe or socket (/dev/null, /dev/stdout, >(gzip)) is
		// written in place: it cannot be replaced, and must not be.
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, usagef("cannot write %s: %v", path, plainErr(err))
		}
		return &output{w: bufio.NewWriterSize(f, 64<<10), direct: f, name: path}, nil
	}
	target, err := followLinks(path)
	if err != nil {
		return nil, usagef("cannot write %s: %v", path, plainErr(err))
	}
	dir := filepath.Dir(target)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, usagef("cannot write %s: no directory %s", path, dir)
	}
	// A file the user may not write (read-only) is not replaced either,
	// although the directory would allow the rename.
	if f, err := os.OpenFile(target, os.O_WRONLY, 0); err == nil {
		f.Close()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, usagef("cannot write %s: %v", path, plainErr(err))
	}
	tmp, err := createTemp(dir, filepath.Base(target))
	if err != nil {
		return nil, usagef("cannot write %s: %v", path, plainErr(err))
	}
	return &output{w: bufio.NewWriterSize(tmp, 64<<10), tmp: tmp, path: target, name: path}, nil
}

// followLinks resolves path through symbolic links, also a link whose
// target does not exist yet (it is created).
func followLinks(path string) (string, error) {
	for range 40 {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// plainErr drops the operation and file name that os errors carry, which
// for a temporary file would show a name the user never gave.
func plainErr(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

func (o *output) Write(p []byte) (int, error) { return o.w.Write(p) }

// Close flushes and, for a file, renames it into place.
func (o *output) Close() error {
	err := o.w.Flush()
	if o.direct != nil {
		if cerr := o.direct.Close(); err == nil {
			err = cerr
		}
	}
	if o.tmp == nil {
		return err
	}
	if err == nil {
		err = o.tmp.Sync()
	}
	if err == nil {
		// CreateTemp makes the file 0600; give it the target's mode, or the
		// usual mode of a new file.
		mode := os.FileMode(0o644)
		if fi, statErr := os.Stat(o.path); statErr == nil {
			mode = fi.Mode().Perm()
		}
		err = o.tmp.Chmod(mode)
	}
	if cerr := o.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(o.tmp.Name(), o.path)
	}
	forgetTemp(o.tmp.Name())
	if err != nil {
		os.Remove(o.tmp.Name())
		return fmt.Errorf("writing %s: %w", o.name, plainErr(err))
	}
	return nil
}

// Abort discards a file being written; the target is left as it was.
func (o *output) Abort() {
	if o.direct != nil {
		o.direct.Close()
	}
	if o.tmp != nil {
		o.tmp.Close()
		os.Remove(o.tmp.Name())
		forgetTemp(o.tmp.Name())
	}
}

// temps are the temporary files being written, removed when a signal
// ends manba (see main).
var temps = struct {
	sync.Mutex
	names map[string]bool
}{names: map[string]bool{}}

func createTemp(dir, base string) (*os.File, error) {
	temps.Lock()
	defer temps.Unlock()
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err == nil {
		temps.names[f.Name()] = true
	}
	return f, err
}

func forgetTemp(name string) {
	temps.Lock()
	delete(temps.names, name)
	temps.Unlock()
}

// removeTemps deletes every temporary file still being written. It keeps
// the lock, so that no new one is created after it.
func removeTemps() {
	temps.Lock()
	for name := range temps.names {
		os.Remove(name)
	}
	temps.names = map[string]bool{}
}

// isTerminal reports whether w is a terminal, so that progress is shown
// only to people, never into logs or pipes.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// itemSink writes items to standard output or -o FILE (atomically), in the
// format that --to names or -o's extension implies, and reports what the
// format could not hold at the position of the item it came from.
type itemSink struct {
	out     *output
	w       itemWriter
	outName string
	warns   diag.List // the first maxWriterWarnings+1, positioned
	seen    int       // writer diagnostics looked at so far
}

// maxWriterWarnings bounds the warnings about what the output format cannot
// hold: they repeat for every item of a large library.
const maxWriterWarnings = 50

// openItemSink resolves the format (outputFormat) and opens the output;
// both fail with usage errors before any input is read.
func openItemSink(to, path, def string, opts writeOptions, stdout io.Writer) (*itemSink, error) {
	f, err := outputFormat(to, path, def)
	if err != nil {
		return nil, err
	}
	out, err := openOutput(path, stdout)
	if err != nil {
		return nil, err
	}
	name := path
	if name == "" || name == "-" {
		name = "<stdout>"
	}
	return &itemSink{out: out, w: f.NewWriter(out, opts), outName: name}, nil
}

// Write writes one item; at is where it was read (zero for items made by
// manba), and warnings about it carry that position.
func (s *itemSink) Write(it bib.Item, at diag.Pos) error {
	if err := s.w.Write(it); err != nil {
		return fmt.Errorf("writing item %q: %w", it.ID, err)
	}
	dw, ok := s.w.(interface{ Diagnostics() diag.List })
	if !ok || len(s.warns) > maxWriterWarnings {
		return nil // past the cap only the count matters, taken at the end
	}
	all := dw.Diagnostics()
	for _, d := range all[s.seen:] {
		if d.Pos.File == "" {
			d.Pos = at
		}
		s.warns = append(s.warns, d)
	}
	s.seen = len(all)
	return nil
}

// preambleWriter returns the writer when it keeps BibTeX @preamble blocks.
func (s *itemSink) preambleWriter() (interface{ Preamble(string) error }, bool) {
	p, ok := s.w.(interface{ Preamble(string) error })
	return p, ok
}

// Abort discards the output; an -o FILE is left as it was.
func (s *itemSink) Abort() { s.out.Abort() }

// Close finishes the output (renaming -o FILE into place) and prints the
// warnings about what the format could not hold.
func (s *itemSink) Close(stderr io.Writer) error {
	if err := s.w.Close(); err != nil {
		s.out.Abort()
		return err
	}
	if err := s.out.Close(); err != nil {
		return err
	}
	total := len(s.warns)
	if dw, ok := s.w.(interface{ Diagnostics() diag.List }); ok && total > maxWriterWarnings {
		// The encoders keep 100 warnings of each kind and count the rest
		// (so Write has stopped reading them before a count appears).
		total = dw.Diagnostics().Count()
	}
	for i, d := range s.warns {
		if i == maxWriterWarnings {
			fmt.Fprintf(stderr, "%s: warning: %d more warnings like these\n", s.outName, total-i)
			break
		}
		if d.Pos.File == "" {
			d.Pos.File = s.outName
		}
		fmt.Fprintln(stderr, d.Error())
	}
	return nil
}

// writeItems writes items (read at the positions in at, which may be nil)
// through an itemSink; works, dedupe and extract share it.
func writeItems(sink *itemSink, items []bib.Item, at []diag.Pos, stderr io.Writer) error {
	for i, it := range items {
		var pos diag.Pos
		if i < len(at) {
			pos = at[i]
		}
		if err := sink.Write(it, pos); err != nil {
			sink.Abort()
			return err
		}
	}
	return sink.Close(stderr)
}

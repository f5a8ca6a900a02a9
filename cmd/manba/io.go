package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/term"
)

// input is one named input: a file or standard input ("-").
type input struct {
	Name string
	Data []byte
}

// readInputs reads the named files, or standard input when there are none
// or a name is "-".
func readInputs(args []string, stdin io.Reader) ([]input, error) {
	if len(args) == 0 {
		args = []string{"-"}
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

// output is where a command writes its result: standard output, or a file
// written atomically (a temporary file in the same directory, renamed over
// the target only when everything was written).
type output struct {
	w    *bufio.Writer
	tmp  *os.File
	path string
}

func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" || path == "-" {
		return &output{w: bufio.NewWriterSize(stdout, 64<<10)}, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, err
	}
	return &output{w: bufio.NewWriterSize(tmp, 64<<10), tmp: tmp, path: path}, nil
}

func (o *output) Write(p []byte) (int, error) { return o.w.Write(p) }

// Close flushes and, for a file, renames it into place.
func (o *output) Close() error {
	err := o.w.Flush()
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
	if err != nil {
		os.Remove(o.tmp.Name())
		return fmt.Errorf("writing %s: %w", o.path, err)
	}
	return nil
}

// Abort discards a file being written.
func (o *output) Abort() {
	if o.tmp != nil {
		o.tmp.Close()
		os.Remove(o.tmp.Name())
	}
}

// isTerminal reports whether w is a terminal, so that progress is shown
// only to people, never into logs or pipes.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Command trainfinder trains the embedded line-classifier model on the
// training documents (finder.Split) of a directory of .ttx files,
// reproducibly:
//
//	go run ./internal/trainfinder -o model.bin ../../../../shared/refparse/finder
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/manba/manba/pkg/extract/finder"
)

func main() {
	out := flag.String("o", "model.bin", "the model file to write")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: trainfinder [-o model.bin] DIR")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out); err != nil {
		fmt.Fprintln(os.Stderr, "trainfinder:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	docs, err := finder.ReadDir(dir)
	if err != nil {
		return err
	}
	train, measure := finder.Split(docs)
	m, err := finder.Train(train, finder.TrainOptions{Progress: func(e int, r float64) {
		fmt.Fprintf(os.Stderr, "epoch %d: %.4f of lines wrong\n", e, r)
	}})
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d training, %d measure-only documents; model %d bytes\n", len(train), len(measure), b.Len())
	return os.WriteFile(out, b.Bytes(), 0o644)
}

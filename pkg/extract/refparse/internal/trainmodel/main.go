// Command trainmodel trains the embedded reference-parser model on the
// training part of a labelled file (refparse.Split), reproducibly:
//
//	go run ./internal/trainmodel -o model.bin ../../../../shared/refparse/parser-train.xml
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/manba/manba/pkg/extract/refparse"
)

func main() {
	out := flag.String("o", "model.bin", "the model file to write")
	epochs := flag.Int("epochs", 0, "training passes (0: the default)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: trainmodel [-o model.bin] parser-train.xml")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out, *epochs); err != nil {
		fmt.Fprintln(os.Stderr, "trainmodel:", err)
		os.Exit(1)
	}
}

func run(in, out string, epochs int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	seqs, err := refparse.ReadXML(f)
	if err != nil {
		return fmt.Errorf("%s:%w", in, err)
	}
	train, measure := refparse.Split(seqs)
	m, err := refparse.Train(train, refparse.TrainOptions{Epochs: epochs, Progress: func(e int, r float64) {
		fmt.Fprintf(os.Stderr, "epoch %d: %.4f of tokens wrong\n", e, r)
	}})
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d training, %d measure-only references; model %d bytes\n", len(train), len(measure), b.Len())
	return os.WriteFile(out, b.Bytes(), 0o644)
}

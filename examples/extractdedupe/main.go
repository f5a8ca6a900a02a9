// Command extractdedupe extracts the references of a plain-text article,
// resolves "ibid", merges the references that cite the same work (also
// when spelled differently: Abrahamian / Abrahamiyan, Mojahedin /
// Mujahideen) and links them to manba's built-in cited works.
//
//	go run ./examples/extractdedupe examples/extractdedupe/testdata/article.txt
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/extract"
	"github.com/manba/manba/pkg/works"
)

func main() {
	path := "examples/extractdedupe/testdata/article.txt"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "extractdedupe:", err)
		os.Exit(1)
	}
	if err := run(os.Stdout, path, src); err != nil {
		fmt.Fprintln(os.Stderr, "extractdedupe:", err)
		os.Exit(1)
	}
}

// run prints the citations found, then one line per distinct work with the
// citations it merges and the known work it was linked to.
func run(w io.Writer, name string, src []byte) error {
	refs, diags := extract.Extract(name, src)
	for _, d := range diags {
		fmt.Fprintln(w, "warning:", d.Error())
	}
	extract.Link(refs, works.Items())
	fmt.Fprintf(w, "%d citations:\n", len(refs))
	for _, r := range refs {
		label := r.Label
		if label == "" {
			label = "-"
		}
		var locs []string
		for _, l := range r.Locators {
			locs = append(locs, l.Label+" "+l.Value)
		}
		fmt.Fprintf(w, "  %-6s %-4s line %-3d %s", r.Kind, label, r.Pos.Line, describe(r.Item))
		if len(locs) > 0 {
			fmt.Fprintf(w, " [%s]", strings.Join(locs, ", "))
		}
		fmt.Fprintln(w)
	}
	items := extract.Bibliography(refs, extract.Options{})
	fmt.Fprintf(w, "%d works:\n", len(items))
	for _, it := range items {
		cites, err := extract.CitationsOf(it)
		if err != nil {
			return err
		}
		var labels []string
		for _, c := range cites {
			if c.Label != "" {
				labels = append(labels, c.Label)
			} else {
				labels = append(labels, c.Kind)
			}
		}
		known := "new"
		if id, _ := extract.KnownWork(it); id != "" {
			known = "known work " + id
		}
		fmt.Fprintf(w, "  %-24s %-17s cited as %-9s %s\n", it.ID, it.Type, strings.Join(labels, ","), known)
	}
	return nil
}

// describe names a work by its title, else by who issued it.
func describe(it bib.Item) string {
	if t := it.Get("title"); t != "" {
		return fmt.Sprintf("%q", t)
	}
	if a := it.Names["author"]; len(a) > 0 {
		return "a " + it.Type + " by " + a[0].String()
	}
	return it.Get("container-title")
}

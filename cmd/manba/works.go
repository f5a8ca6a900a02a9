package main

import (
	"io"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/works"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newWorksCmd) }

type worksOptions struct {
	to     string
	output string
}

func newWorksCmd() *cobra.Command {
	var o worksOptions
	c := &cobra.Command{
		Use:   "works [ID...]",
		Short: "Print the works cited in the seed articles (built-in data)",
		Long: `works prints manba's built-in bibliography: every work cited in the five
seed articles about the Mojahedin-e Khalq (MEK/MKO/PMOI), with researched
metadata. Fields nobody could confirm are left out, never guessed; the
per-field sources and confidence levels travel in the CSL-JSON "custom"
object.

With IDs, only those works are printed, in the order given.`,
		Example: `  manba works
  manba works --to bibtex -o cited.bib
  manba works rand2009mek hrw2005noexit --to biblatex`,
		RunE: func(c *cobra.Command, args []string) error {
			return runWorks(o, args, c.OutOrStdout())
		},
	}
	c.Flags().StringVar(&o.to, "to", "csljson", "output format (bibtex|biblatex|csljson|...)")
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	return c
}

func runWorks(o worksOptions, ids []string, stdout io.Writer) error {
	items := works.Items()
	if len(ids) > 0 {
		items = items[:0]
		var unknown []string
		for _, id := range ids {
			it, ok := works.ByID(id)
			if !ok {
				unknown = append(unknown, id)
				continue
			}
			items = append(items, it)
		}
		if len(unknown) > 0 {
			return usagef("unknown work(s) %s; known: %s", strings.Join(unknown, ", "), strings.Join(works.IDs(), ", "))
		}
	}
	return writeItemsAs(o.to, o.output, stdout, items)
}

// writeItemsAs writes items in the named format to path (atomically) or to
// stdout; works, extract and dedupe share it.
func writeItemsAs(to, path string, stdout io.Writer, items []bib.Item) error {
	f, err := lookupFormat(to, true)
	if err != nil {
		return err
	}
	out, err := openOutput(path, stdout)
	if err != nil {
		return err
	}
	w := f.NewWriter(out, writeOptions{})
	for _, it := range items {
		if err := w.Write(it); err != nil {
			out.Abort()
			return err
		}
	}
	if err := w.Close(); err != nil {
		out.Abort()
		return err
	}
	return out.Close()
}

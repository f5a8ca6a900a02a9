package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/manba/manba/pkg/check"
)

func init() { commands = append(commands, newCheckCmd) }

type checkOptions struct {
	to     string
	skip   []string
	output string
}

func newCheckCmd() *cobra.Command {
	var o checkOptions
	c := &cobra.Command{
		Use:   "check [--to text|json] [--skip IDS] [-o FILE] [FILE...|-]",
		Short: "Find integrity problems in BibTeX/BibLaTeX libraries",
		Long: `check reads BibTeX/BibLaTeX files as one library (as BibTeX reads several
.bib files) and reports each problem on one line:

  file:line:col: check-id: message; fix: hint

and exits with status 1 when there is any, so that it can guard a
repository. The checks:
` + checkList() + `
--skip turns checks off; --to json writes an array of objects with file,
line, col, check, key, message and hint for other tools. A count per check
goes to standard error.

As a git pre-commit hook (.git/hooks/pre-commit, executable):

  #!/bin/sh
  git diff --cached --name-only --diff-filter=ACM -- '*.bib' | xargs -r manba check --skip name-variant`,
		Example: `  manba check refs.bib strings.bib
  manba check --to json --skip empty-field,unknown-type refs.bib`,
		RunE: func(c *cobra.Command, args []string) error {
			return runCheck(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	f := c.Flags()
	f.StringVar(&o.to, "to", "text", "output format: text or json")
	f.StringSliceVar(&o.skip, "skip", nil, "check `IDS` not to run (comma-separated)")
	f.StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	return c
}

func checkList() string {
	var b strings.Builder
	for _, c := range check.Checks {
		fmt.Fprintf(&b, "  %-19s %s\n", c.ID, c.Doc)
	}
	return b.String()
}

func runCheck(o checkOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if o.to != "text" && o.to != "json" {
		return usagef("--to %q: want text or json", o.to)
	}
	skip := map[string]bool{}
	for _, s := range o.skip {
		if !knownCheck(s) {
			return usagef("--skip %q: no such check", s)
		}
		skip[s] = true
	}
	inputs, err := readInputs(args, stdin)
	if err != nil {
		return err
	}
	files := make([]check.Input, len(inputs))
	for i, in := range inputs {
		files[i] = check.Input{Name: in.Name, Src: in.Data}
	}
	found := check.Library(files, check.Options{Skip: skip})
	out, err := openOutput(o.output, stdout)
	if err != nil {
		return err
	}
	if o.to == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if found == nil {
			found = []check.Finding{}
		}
		err = enc.Encode(found)
	} else {
		for _, f := range found {
			if _, err = fmt.Fprintln(out, f); err != nil {
				break
			}
		}
	}
	if err != nil {
		out.Abort()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	if len(found) == 0 {
		return nil
	}
	return fmt.Errorf("%d problem(s): %s", len(found), countByCheck(found))
}

func knownCheck(id string) bool {
	for _, c := range check.Checks {
		if c.ID == id {
			return true
		}
	}
	return false
}

// countByCheck summarises findings as "3 isbn, 1 doi" in the order of
// check.Checks.
func countByCheck(found []check.Finding) string {
	n := map[string]int{}
	for _, f := range found {
		n[f.Check]++
	}
	var parts []string
	for _, c := range check.Checks {
		if n[c.ID] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[c.ID], c.ID))
		}
	}
	return strings.Join(parts, ", ")
}

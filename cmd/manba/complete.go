package main

import (
	"sort"
	"strings"

	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/works"
	"github.com/spf13/cobra"
)

// flagValues completes the flags that mean the same in every command; a
// command whose flag means something else (--to text|html|md in
// bibliography) registers its own first.
var flagValues = map[string]cobra.CompletionFunc{
	"to":     completeFormats(true),
	"from":   completeFormats(false),
	"style":  completeStyles,
	"locale": completeWords(csl.EmbeddedLocales),
}

// registerCompletions gives every command under root value completion for
// the shared flags (manba completion bash|zsh|fish|powershell prints the
// script that uses it).
func registerCompletions(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for name, f := range flagValues {
			if c.LocalFlags().Lookup(name) == nil {
				continue
			}
			if _, done := c.GetFlagCompletionFunc(name); !done {
				c.RegisterFlagCompletionFunc(name, f)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// completeFormats offers the formats, each with its file extensions as
// the description shells show beside it.
func completeFormats(writable bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, name := range withPrefix(strings.Split(formatNames(writable), "|"), prefix) {
			out = append(out, cobra.CompletionWithDesc(name, strings.Join(formats[name].Exts, " ")))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeWords offers a fixed list of words, never file names.
func completeWords(words func() []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return withPrefix(words(), prefix), cobra.ShellCompDirectiveNoFileComp
	}
}

// completeStyles offers the built-in styles and their short names, or .csl
// files once what was typed names no built-in style.
func completeStyles(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	names := append(csl.EmbeddedStyles(), "chicago", "mla", "harvard", "chicago-notes")
	sort.Strings(names)
	if m := withPrefix(names, prefix); len(m) > 0 {
		return m, cobra.ShellCompDirectiveNoFileComp
	}
	return []cobra.Completion{"csl"}, cobra.ShellCompDirectiveFilterFileExt
}

// completeKeys offers cite keys, each described by its title: of the
// --bib files when there are any, else of the built-in works. After a
// comma ("a,b") it completes the last key of the list.
func completeKeys(bibs *[]string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		items := works.Items()
		if files := splitList(*bibs); len(files) > 0 {
			items, _, _ = loadItems(files, "", noStdin{})
		}
		done, last := "", toComplete
		if i := strings.LastIndexByte(toComplete, ','); i >= 0 {
			done, last = toComplete[:i+1], toComplete[i+1:]
		}
		var out []cobra.Completion
		seen := map[string]bool{}
		for _, it := range items {
			if seen[it.ID] || !strings.HasPrefix(it.ID, last) {
				continue
			}
			seen[it.ID] = true
			out = append(out, cobra.CompletionWithDesc(done+it.ID, it.Get("title")))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func withPrefix(words []string, prefix string) []string {
	var out []string
	for _, w := range words {
		if strings.HasPrefix(w, prefix) {
			out = append(out, w)
		}
	}
	return out
}

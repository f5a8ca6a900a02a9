// Command manba reads, converts, normalizes and formats bibliographies.
//
// Each command lives in its own file as an options struct and a run
// function over the packages under pkg/; this file wires them together and
// maps errors to exit codes: 0 ok, 1 input problems, 2 usage errors.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// commands collects the subcommands; each command file adds its own in init.
var commands []func() *cobra.Command

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "manba",
		Short: "Bibliographies, citations and transliterated names",
		Long: `manba reads and writes BibTeX/BibLaTeX, CSL-JSON and RIS, formats
bibliographies with CSL styles, and normalizes transliterated Persian and
Arabic names (Masoud / Massoud / Mas'oud Rajavi).`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("manba {{.Version}}\n")
	root.PersistentPreRun = func(c *cobra.Command, args []string) {
		warnDeprecatedFlags(c, args)
		inferToFromOutput(c)
		splitBibLists(c)
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w\nRun '%s --help' for usage", err, c.CommandPath())}
	})
	for _, mk := range commands {
		root.AddCommand(mk())
	}
	root.SetHelpCommand(newHelpCmd())
	root.InitDefaultCompletionCmd() // now, so that the walks below see it
	for _, c := range root.Commands() {
		rejectUnknownSubcommands(c)
	}
	registerCompletions(root)
	return root
}

// warnDeprecatedFlags tells on standard error which old flag names were
// used (pflag would print it where cobra never shows it).
func warnDeprecatedFlags(c *cobra.Command, _ []string) {
	c.Flags().Visit(func(f *pflag.Flag) {
		if f.Deprecated != "" {
			fmt.Fprintf(c.ErrOrStderr(), "manba: warning: --%s is deprecated; %s\n", f.Name, f.Deprecated)
		}
	})
}

// newHelpCmd is cobra's help command, except that an unknown topic is a
// usage error (exit 2) rather than the usage and exit 0.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return usagef("unknown help topic %q\nRun 'manba --help' for usage", strings.Join(args, " "))
			}
			return cmd.Help()
		},
		ValidArgsFunction: func(c *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, _, err := c.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []string
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() {
					names = append(names, sub.Name())
				}
			}
			return withPrefix(names, prefix), cobra.ShellCompDirectiveNoFileComp
		},
	}
}

// groupAnnotation marks a command that only groups others.
const groupAnnotation = "manba-group"

// inferToFromOutput applies "--to from -o's extension" to the commands
// whose --to has an item format as its default (names normalize, extract):
// with -o refs.bib and no --to they write BibTeX, not their default.
// Commands with no default (convert, works, dedupe) resolve it themselves
// through openItemSink.
func inferToFromOutput(c *cobra.Command) {
	to, out := c.Flags().Lookup("to"), c.Flag("output")
	if to == nil || out == nil || to.Changed || to.DefValue == "" {
		return
	}
	if _, err := lookupFormat(to.DefValue, true); err != nil {
		return // --to is not an item format here (check: text|json)
	}
	if f, err := outputFormat("", out.Value.String(), to.DefValue); err == nil {
		to.Value.Set(f.Name)
	}
}

// splitBibLists lets every command's repeatable --bib also take comma
// lists (--bib a.bib,b.bib), as cite always did (splitList).
func splitBibLists(c *cobra.Command) {
	f := c.Flags().Lookup("bib")
	if f == nil || !f.Changed {
		return
	}
	if sv, ok := f.Value.(pflag.SliceValue); ok {
		sv.Replace(splitList(sv.GetSlice()))
	}
}

// rejectUnknownSubcommands makes a command that only groups others (manba
// names) fail with a usage error on an unknown subcommand, where cobra
// would print its help and exit 0.
func rejectUnknownSubcommands(c *cobra.Command) {
	for _, sub := range c.Commands() {
		rejectUnknownSubcommands(sub)
	}
	if !c.HasSubCommands() || c.Runnable() {
		return
	}
	if c.Annotations == nil {
		c.Annotations = map[string]string{}
	}
	c.Annotations[groupAnnotation] = "true"
	c.RunE = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return c.Help()
		}
		msg := fmt.Sprintf("unknown command %q for %q", args[0], c.CommandPath())
		if c.SuggestionsMinimumDistance <= 0 {
			c.SuggestionsMinimumDistance = 2 // cobra's default, set only on its own path
		}
		if s := c.SuggestionsFor(args[0]); len(s) > 0 {
			msg += "; did you mean " + strings.Join(s, " or ") + "?"
		}
		return usagef("%s\nRun '%s --help' for usage", msg, c.CommandPath())
	}
}

func main() {
	removeTempsOnSignal()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// removeTempsOnSignal makes SIGINT, SIGTERM and SIGHUP (a closed
// terminal) remove the temporary file of -o before manba exits, with the
// shell's status for the signal (128 + its number).
func removeTempsOnSignal() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		s := <-sigs
		removeTemps()
		code := 1
		if n, ok := s.(syscall.Signal); ok {
			code = 128 + int(n)
		}
		os.Exit(code)
	}()
}

// run executes the CLI and returns its exit code; tests call it directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	if stdin == nil {
		stdin = noStdin{}
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "manba:", err)
	var ue usageError
	if errors.As(err, &ue) || isCobraUsageError(err) {
		return 2
	}
	return 1
}

// usageError marks a mistake in how manba was called (exit code 2).
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// usagef returns a usage error.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// isCobraUsageError recognises the errors cobra itself returns for unknown
// commands and wrong argument counts.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "requires at most", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

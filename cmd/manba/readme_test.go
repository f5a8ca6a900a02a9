package main

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestREADME runs every "$ manba ..." line of the README's sh blocks and
// checks that each output line shown under it appears in what manba prints,
// so that the README cannot drift from the CLI.
func TestREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	t.Chdir("../..")
	cmds := readmeCommands(string(readme))
	require.GreaterOrEqual(t, len(cmds), 5, "commands in README.md")
	for _, c := range cmds {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", c.args...)
			require.Equal(t, 0, code, stderr)
			require.NotEmpty(t, strings.TrimSpace(stdout), "printed nothing")
			for _, want := range c.output {
				assert.Contains(t, stdout, want, "output lacks the README's line")
			}
		})
	}
}

type readmeCommand struct {
	args   []string
	output []string
}

// readmeCommands returns the "$ manba" lines of ```sh blocks with the lines
// that follow each one up to the next command or the end of the block.
func readmeCommands(readme string) []readmeCommand {
	var cmds []readmeCommand
	inBlock := false
	sc := bufio.NewScanner(strings.NewReader(readme))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```sh"):
			inBlock = true
		case strings.HasPrefix(line, "```"):
			inBlock = false
		case !inBlock:
		case strings.HasPrefix(line, "$ manba "):
			cmds = append(cmds, readmeCommand{args: strings.Fields(strings.TrimPrefix(line, "$ manba "))})
		case strings.HasPrefix(line, "$ "):
			cmds = append(cmds, readmeCommand{}) // another program: its output is not ours to check
		case len(cmds) > 0 && cmds[len(cmds)-1].args != nil && line != "":
			c := &cmds[len(cmds)-1]
			c.output = append(c.output, line)
		}
	}
	out := cmds[:0]
	for _, c := range cmds {
		if c.args != nil {
			out = append(out, c)
		}
	}
	return out
}

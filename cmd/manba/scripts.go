package main

import (
	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/names"
	"github.com/spf13/cobra"
)

// scriptFlags are the flags that pick the forms of Persian and Arabic
// sources: scripts, romanization and calendars (bibliography and cite).
type scriptFlags struct {
	scripts, romanize, calendars string
}

func (s *scriptFlags) register(c *cobra.Command) {
	f := c.Flags()
	f.StringVar(&s.scripts, "scripts", "auto", "fields written in another script: original, romanized (romanized title + [translation], romanized names), both, or auto (romanized unless the locale's language is the item's)")
	f.StringVar(&s.romanize, "romanize", "", "romanization of names and fields: alalc, ijmes or common (default alalc, applied to names in Persian/Arabic script; given, also to names in other romanizations); names the authority file does not know keep their form")
	f.StringVar(&s.calendars, "calendars", "both", "years of Hijri dates: both (1380/2001, 1422 AH/2001), gregorian or original")
	c.RegisterFlagCompletionFunc("scripts", cobra.FixedCompletions([]cobra.Completion{"auto", "original", "romanized", "both"}, cobra.ShellCompDirectiveNoFileComp))
	c.RegisterFlagCompletionFunc("romanize", cobra.FixedCompletions([]cobra.Completion{"alalc", "ijmes", "common"}, cobra.ShellCompDirectiveNoFileComp))
	c.RegisterFlagCompletionFunc("calendars", cobra.FixedCompletions([]cobra.Completion{"both", "gregorian", "original"}, cobra.ShellCompDirectiveNoFileComp))
}

// options returns the processor options the flags ask for.
func (s *scriptFlags) options() (csl.Options, error) {
	var o csl.Options
	var ok bool
	if o.Scripts, ok = csl.ScriptsByName(s.scripts); !ok {
		return o, usagef("unknown --scripts %q (original, romanized, both or auto)", s.scripts)
	}
	if o.Calendars, ok = csl.CalendarsByName(s.calendars); !ok {
		return o, usagef("unknown --calendars %q (both, gregorian or original)", s.calendars)
	}
	if s.romanize != "" {
		if o.Romanize, ok = names.SchemeByName(s.romanize); !ok {
			return o, usagef("unknown --romanize %q (alalc, ijmes or common)", s.romanize)
		}
		o.RomanizeLatin = true
	}
	return o, nil
}

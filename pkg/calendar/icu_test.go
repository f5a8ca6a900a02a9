package calendar

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// icuCase is one date as ICU writes it, with the date it stands for.
type icuCase struct {
	day           int
	locale, style string
	text          string
	want          Date
}

// readICUDates reads testdata/icu-dates.tsv: dates every 97 days from 1900
// to 2030 written by ICU 78.2 (Node.js Intl.DateTimeFormat) in Persian,
// English and Arabic for the persian and islamic-civil calendars, in its
// long, full, medium, short and year-month forms. Nothing in the parser was
// written from this file; the days of odd index are never looked at while
// tuning (measure-only), those of even index are the tune part.
func readICUDates(t *testing.T) []icuCase {
	t.Helper()
	f, err := os.Open("testdata/icu-dates.tsv")
	require.NoError(t, err)
	defer f.Close()
	var out []icuCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		require.Len(t, p, 6, line)
		c := icuCase{locale: p[1], style: p[2], text: p[3]}
		c.day, err = strconv.Atoi(p[0])
		require.NoError(t, err)
		sys, ok := SystemByName(p[4])
		require.True(t, ok, line)
		c.want.System = sys
		parts := strings.Split(p[5], "-")
		c.want.Year, _ = strconv.Atoi(parts[0])
		c.want.Month, _ = strconv.Atoi(parts[1])
		if len(parts) > 2 {
			c.want.Day, _ = strconv.Atoi(parts[2])
		}
		out = append(out, c)
	}
	require.NoError(t, sc.Err())
	return out
}

func TestParseICUDates(t *testing.T) {
	cases := readICUDates(t)
	require.NotEmpty(t, cases)
	var right, total, warned [2]int
	misses := map[string]int{}
	for _, c := range cases {
		part := c.day % 2 // 0 tune, 1 measure-only
		total[part]++
		p, warns, ok := Parse(c.text, Gregorian)
		if len(warns) > 0 {
			warned[part]++
			if warned[part] <= 2 {
				t.Logf("warning for %q: %v", c.text, warns)
			}
		}
		if ok && p.Date == c.want {
			right[part]++
			continue
		}
		key := c.locale + " " + c.style
		if misses[key] < 2 {
			t.Logf("miss (%s): %q -> %v (ok=%v), want %v", key, c.text, p.Date, ok, c.want)
		}
		misses[key]++
	}
	for i, name := range []string{"tune", "measure-only"} {
		t.Logf("ICU dates, %s: %d of %d parsed to the right day (%.1f%%), %d with a warning", name, right[i], total[i], 100*float64(right[i])/float64(total[i]), warned[i])
	}
	assert.Equal(t, total[0], right[0], "tune part: every ICU form parses (%s)", fmt.Sprint(misses))
	assert.Zero(t, warned[0], "tune part: no warnings for well-formed dates")
	assert.GreaterOrEqual(t, float64(right[1])/float64(total[1]), 0.99, "measure-only part")
}

//go:build stress

package stress

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStressExtractRSS runs manba extract (CSL-JSON out) on 1, 10 and
// 50 MB of generated reference lists (writeReferenceText) and reports the
// CPU time and the peak RSS, which must stay within 150 MB however large
// the input (issue 12; before streaming: 92 / 710 / 3,497 MB).
func TestStressExtractRSS(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "manba")
	build := exec.Command("go", "build", "-o", bin, "github.com/manba/manba/cmd/manba")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	for _, mb := range []int{1, 10, 50} {
		in := filepath.Join(dir, fmt.Sprintf("refs%d.txt", mb))
		f, err := os.Create(in)
		require.NoError(t, err)
		require.NoError(t, writeReferenceText(bufio.NewWriter(f), mb))
		require.NoError(t, f.Close())
		cmd := exec.Command(bin, "extract", in)
		var out countWriter
		cmd.Stdout = &out
		require.NoError(t, cmd.Run())
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		rss := ru.Maxrss << 10 // KiB on Linux
		t.Logf("%d MB: %.1f s CPU, peak RSS %.0f MB, %d lines of CSL-JSON", mb, cpu.Seconds(), float64(rss)/1e6, out.lines)
		assert.LessOrEqual(t, rss, int64(150e6), "peak RSS")
	}
}

// writeReferenceText writes mb MB of reference-like text to w: prose
// paragraphs of random words, then a list of 5-44 references under
// "References" or "Notes", numbered or not, made of random names, titles,
// journals, publishers and years (about 7,700 entries per MB); the same
// bytes every time.
func writeReferenceText(w *bufio.Writer, mb int) error {
	r := rand.New(rand.NewPCG(1, 2))
	n := 0
	for n < mb<<20 {
		var b strings.Builder
		for p := 0; p < 1+r.IntN(3); p++ {
			for s := 0; s < 3+r.IntN(5); s++ {
				b.WriteString(refTitle(r) + " " + strings.ToLower(refTitle(r)) + ". ")
			}
			b.WriteString("\n\n")
		}
		if r.IntN(2) == 0 {
			b.WriteString("References\n\n")
		} else {
			b.WriteString("Notes\n\n")
		}
		k := 5 + r.IntN(40)
		num := r.IntN(2) == 0
		for i := 0; i < k; i++ {
			if num {
				fmt.Fprintf(&b, "%d. ", i+1)
			}
			b.WriteString(refString(r) + "\n")
		}
		b.WriteString("\n")
		s := b.String()
		if n+len(s) > mb<<20 {
			s = s[:mb<<20-n]
		}
		if _, err := w.WriteString(s); err != nil {
			return err
		}
		n += len(s)
	}
	return w.Flush()
}

var refFamilies = strings.Fields("Smith Jones Karimi Abrahamian Lane Goulka Moradi Hosseini Brown Taylor Wilson Davies Evans Thomas Roberts Walker Wright Robinson Thompson White Hughes Edwards Green Hall Wood Harris Martin Jackson Clarke Rahimi Tehrani Bakhtiari Schmidt Weber Dupont Garcia Lopez Martinez")
var refWords = strings.Fields("the of history politics society state revolution movement power culture economy war peace religion modern iran middle east reform women law rights memory exile nation identity studies archive trade empire labour oil press theory practice review analysis development education science language city rural urban migration")
var refJournals = strings.Fields("Journal-of-Politics Iranian-Studies Middle-East-Report Past-and-Present Comparative-Studies Social-Research International-Affairs Folklore-Studies")
var refPublishers = []string{"Cambridge University Press", "Routledge", "Oxford University Press", "I.B. Tauris", "Springer", "Yale University Press"}
var refPlaces = []string{"London", "New York", "Cambridge", "Oxford", "Berlin", "Tehran"}

func refTitle(r *rand.Rand) string {
	n := 3 + r.IntN(8)
	var b []string
	for i := 0; i < n; i++ {
		w := refWords[r.IntN(len(refWords))]
		if i == 0 || r.IntN(3) == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b = append(b, w)
	}
	return strings.Join(b, " ")
}

func refName(r *rand.Rand) string {
	return refFamilies[r.IntN(len(refFamilies))] + ", " + string(rune('A'+r.IntN(26))) + "."
}

func refString(r *rand.Rand) string {
	y := 1950 + r.IntN(75)
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s (%d). %s. %s, %d(%d), %d-%d.", refName(r), y, refTitle(r), strings.ReplaceAll(refJournals[r.IntN(len(refJournals))], "-", " "), 1+r.IntN(40), 1+r.IntN(4), 10+r.IntN(200), 220+r.IntN(200))
	case 1:
		return fmt.Sprintf("%s and %s. %s. %s: %s, %d.", refName(r), refName(r), refTitle(r), refPlaces[r.IntN(len(refPlaces))], refPublishers[r.IntN(len(refPublishers))], y)
	default:
		return fmt.Sprintf("%s, \"%s,\" %s %d (%d): %d.", refName(r), refTitle(r), strings.ReplaceAll(refJournals[r.IntN(len(refJournals))], "-", " "), 1+r.IntN(40), y, 1+r.IntN(300))
	}
}

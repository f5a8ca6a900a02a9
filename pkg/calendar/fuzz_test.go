package calendar

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"1380", "۱۳۸۰ هـ.ش", "15 Khordad 1380", "Ramadan 1422", "1380 [2001 or 2]",
		"1380/13/01", "0 SH", "١٤٢٢ هـ", "ذی‌الحجه ۱۴۲۲", "1380/2001", "99999999999", "۱۳۴۴–۱۳۸۴ ش", "1384-1344"} {
		f.Add(s, 1)
	}
	f.Fuzz(func(t *testing.T, s string, def int) {
		p, warns, ok := Parse(s, System(((def%3)+3)%3))
		for _, w := range warns {
			require.True(t, w.Offset >= 0 && w.Offset <= len(s),
				"warning offset %d outside the text of %d bytes", w.Offset, len(s))
		}
		if !ok {
			return
		}
		require.NoError(t, p.Date.Check(), "Parse(%q) returned a date that does not exist", s)
		_, _, err := p.Date.Span()
		require.NoError(t, err)
	})
}

package render

import "strings"

// codeMask marks the bytes of text inside code: fenced blocks (``` or ~~~),
// indented blocks (four spaces or a tab after a blank line) and code spans.
func codeMask(text string) []bool {
	mask := make([]bool, len(text))
	fence := ""       // the open fence, if any
	indented := false // inside an indented code block
	prevBlank := true
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off + 1
		}
		line := text[off:end]
		trimmed := strings.TrimLeft(line, " ")
		blank := strings.TrimSpace(line) == ""
		switch {
		case fence != "":
			mark(mask, off, end)
			if strings.HasPrefix(trimmed, fence) && strings.TrimSpace(strings.TrimLeft(trimmed, fence[:1])) == "" {
				fence = ""
			}
		case len(line)-len(trimmed) <= 3 && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence = trimmed[:3]
			for _, c := range trimmed[3:] {
				if c != rune(fence[0]) {
					break
				}
				fence += fence[:1]
			}
			mark(mask, off, end)
		case !blank && (strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t")) && (prevBlank || indented):
			indented = true
			mark(mask, off, end)
		default:
			if !blank {
				indented = false
			}
			spans(text, off, end, mask)
		}
		prevBlank = blank
		off = end
	}
	return mask
}

func mark(mask []bool, from, to int) {
	for i := from; i < to; i++ {
		mask[i] = true
	}
}

// spans marks the code spans of one line: a run of backticks up to the
// next run of the same length.
func spans(text string, from, to int, mask []bool) {
	for i := from; i < to; i++ {
		if text[i] == '\\' {
			i++
			continue
		}
		if text[i] != '`' {
			continue
		}
		n := 0
		for i+n < to && text[i+n] == '`' {
			n++
		}
		run := strings.Repeat("`", n)
		close := -1
		for j := i + n; j < to; {
			k := strings.Index(text[j:to], run)
			if k < 0 {
				break
			}
			k += j
			m := 0
			for k+m < to && text[k+m] == '`' {
				m++
			}
			if m == n {
				close = k
				break
			}
			j = k + m
		}
		if close < 0 {
			i += n - 1
			continue
		}
		mark(mask, i, close+n)
		i = close + n - 1
	}
}

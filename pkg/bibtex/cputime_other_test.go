//go:build !unix

package bibtex

import "time"

// processCPU is not measured here: benchmarks report no CPU ratio.
func processCPU() time.Duration { return 0 }

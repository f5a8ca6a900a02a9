//go:build unix

package names

import (
	"syscall"
	"testing"
)

// cpuTime returns the CPU time the process has used, in nanoseconds: on a
// machine shared with other jobs it measures the cost per core where wall
// time would measure the contention.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// reportCPU reports CPU nanoseconds per operation and operations per CPU
// second, from a cpuTime taken before the loop.
func reportCPU(b *testing.B, start int64) {
	ns := float64(cpuTime()-start) / float64(b.N)
	if ns > 0 {
		b.ReportMetric(ns, "cpu-ns/op")
		b.ReportMetric(1e9/ns, "ops/cpu-s")
	}
}

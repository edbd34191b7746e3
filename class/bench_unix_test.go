//go:build unix

package class

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
	"time"
)

// cpuSeconds is the processor time the process has used, user and
// system, on every core.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// resetPeakRSS starts the process's peak resident memory afresh, where
// Linux lets it (/proc/self/clear_refs).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0o200) }

// peakRSS is the process's peak resident memory in bytes (Linux's
// VmHWM), 0 where it is not known.
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range bytes.Split(b, []byte("\n")) {
		if v, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			kb, err := strconv.Atoi(string(bytes.TrimSuffix(bytes.TrimSpace(v), []byte(" kB"))))
			if err == nil {
				return float64(kb) * 1024
			}
		}
	}
	return 0
}

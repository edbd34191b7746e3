//go:build linux

package shortrun

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// childEnv marks the test binary run afresh by TestHugePagesHoldTheNextAllocations.
const childEnv = "SHORTRUN_HUGE_CHILD"

// heapSeen is what a fresh process saw of its heap after HugePages.
type heapSeen struct {
	Err           string  // HugePages' error, if any
	Inside        float64 // share of the next allocations inside the advised region
	Advised       bool    // the region's mapping carries the advice (VmFlags hg)
	AnonHugePages int     // kB of the mapping in huge pages
}

// In a fresh process, the heap's next allocations after HugePages land in
// the advised region, which the kernel backs with huge pages where it has
// them: the reason HugePages exists, and what a change of Go's runtime
// (its page allocator) could break.
func TestHugePagesHoldTheNextAllocations(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		child()
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHugePagesHoldTheNextAllocations$")
	cmd.Env = append(os.Environ(), childEnv+"=1", "GOGC=", "GOMEMLIMIT=")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("the fresh process: %v\n%s", err, out)
	}
	var seen heapSeen
	line := out[:strings.IndexByte(string(out), '\n')+1]
	if err := json.Unmarshal(line, &seen); err != nil {
		t.Fatalf("the fresh process said %q: %v", out, err)
	}
	t.Logf("transparent huge pages %q; the fresh process saw %+v", hugePageMode(), seen)
	if thpDisabled(os.Getenv("GODEBUG")) {
		if seen.Err == "" {
			t.Error("HugePages advised a region under GODEBUG=disablethp=1")
		}
		t.Skip("GODEBUG=disablethp=1")
	}
	if _, err := hugePageSize(); err != nil {
		if seen.Err == "" {
			t.Errorf("HugePages advised a region where it should not (%v)", err)
		}
		t.Skipf("no huge pages to ask for here: %v", err)
	}
	if seen.Err != "" {
		t.Fatalf("HugePages: %s", seen.Err)
	}
	if seen.Inside < 0.75 {
		t.Errorf("%.0f%% of the allocations after HugePages are in its region; want them all (the runtime no longer takes the lowest free pages?)", 100*seen.Inside)
	}
	if !seen.Advised {
		t.Error("the region's mapping does not carry MADV_HUGEPAGE (no hg in its VmFlags)")
	}
	switch {
	case !thpForThisProcess():
		t.Log("this process may not have huge pages (THP_enabled: 0: prctl PR_SET_THP_DISABLE, as some containers set)")
	case seen.AnonHugePages < 2048:
		t.Errorf("transparent huge pages %q, yet the region has %d kB in huge pages", hugePageMode(), seen.AnonHugePages)
	}
}

// thpForThisProcess reads /proc/self/status: whether the kernel may give
// this process transparent huge pages at all (THP_enabled: 0 when a
// parent switched them off with prctl; the line is absent before Linux 6.x).
func thpForThisProcess() bool {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return true
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "THP_enabled:"); ok {
			return strings.TrimSpace(v) != "0"
		}
	}
	return true
}

// child does what raftsheet build does, HugePages then NoCollectionFor,
// allocates 32 MB of small objects, and says where they are.
func child() {
	var seen heapSeen
	begin, end, err := HugePages()
	if err != nil {
		seen.Err = err.Error()
	}
	NoCollectionFor(64 << 20)
	const n = 32 << 10
	kept := make([]*[1024]byte, n)
	inside := 0
	for i := range kept {
		kept[i] = new([1024]byte)
		kept[i][0] = 1
		if p := uintptr(unsafe.Pointer(kept[i])); p >= begin && p < end {
			inside++
		}
	}
	seen.Inside = float64(inside) / n
	seen.Advised, seen.AnonHugePages = mappingOf(begin)
	b, _ := json.Marshal(seen)
	os.Stdout.Write(append(b, '\n'))
	os.Exit(0)
}

// mappingOf reads /proc/self/smaps for the mapping that holds address a:
// whether it is advised huge and how much of it is in huge pages.
func mappingOf(a uintptr) (advised bool, hugeKB int) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return false, 0
	}
	defer f.Close()
	in := false
	for s := bufio.NewScanner(f); s.Scan(); {
		fields := strings.Fields(s.Text())
		if len(fields) == 0 {
			continue
		}
		if lo, hi, ok := strings.Cut(fields[0], "-"); ok && len(fields) >= 5 {
			l, err1 := strconv.ParseUint(lo, 16, 64)
			h, err2 := strconv.ParseUint(hi, 16, 64)
			in = err1 == nil && err2 == nil && uint64(a) >= l && uint64(a) < h
			continue
		}
		switch {
		case in && fields[0] == "AnonHugePages:" && len(fields) > 1:
			hugeKB, _ = strconv.Atoi(fields[1])
		case in && fields[0] == "VmFlags:":
			for _, f := range fields[1:] {
				advised = advised || f == "hg"
			}
		}
	}
	return advised, hugeKB
}

// hugePageMode is the kernel's transparent huge page setting (always,
// madvise, never), or "" where it has none.
func hugePageMode() string {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		return ""
	}
	s := string(b)
	if i, j := strings.IndexByte(s, '['), strings.IndexByte(s, ']'); i >= 0 && j > i {
		return s[i+1 : j]
	}
	return ""
}

package shortrun

import "testing"

func TestThpDisabled(t *testing.T) {
	for godebug, want := range map[string]bool{
		"":                                    false,
		"disablethp=1":                        true,
		"disablethp=0":                        false,
		"madvdontneed=1, disablethp=1":        true,
		"disablethp=1,disablethp=0":           false,
		"disablethp=0,gctrace=1,disablethp=1": true,
		"xdisablethp=1":                       false,
	} {
		if got := thpDisabled(godebug); got != want {
			t.Errorf("GODEBUG=%q: disabled %v, want %v", godebug, got, want)
		}
	}
}

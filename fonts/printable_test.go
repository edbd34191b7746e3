package fonts

import (
	"strings"
	"testing"
)

// The sheets print Latin, Greek, Cyrillic and common symbols; anything
// else is refused with the reason.
func TestUnprintable(t *testing.T) {
	for s, want := range map[string]string{
		"Ünïcödé ΑΒΓ жизнь → §5.3 …": "",
		"two\nlines":       "control character U+000A",
		"emoji \U0001F600": "only the Basic Multilingual Plane",
		"漢字":               "no glyph",
	} {
		got := Unprintable(s)
		if want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
	m, err := NewMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Unprintable("two\nlines", true); got != "" {
		t.Errorf("a line break in multiline text: %q", got)
	}
}

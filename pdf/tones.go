package pdf

import "github.com/raftsheet/raftsheet/page"

// The tones an exam's figure shades log entries with, by term: greys far
// enough apart to tell in black and white, light enough for a black
// number on the darkest.
func init() {
	for f, grey := range map[page.Fill]int{page.Tone1: 248, page.Tone2: 222, page.Tone3: 196, page.Tone4: 170} {
		fillColours[f] = [3]int{grey, grey, grey}
	}
}

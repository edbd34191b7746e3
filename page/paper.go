package page

import "fmt"

// Paper is a sheet size, in millimetres.
type Paper struct {
	Name string  // a4 | letter: how flags and exercises spell it
	W, H float64 // portrait width and height
}

// Papers are the sizes a worksheet can be printed on.
func Papers() []Paper {
	return []Paper{
		{Name: "a4", W: 210, H: 297},
		{Name: "letter", W: 215.9, H: 279.4},
	}
}

// ParsePaper reads a paper name as flags and exercises spell it.
func ParsePaper(name string) (Paper, error) {
	for _, p := range Papers() {
		if p.Name == name {
			return p, nil
		}
	}
	return Paper{}, fmt.Errorf("paper must be a4 or letter, not %q", name)
}

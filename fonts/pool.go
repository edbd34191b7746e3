package fonts

import "sync"

// measurers are measurers nobody is using: a class set lays out and
// draws thousands of documents, and a measurer learns each character's
// width once (it is not safe to share, so each has one to itself while
// it works).
var measurers sync.Pool

// BorrowMeasurer is a measurer to use alone until ReturnMeasurer.
func BorrowMeasurer() (*Measurer, error) {
	if m, ok := measurers.Get().(*Measurer); ok {
		return m, nil
	}
	return NewMeasurer()
}

// ReturnMeasurer gives back a borrowed measurer (nil is ignored); it must
// not be used after.
func ReturnMeasurer(m *Measurer) {
	if m != nil {
		measurers.Put(m)
	}
}

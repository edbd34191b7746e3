package worksheet

import "testing"

// largestFitting finds the last n that fits for every threshold and
// every guess, and in two tries when the guess is right.
func TestLargestFitting(t *testing.T) {
	for lo := 0; lo < 3; lo++ {
		for hi := lo; hi < lo+45; hi++ {
			for last := lo; last <= hi; last++ {
				for guess := lo - 2; guess <= hi+2; guess++ {
					tries := 0
					got := largestFitting(lo, hi, guess, func(n int) bool {
						if n < lo || n > hi {
							t.Fatalf("[%d, %d] guess %d: tried %d", lo, hi, guess, n)
						}
						tries++
						return n <= last
					})
					if got != last {
						t.Fatalf("[%d, %d], fits up to %d, guess %d: got %d", lo, hi, last, guess, got)
					}
					if guess == last && last > lo && tries > 2 {
						t.Errorf("[%d, %d], fits up to %d, guessed right: %d tries", lo, hi, last, tries)
					}
				}
			}
		}
	}
}

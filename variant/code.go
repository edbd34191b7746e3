package variant

import (
	"fmt"
	"hash/fnv"
	"strings"
)

// alphabet is Crockford's base 32: no I, L, O or U, so a code read aloud or
// copied by hand is hard to get wrong.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

func hash(parts ...string) uint32 {
	h := fnv.New32a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum32()
}

// Prefix is the part of a code that names the exercise: its first three
// letters or digits and one character of its name's hash, so that
// partition and partition-timed differ.
func Prefix(exercise string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(exercise) {
		if b.Len() == 3 {
			break
		}
		if strings.ContainsRune(alphabet, r) || r == 'I' || r == 'L' || r == 'O' || r == 'U' {
			b.WriteRune(normalize(r))
		}
	}
	for b.Len() < 3 {
		b.WriteByte('X')
	}
	b.WriteByte(alphabet[hash("prefix", exercise)%32])
	return b.String()
}

// check is four bits that tie a number to its exercise and catch typos.
func check(exercise string, n uint16) uint32 {
	return hash("check", exercise, fmt.Sprint(n)) & 0xF
}

// Code is variant n of the exercise as printed on the sheets: PARD-6XMT.
func Code(exercise string, n uint16) string {
	v := uint32(n)<<4 | check(exercise, n)
	var s [4]byte
	for i := 3; i >= 0; i-- {
		s[i] = alphabet[v&31]
		v >>= 5
	}
	return Prefix(exercise) + "-" + string(s[:])
}

// normalize reads the letters people confuse as Crockford does.
func normalize(r rune) rune {
	switch r {
	case 'O':
		return '0'
	case 'I', 'L':
		return '1'
	case 'U':
		return 'V'
	}
	return r
}

// Resolve finds which of the exercises a code belongs to, and its number.
func Resolve(code string, exercises []string) (exercise string, n uint16, err error) {
	clean := strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return normalize(r)
	}, strings.ToUpper(strings.TrimSpace(code)))
	if len(clean) != 8 {
		return "", 0, fmt.Errorf("%q is not a variant code: codes have 8 characters, like PARD-6XMT", code)
	}
	v := uint32(0)
	for _, r := range clean[4:] {
		i := strings.IndexRune(alphabet, r)
		if i < 0 {
			return "", 0, fmt.Errorf("%q is not a variant code: %q is not one of its characters", code, r)
		}
		v = v<<5 | uint32(i)
	}
	n = uint16(v >> 4)
	var found []string
	for _, ex := range exercises {
		if Prefix(ex) == clean[:4] && check(ex, n) == v&0xF {
			found = append(found, ex)
		}
	}
	switch len(found) {
	case 0:
		return "", 0, fmt.Errorf("no exercise has the variant code %s; check it for a typo, or name the exercise's file", code)
	case 1:
		return found[0], n, nil
	}
	return "", 0, fmt.Errorf("the code %s fits %s; name the exercise", code, strings.Join(found, " and "))
}

// NumberFor is the variant a student gets in a class set built with seed.
func NumberFor(exercise string, seed uint64, student string) uint16 {
	return uint16(hash("student", exercise, fmt.Sprint(seed), student))
}

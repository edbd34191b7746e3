// Package class plans a class set: who the students are (a roster CSV, or
// a count), which variant of an exercise each one gets, and the manifest
// that records it.
package class

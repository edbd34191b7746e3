// Package variant makes per-student variants of an exercise: the same
// shape and teaching goal, different answers. A variant is a number from 0
// to 65535; from it and the exercise alone it renames the servers from a
// pool, replaces client values from a word list, swaps servers where the
// script's vary: hints allow, and reseeds random timeouts, each as the
// exercise's variants: policy permits. Its code, such as PARD-6XMT, names
// the exercise and the number, so a key can be rebuilt from the code.
package variant

// Package exercise is the exercise format: the YAML file a teacher writes
// (docs/ARCHITECTURE.md, "The exercise format"), read into an Exercise —
// the engine's Script with the title, goal and summary around it, the
// defaults of its sheets and what its variants may change — and checked
// as it is read, every problem a diagnostic naming the file, line and
// column (Load). Run plays its script and words what goes wrong as
// diagnostics too. The JSON Schema of the format, for editors, is kept in
// agreement with the loader by a test.
package exercise

// Package pipeline carries an exercise from its name to the files on
// disk, the one way every command does it:
//
//	load (exercises, exercise) → variant (variant) → run (engine, via
//	exercise.Run) → lay out (worksheet) → draw (pdf) → write (WriteFiles)
//
// Locate reads NAME, FILE or a variant CODE into a Target; Target.Open
// and Target.LayOut run it and lay it out into a Sheet; Sheet.Draw makes
// the worksheet and key PDFs. BuildAll is `raftsheet build` for several
// exercises at once; WriteFiles puts files into place all or nothing.
// `validate`, `key`, `answers`, `check` and class sets (package class) go
// through the same steps.
package pipeline

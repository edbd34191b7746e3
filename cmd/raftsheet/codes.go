package main

// Variant codes the help texts show, real ones (a test keeps them so):
// student 1's (group 1's, in the role-play) of the class sets `raftsheet
// build partition --variants 40 --seed 2026` and `raftsheet build
// my-exercise.yaml --variants 40 --seed 2026` make.
const (
	exampleCode    = "PARD-J9W0"
	exampleOwnCode = "MYEA-32ER"
)

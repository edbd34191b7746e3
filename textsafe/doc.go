// Package textsafe makes text that came from a file (an exercise, a
// template, a roster, a student's answer file) safe to show: on a
// terminal, where a control character or an ESC sequence could hide or
// forge what is printed and a bidirectional control could make it read
// otherwise than it is; in a message, where a long or multi-line value
// would swamp what is wrong; and in a CSV cell, where a spreadsheet would
// run a value that starts like a formula (OWASP's CSV injection).
//
// Every place raftsheet prints or writes such text goes through it:
// Terminal for a whole message, Quote for one value inside a message,
// Cell for a spreadsheet cell.
package textsafe

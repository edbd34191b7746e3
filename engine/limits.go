package engine

// Limits of what the sheets can hold. The exercise loader (package
// exercise) and the runner stop an exercise that goes past one with an
// error that names it; the bounds are stated in the README.
const (
	MaxServers     = 9   // columns of the response grids, rows of a trace step
	MaxNameLength  = 8   // a server name must fit a grid cell
	MaxTerm        = 999 // three digits in a term box
	MaxValueRunes  = 200 // a client value; the sheets abbreviate long ones
	MaxScriptSteps = 500 // steps in a script
	MaxTraceSteps  = 600 // records in a run, counting each stabilize round
	MaxLogLength   = 300 // entries in one server's log
	MaxMessages    = 5000
)

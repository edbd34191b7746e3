package variant

// Names are the server names variants use: short, easy to write by hand,
// unlike any word a note would use.
var Names = []string{
	"ada", "ben", "cleo", "dan", "eli", "finn", "gus", "hana", "ines", "jon", "kai", "lea",
	"mia", "noor", "omar", "pia", "raj", "sara", "theo", "una", "vera", "wei", "yuki", "zoe",
}

// Words are the client values variants use for a register state machine.
var Words = []string{
	"amber", "basil", "cocoa", "daisy", "ember", "fig", "grape", "hazel", "iris", "jade",
	"kiwi", "lemon", "mango", "nutmeg", "olive", "pear", "quill", "ruby", "sage", "thyme",
	"violet", "willow", "acorn", "birch", "clover", "dune", "fern", "heron", "maple", "pepper",
}

package variant

// Names are the server names variants use: short, easy to write by hand,
// unlike any word a note would use, and capitalized like the names they
// are, so that a sentence of a note that starts with one still reads as a
// sentence ("Yuki crashes.").
var Names = []string{
	"Ada", "Ben", "Cleo", "Dan", "Eli", "Finn", "Gus", "Hana", "Ines", "Jon", "Kai", "Lea",
	"Mia", "Noor", "Omar", "Pia", "Raj", "Sara", "Theo", "Una", "Vera", "Wei", "Yuki", "Zoe",
}

// Words are the client values variants use for a register state machine.
var Words = []string{
	"amber", "basil", "cocoa", "daisy", "ember", "fig", "grape", "hazel", "iris", "jade",
	"kiwi", "lemon", "mango", "nutmeg", "olive", "pear", "quill", "ruby", "sage", "thyme",
	"violet", "willow", "acorn", "birch", "clover", "dune", "fern", "heron", "maple", "pepper",
}

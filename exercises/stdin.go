package exercises

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
)

// Stdin is the argument that names the exercise on the standard input:
// `raftsheet show partition | raftsheet validate -`.
const Stdin = "-"

// stdinName and stdinFile are what an exercise read from the standard
// input is called: its output folder, and the file its problems name.
const (
	stdinName = "stdin"
	stdinFile = "<stdin>"
)

// maxStdin bounds what is read from the standard input: an exercise at
// every limit of the format is far smaller.
const maxStdin = 4 << 20

// stdin is read once, however often "-" is named.
var stdin struct {
	once  sync.Once
	bytes []byte
	err   error
}

// Input is where "-" reads from; tests replace it.
var Input io.Reader = os.Stdin

func readStdin() (Source, error) {
	stdin.once.Do(func() { stdin.bytes, stdin.err = readInput(Input) })
	if stdin.err != nil {
		return Source{}, stdin.err
	}
	return Source{Name: stdinName, File: stdinFile, Bytes: stdin.bytes}, nil
}

func readInput(r io.Reader) ([]byte, error) {
	if isTerminal(r) { // nobody is going to type an exercise: say so rather than wait
		return nil, errors.New(`"-" reads an exercise from the standard input, which is a terminal here; pipe one in, as in: raftsheet show partition | raftsheet validate -`)
	}
	b, err := io.ReadAll(io.LimitReader(r, maxStdin+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("%s: %w", stdinFile, err)
	case len(b) > maxStdin:
		return nil, fmt.Errorf("%s: more than %d MiB; an exercise is far smaller (is this the right input?)", stdinFile, maxStdin>>20)
	}
	return b, nil
}

// isTerminal reports whether r is a terminal: a character device other
// than the null device.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(st, null)
}

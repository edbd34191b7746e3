package engine_test

import (
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// The internal tests write their scripts in the exercise format; this
// gives them its loader.
func init() {
	engine.RunYAML = func(file string, src []byte) (*engine.Trace, error) {
		ex, err := exercise.Load(file, "test", src)
		if err != nil {
			return nil, err
		}
		return exercise.Run(ex)
	}
}

package variant

import (
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// relabelQuestions maps the servers and client values an exam's questions
// name, as relabel does the script's: the candidates and logs asked
// about, the servers of a goal, a reachable question's state.
func relabelQuestions(qs []exercise.Question, sv func(string) string, vals func(string) string, order map[string]int) []exercise.Question {
	if qs == nil {
		return nil
	}
	out := make([]exercise.Question, len(qs))
	for i, q := range qs {
		if q.Servers != nil {
			servers := make([]string, len(q.Servers))
			for j, id := range q.Servers {
				servers[j] = sv(id)
			}
			q.Servers = servers
		}
		q.Events = append([]exercise.EventTarget(nil), q.Events...)
		for j := range q.Events {
			q.Events[j].Server = sv(q.Events[j].Server)
		}
		q.Goal = relabelGoal(q.Goal, sv, vals)
		if q.State != nil {
			state := make([]engine.InitialServer, len(q.State))
			for j, in := range q.State {
				in.ID, in.VotedFor = sv(in.ID), sv(in.VotedFor)
				in.Log = append(engine.Log(nil), in.Log...)
				for k := range in.Log {
					in.Log[k].Value = vals(in.Log[k].Value)
				}
				state[j] = in
			}
			sortByOrder(state, order)
			q.State = state
		}
		out[i] = q
	}
	return out
}

// relabelGoal maps a goal's words: servers, and client values.
func relabelGoal(goal string, sv func(string) string, vals func(string) string) string {
	toks := strings.Fields(goal)
	for i, t := range toks {
		if s := sv(t); s != "" {
			toks[i] = s
		} else {
			toks[i] = vals(t)
		}
	}
	return strings.Join(toks, " ")
}

func sortByOrder(in []engine.InitialServer, order map[string]int) {
	for i := 1; i < len(in); i++ {
		for j := i; j > 0 && order[in[j].ID] < order[in[j-1].ID]; j-- {
			in[j], in[j-1] = in[j-1], in[j]
		}
	}
}

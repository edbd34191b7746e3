package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/explore"
	"github.com/raftsheet/raftsheet/shortrun"
	"github.com/spf13/cobra"
)

func askCmd() *cobra.Command {
	var format *choice
	var after, depth, maxStates int
	var mutate []string
	cmd := &cobra.Command{
		Use:   "ask FILE|NAME QUESTION [GOAL]",
		Short: "Answer an exam question about an exercise by exploring every possible future",
		Long: `Answer a question about the state of an exercise after step N (--after; 0 is
the initial state) by exploring what could happen next. QUESTION is one of:

  who-can-win   for each server, whether it can win an election with the logs
                as they are, with a majority that would vote for it (§5.4.1)
  committed     for each log entry, whether it is committed: held by every
                later leader in every possible future (§5.4.2, Figure 8)
  reachable     whether the initial state could arise from an empty cluster
  goal GOAL     whether a condition can be reached, with the shortest schedule
  mutant        with the rules the exercise breaks (options: {mutate: [...]}
                or --mutate), the shortest schedule to a broken safety property

Every "yes" comes with a witness: steps in the exercise format that, put in
place of the steps after step N, show it under "raftsheet run" (reachable's
start from an empty cluster instead). Every "no" names the rule of the paper
that forbids it; where neither is established the answer says so.

Goals: ` + explore.GoalHelp + `.`,
		Example: `  raftsheet ask figure7-election --after 1 who-can-win
  raftsheet ask figure8 --after 18 committed --format json
  raftsheet ask figure6 reachable
  raftsheet ask election goal "two-leaders"
  raftsheet ask election mutant --mutate forget-vote-on-restart`,
		Args:              needs(2, -1, "an exercise (a built-in NAME, a FILE or -) and a QUESTION: "+orList(explore.Kinds)),
		ValidArgsFunction: completeAsk,
		RunE: func(cmd *cobra.Command, args []string) error {
			ex, err := exercises.Load(args[0])
			if err != nil {
				return err
			}
			if err := setMutations(ex, mutate); err != nil {
				return err
			}
			q := explore.Question{Kind: args[1]}
			if q.Kind == "goal" {
				if len(args) < 3 {
					return fmt.Errorf("goal needs a condition, such as: raftsheet ask %s goal \"two-leaders\"", args[0])
				}
				q.Goal = strings.Join(args[2:], " ")
			} else if len(args) > 2 {
				return fmt.Errorf("%s takes no argument after it (only goal does)", q.Kind)
			}
			if cmd.Flags().Changed("depth") || cmd.Flags().Changed("max-states") {
				b := explore.DefaultBounds(q.Kind)
				if cmd.Flags().Changed("depth") {
					b.Depth = depth
				}
				if cmd.Flags().Changed("max-states") {
					b.MaxStates = maxStates
				}
				q.Bounds = &b
			}
			// The explorer copies states by the million but keeps few alive:
			// collecting garbage less often saves a third of its time.
			shortrun.CollectLess(400)
			a, err := explore.Ask(ex, after, q)
			if err != nil {
				return err
			}
			if format.value == "json" {
				b, err := json.MarshalIndent(a, "", "  ")
				if err != nil {
					return err
				}
				_, err = os.Stdout.Write(append(b, '\n'))
				return err
			}
			return a.WriteText(os.Stdout)
		},
	}
	cmd.Flags().IntVar(&after, "after", 0, "the script step after which to ask (0: the initial state)")
	format = formatFlag(cmd, "output format: text or json")
	cmd.Flags().StringSliceVar(&mutate, "mutate", nil, "break a rule on purpose (repeatable): "+mutationNames())
	cmd.RegisterFlagCompletionFunc("mutate", cobra.FixedCompletions(strings.Split(mutationNames(), ", "), cobra.ShellCompDirectiveNoFileComp))
	cmd.Flags().IntVar(&depth, "depth", 0, "events per schedule a search explores (goal, mutant, committed)")
	cmd.Flags().IntVar(&maxStates, "max-states", 0, "distinct states a search visits at most (0: no limit)")
	return cmd
}

// completeAsk completes ask's exercise, then its question.
func completeAsk(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 1 {
		return explore.Kinds, cobra.ShellCompDirectiveNoFileComp
	}
	return firstArg(completeExercise)(cmd, args, toComplete)
}

// setMutations applies --mutate over the exercise's own options.
func setMutations(ex *exercise.Exercise, names []string) error {
	if len(names) == 0 {
		return nil
	}
	var ms engine.Mutations
	for _, n := range names {
		m, ok := engine.ParseMutation(n)
		if !ok {
			hint := ""
			if g := diag.Suggest(n, strings.Split(mutationNames(), ", ")); g != "" {
				hint = fmt.Sprintf(" (did you mean %s?)", g)
			}
			return fmt.Errorf("--mutate: unknown mutation %q%s; the mutations are %s", n, hint, mutationNames())
		}
		ms = append(ms, m)
	}
	ex.Config.Options.Mutate = ms
	return nil
}

func mutationNames() string {
	return engine.Mutations(engine.AllMutations).String()
}

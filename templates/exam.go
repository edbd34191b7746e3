package templates

import (
	"reflect"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/yaml"
)

// Exam is what the exam sheets print beside the labels every kind shares:
// headings, the questions' default wording per kind, the prompts of the
// answer boxes, and the words for each mutation. {name} marks what
// raftsheet fills in.
type Exam struct {
	Subtitle   string `yaml:"subtitle"`    // the cover's: {questions}, {points}
	Question   string `yaml:"question"`    // a question's heading: {n}, {points}
	AfterStep  string `yaml:"after_step"`  // the state's caption: {n}
	BeforeStep string `yaml:"before_step"` // … before step 1
	StateShown string `yaml:"state_shown"` // … a state the question writes out
	InFlight   string `yaml:"in_flight"`   // the messages in flight
	NoInFlight string `yaml:"no_in_flight"`
	Down       string `yaml:"down"` // a crashed server's mark in the figure

	WhoCanWin string `yaml:"who_can_win"` // the default wording of each kind
	Committed string `yaml:"committed"`
	Reachable string `yaml:"reachable"`
	Goal      string `yaml:"goal"` // {goal}
	Mutant    string `yaml:"mutant"`

	Candidate      string `yaml:"candidate"`       // the vote matrix's corner
	Voters         string `yaml:"voters"`          // over its columns
	Wins           string `yaml:"wins"`            // its last column
	Self           string `yaml:"self"`            // a candidate's own vote
	Entry          string `yaml:"entry"`           // {index}, {term}
	Verdict        string `yaml:"verdict"`         // committed or at risk?
	Possible       string `yaml:"possible"`        // could it happen?
	PossibleState  string `yaml:"possible_state"`  // could this state occur?
	RuleIfNot      string `yaml:"rule_if_not"`     // the rule box's prompt
	Events         string `yaml:"events"`          // a goal's events box
	EventsWin      string `yaml:"events_win"`      // {server}
	EventsLost     string `yaml:"events_lost"`     // {index}, {term}
	EventsBreak    string `yaml:"events_break"`    // a mutant's events box
	Property       string `yaml:"property"`        // a mutant's property box
	RuleMenu       string `yaml:"rule_menu"`       // the menu's heading
	RuleMenuIntro  string `yaml:"rule_menu_intro"` // {letters}
	StoryHeading   string `yaml:"story"`           // the steps before the questions
	Answers        string `yaml:"answers"`         // the notes' heading per question
	Witness        string `yaml:"witness"`
	FromEmpty      string `yaml:"from_empty"` // a reachable witness: from an empty cluster
	Explored       string `yaml:"explored"`   // what a search covered
	AlsoAccepted   string `yaml:"also_accepted"`
	CommittedWord  string `yaml:"committed_word"` // the verdicts as the key writes them
	AtRiskWord     string `yaml:"at_risk_word"`
	MoreInTheNotes string `yaml:"more_in_notes"` // an events box the key cannot fill whole
	OnPaper        string `yaml:"on_paper"`      // Moodle: an events box, left to paper
	VoteCount      string `yaml:"vote_count"`    // Moodle: how many votes a candidate gets
	NameAWinner    string `yaml:"name_a_winner"` // Moodle: a server that can win

	// Mutations words each mutation for students, by name.
	Mutations map[string]string `yaml:"mutations"`
}

// validateExam insists every word of an exam template is there, and that
// mutations names only mutations.
func (l *templateLoader) validateExam(t *Template, root *yaml.Node) {
	if t.Kind != KindExam {
		return
	}
	at := mappingValue(root, "exam")
	v := reflect.ValueOf(t.Exam)
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if f.Kind() != reflect.String {
			continue
		}
		tag := v.Type().Field(i).Tag.Get("yaml")
		if strings.TrimSpace(f.String()) == "" {
			n := at
			if at != nil {
				if x := mappingValue(at, tag); x != nil {
					n = x
				}
			}
			l.errorf(n, "", "exam.%s must not be empty: the exam sheets print it", tag)
		}
	}
	for name := range t.Exam.Mutations {
		if _, ok := engine.ParseMutation(name); !ok {
			l.errorf(at, "the mutations are: "+engine.Mutations(engine.AllMutations).String(), "exam.mutations: there is no mutation %q", name)
		}
	}
}

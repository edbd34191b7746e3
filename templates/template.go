package templates

import "github.com/raftsheet/raftsheet/engine"

// Template is a worksheet layout as data: which parts the PDF has and in
// which order, every label it prints, its sizes and its instructions. The
// built-in ones live in package templates; a course may pass its own copy.
// A Template is read-only once loaded, so parallel builds share it.
type Template struct {
	Kind     string   `yaml:"kind"`     // roleplay | trace | exam: the layout the data drives
	Sections []string `yaml:"sections"` // parts of the PDF, in order
	Sizes    Sizes    `yaml:"sizes"`
	Labels   Labels   `yaml:"labels"`
	Text     Texts    `yaml:"text"`
	Exam     Exam     `yaml:"exam"` // the exam sheets' words (exam.go)

	// FieldIDs prints each box's field id small in its corner (the
	// default). false leaves the ids off both PDFs and the boxes shrink by
	// the strip they took; answer files still list every field by id.
	FieldIDs bool `yaml:"field_ids"`
	// TraceRows is what a trace template asks per step: "changes" (only
	// what the step changes, a blank box meaning unchanged; the default)
	// or "full" (every server's whole state, for a short exercise).
	TraceRows string `yaml:"trace_rows"`

	// Rules renames the engine's rules, by rule key (engine.Rule.Key):
	// what the key, check and the class report call the rule behind an
	// answer. Reasons gives the key's sentences in another language, by
	// sentence key (engine.Sentence), with the same {values} as the
	// English; ReasonWords are the words those values are written in.
	// Whatever they leave out stays English.
	Rules       map[string]string `yaml:"rules"`
	Reasons     map[string]string `yaml:"reasons"`
	ReasonWords ReasonWords       `yaml:"reason_words"`

	// Source is where the template came from: a built-in name or a file.
	Source string `yaml:"-"`
	// Lines are where a course's template sets each label ("labels.term"),
	// for errors about one.
	Lines map[string]int `yaml:"-"`
}

// Template kinds: the layouts raftsheet knows.
const (
	KindRoleplay = "roleplay"
	KindTrace    = "trace"
	KindExam     = "exam"
)

// What a trace template asks per step (TraceRows).
const (
	TraceChanges = "changes"
	TraceFull    = "full"
)

// Sections each kind can have.
var kindSections = map[string][]string{
	KindRoleplay: {"cover", "state", "slips", "debrief", "notes"},
	KindTrace:    {"cover", "steps", "notes"},
	KindExam:     {"cover", "questions", "notes"},
}

// Sizes are the template's measures; lengths in millimetres, fonts in points.
type Sizes struct {
	MarginMM     float64 `yaml:"margin_mm"`
	BodyPt       float64 `yaml:"body_pt"`
	SmallPt      float64 `yaml:"small_pt"`
	HeadingPt    float64 `yaml:"heading_pt"`
	TitlePt      float64 `yaml:"title_pt"`
	CellMM       float64 `yaml:"cell_mm"`
	SpareTerms   int     `yaml:"spare_terms"`
	SpareLogRows int     `yaml:"spare_log_rows"`
	ValueChars   int     `yaml:"value_chars"`
	SlipColumns  int     `yaml:"slip_columns"`
	WhyLines     int     `yaml:"why_lines"` // lines of a Why? box, the same on worksheet and key
	IDPt         float64 `yaml:"id_pt"`
	EventLines   int     `yaml:"event_lines"` // exam: lines of a box for a sequence of events
}

// ReasonWords are the words a reason's values are written in: role names,
// no server, an empty state machine.
type ReasonWords struct {
	Follower  string `yaml:"follower"`
	Candidate string `yaml:"candidate"`
	Leader    string `yaml:"leader"`
	None      string `yaml:"none"`
	Nothing   string `yaml:"nothing"`
}

// words are the reason words with English for any left out.
func (w ReasonWords) words() engine.Words {
	or := func(s, def string) string {
		if s == "" {
			return def
		}
		return s
	}
	e := engine.English
	return engine.Words{Follower: or(w.Follower, e.Follower), Candidate: or(w.Candidate, e.Candidate),
		Leader: or(w.Leader, e.Leader), None: or(w.None, e.None), Nothing: or(w.Nothing, e.Nothing)}
}

// ReasonText is a reason as the template writes it.
func (t *Template) ReasonText(r engine.Reason) string {
	return r.Render(t.Reasons, t.ReasonWords.words())
}

// Texts are the template's paragraphs of instructions.
type Texts struct {
	HowToRun  []string `yaml:"how_to_run"`
	HowToFill []string `yaml:"how_to_fill"` // the notation, on the students' pages
	KeyLegend []string `yaml:"key_legend"`
}

// Labels are every word the sheets print that does not come from the
// exercise. {name} marks what raftsheet fills in.
type Labels struct {
	Page             string `yaml:"page"`
	Name             string `yaml:"name"`
	AnswerKey        string `yaml:"answer_key"`
	Worksheet        string `yaml:"worksheet"`
	Key              string `yaml:"key"`
	Subtitle         string `yaml:"subtitle"`
	Goal             string `yaml:"goal"`
	AtTime           string `yaml:"at_time"` // no longer printed (steps have a time column); kept so older templates still load
	Story            string `yaml:"story"`
	Cluster          string `yaml:"cluster"`
	InitialState     string `yaml:"initial_state"`
	HowToRun         string `yaml:"how_to_run"`
	HowToFill        string `yaml:"how_to_fill"`
	Brief            string `yaml:"brief"`      // the students' introduction when the exercise has none
	PrintPlan        string `yaml:"print_plan"` // which pages to print how many times, and the paper a class costs
	PageOne          string `yaml:"page_one"`   // one page of a section, as the print plan names it: "page {n}"
	PageMany         string `yaml:"page_many"`  // several: "pages {n}" with n a range, "8–16"
	TeacherNotes     string `yaml:"teacher_notes"`
	TimerDraw        string `yaml:"timer_draw"`  // in the teacher's notes: an election timer a step restarted
	TimingTies       string `yaml:"timing_ties"` // a timed exercise's cover: the order of events due at one instant
	NotesIntro       string `yaml:"notes_intro"`
	Explanation      string `yaml:"explanation"`
	Steps            string `yaml:"steps"`
	Step             string `yaml:"step"`
	StepRange        string `yaml:"step_range"`
	LongValues       string `yaml:"long_values"`
	AbbreviationRule string `yaml:"abbreviation_rule"`
	ReadingKey       string `yaml:"reading_key"`
	Why              string `yaml:"why"`
	Time             string `yaml:"time"`
	Ms               string `yaml:"ms"`

	Server       string `yaml:"server"`
	Role         string `yaml:"role"`
	Term         string `yaml:"term"`
	VotedFor     string `yaml:"voted_for"`
	Log          string `yaml:"log"`
	CommitIndex  string `yaml:"commit_index"`
	LastApplied  string `yaml:"last_applied"`
	StateMachine string `yaml:"state_machine"`
	CurrentTerm  string `yaml:"current_term"`
	Index        string `yaml:"index"`
	Value        string `yaml:"value"`
	Applied      string `yaml:"applied"`

	Follower       string `yaml:"follower"`
	Candidate      string `yaml:"candidate"`
	Leader         string `yaml:"leader"`
	Down           string `yaml:"down"`
	FollowerShort  string `yaml:"follower_short"`
	CandidateShort string `yaml:"candidate_short"`
	LeaderShort    string `yaml:"leader_short"`
	DownShort      string `yaml:"down_short"`

	Yes      string `yaml:"yes"`
	No       string `yaml:"no"`
	None     string `yaml:"none"`
	Lost     string `yaml:"lost"`
	Dropped  string `yaml:"dropped"`
	InFlight string `yaml:"in_flight"`
	Deleted  string `yaml:"deleted"` // a log entry deleted at the end, nothing in its place

	StateTitle  string `yaml:"state_title"`
	Terms       string `yaml:"terms"`
	Vote        string `yaml:"vote"`
	LogTitle    string `yaml:"log_title"`
	Continued   string `yaml:"continued"`
	Volatile    string `yaml:"volatile"`
	LeaderTitle string `yaml:"leader_title"`
	NextIndex   string `yaml:"next_index"`
	MatchIndex  string `yaml:"match_index"`
	AtEnd       string `yaml:"at_end"`
	ClockTitle  string `yaml:"clock_title"`
	ClockFixed  string `yaml:"clock_fixed"`
	ClockRandom string `yaml:"clock_random"`
	ElectionAt  string `yaml:"election_at"`
	HeartbeatAt string `yaml:"heartbeat_at"`
	NextTimer   string `yaml:"next_timer"`

	AppendEntries string `yaml:"append_entries"`
	RequestVote   string `yaml:"request_vote"`
	From          string `yaml:"from"`
	To            string `yaml:"to"`
	CopyOf        string `yaml:"copy_of"`
	LeaderID      string `yaml:"leader_id"`
	PrevLogIndex  string `yaml:"prev_log_index"`
	PrevLogTerm   string `yaml:"prev_log_term"`
	Entries       string `yaml:"entries"`
	Heartbeat     string `yaml:"heartbeat"`
	LeaderCommit  string `yaml:"leader_commit"`
	CandidateID   string `yaml:"candidate_id"`
	LastLogIndex  string `yaml:"last_log_index"`
	LastLogTerm   string `yaml:"last_log_term"`
	Response      string `yaml:"response"`
	SentAt        string `yaml:"sent_at"` // no longer printed (the sender writes the time in a box, Sent); kept so older templates still load
	Sent          string `yaml:"sent"`
	AESlip        string `yaml:"append_entries_slip"`
	RVSlip        string `yaml:"request_vote_slip"`
	Arrives       string `yaml:"arrives"`
	ID            string `yaml:"id"`
	OK            string `yaml:"ok"`
	Match         string `yaml:"match"` // no longer printed on slips (not part of the paper's reply)
	SlipsTitle    string `yaml:"slips_title"`
	SlipsIntro    string `yaml:"slips_intro"`

	DebriefTitle string `yaml:"debrief_title"`
	DebriefIntro string `yaml:"debrief_intro"`

	RequestVoteMsg        string `yaml:"request_vote_msg"`
	RequestVoteReplyMsg   string `yaml:"request_vote_reply_msg"`
	AppendEntriesMsg      string `yaml:"append_entries_msg"`
	AppendEntriesReplyMsg string `yaml:"append_entries_reply_msg"`
	Granted               string `yaml:"granted"`
	Denied                string `yaml:"denied"`
	Success               string `yaml:"success"`
	Failure               string `yaml:"failure"`
	Messages              string `yaml:"messages"`
	NoMessages            string `yaml:"no_messages"`
	Delivered             string `yaml:"delivered"`
	InFlightAfter         string `yaml:"in_flight_after"`

	// The options beyond Figure 2: slips and messages of log compaction
	// and PreVote, the fast backup's hints, and the state sheet's boxes
	// for the snapshot, the configuration and the client sessions.
	InstallSnapshot         string `yaml:"install_snapshot"`
	PreVote                 string `yaml:"pre_vote"`
	InstallSnapshotMsg      string `yaml:"install_snapshot_msg"`
	InstallSnapshotReplyMsg string `yaml:"install_snapshot_reply_msg"`
	PreVoteMsg              string `yaml:"pre_vote_msg"`
	PreVoteReplyMsg         string `yaml:"pre_vote_reply_msg"`
	LastIncludedIndex       string `yaml:"last_included_index"`
	LastIncludedTerm        string `yaml:"last_included_term"`
	Data                    string `yaml:"data"`
	ConflictTerm            string `yaml:"conflict_term"`
	ConflictIndex           string `yaml:"conflict_index"`
	PreCandidate            string `yaml:"pre_candidate"`
	PreCandidateShort       string `yaml:"pre_candidate_short"`
	SnapshotTitle           string `yaml:"snapshot_title"`
	InSnapshot              string `yaml:"in_snapshot"`
	ConfigTitle             string `yaml:"config_title"`
	Config                  string `yaml:"config"`
	SessionsTitle           string `yaml:"sessions_title"`
	Client                  string `yaml:"client"`
	LastCommand             string `yaml:"last_command"`
	Answer                  string `yaml:"answer"`
	Reads                   string `yaml:"reads"`
	ReadRefused             string `yaml:"read_refused"`
	ReadWaits               string `yaml:"read_waits"`

	// The trace's steps: what a step changes, its messages' columns, a
	// timed run's events, the key's marks.
	LogFrom        string `yaml:"log_from"`
	LogEntries     string `yaml:"log_entries"`
	MessageType    string `yaml:"message_type"`
	Event          string `yaml:"event"`
	EventHeartbeat string `yaml:"event_heartbeat"`
	EventTimeout   string `yaml:"event_timeout"`
	EventArrive    string `yaml:"event_arrive"`
	DrawnTimeouts  string `yaml:"drawn_timeouts"`
	TimedSteps     string `yaml:"timed_steps"`   // {timed_steps} in how_to_run: said of timed exercises only
	RowsChanges    string `yaml:"rows_changes"`  // how to fill in a step's boxes: what it changes
	RowsFull       string `yaml:"rows_full"`     // or every server's whole state (trace_rows: full)
	MsgLogIndex    string `yaml:"msg_log_index"` // a message row's prevLogIndex or lastLogIndex
	MsgLogTerm     string `yaml:"msg_log_term"`  // its prevLogTerm or lastLogTerm
	// A message's type where a box is narrow: RV, RV reply, AE, AE reply.
	RequestVoteShort        string `yaml:"request_vote_short"`
	RequestVoteReplyShort   string `yaml:"request_vote_reply_short"`
	AppendEntriesShort      string `yaml:"append_entries_short"`
	AppendEntriesReplyShort string `yaml:"append_entries_reply_short"`
	// The same beyond Figure 2: IS, IS reply, PV, PV reply.
	InstallSnapshotShort      string `yaml:"install_snapshot_short"`
	InstallSnapshotReplyShort string `yaml:"install_snapshot_reply_short"`
	PreVoteShort              string `yaml:"pre_vote_short"`
	PreVoteReplyShort         string `yaml:"pre_vote_reply_short"`
	// The slips of InstallSnapshot and PreVote: "IS {n}", "PV {n}".
	ISSlip string `yaml:"install_snapshot_slip"`
	PVSlip string `yaml:"pre_vote_slip"`
	// What the slips' page adds when the stack has those kinds too.
	SlipsIntroBeyond string `yaml:"slips_intro_beyond"`
	// What a trace's message row holds for InstallSnapshot and for a
	// rejection with the fast backup's hints.
	MsgSnapshotNote string `yaml:"msg_snapshot_note"`
	MsgHintsNote    string `yaml:"msg_hints_note"`
	MsgPreVoteNote  string `yaml:"msg_prevote_note"`
	// How to fill in the boxes beyond Figure 2, each only when the run
	// shows them.
	FillSnapshot string `yaml:"fill_snapshot"`
	FillPreVote  string `yaml:"fill_pre_vote"`
	FillSessions string `yaml:"fill_sessions"`
	FillReads    string `yaml:"fill_reads"`
	FillConfig   string `yaml:"fill_config"`
}

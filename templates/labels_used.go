package templates

// labelsUsedBy lists the labels (by YAML key) the sheets of a kind print;
// a template of that kind must give each of them some text.
func labelsUsedBy(kind string) map[string]bool {
	used := map[string]bool{}
	add := func(keys ...string) {
		for _, k := range keys {
			used[k] = true
		}
	}
	if kind == KindExam { // the exam sheets print few of the labels; their own words are in exam:
		add("page", "name", "answer_key", "worksheet", "key", "goal", "story", "cluster", "how_to_run", "how_to_fill", "brief",
			"print_plan", "teacher_notes", "notes_intro", "reading_key", "step", "server", "role", "term", "voted_for",
			"commit_index", "index", "follower", "candidate", "leader", "none", "yes", "no")
		return used
	}
	add("page", "name", "answer_key", "worksheet", "key", "subtitle", "goal", "story", "cluster", "initial_state",
		"how_to_run", "how_to_fill", "brief", "print_plan", "teacher_notes", "timer_draw", "notes_intro", "explanation", "delivered", "in_flight_after", "steps", "step", "step_range", "long_values", "abbreviation_rule", "reading_key", "why", "time", "ms",
		"server", "role", "term", "voted_for", "log", "commit_index", "index", "continued",
		"follower", "candidate", "leader", "down", "none")
	switch kind {
	case KindRoleplay:
		add("last_applied", "state_machine", "current_term", "value", "applied",
			"follower_short", "candidate_short", "leader_short", "down_short",
			"yes", "no", "lost", "dropped", "in_flight", "deleted",
			"state_title", "terms", "vote", "log_title", "volatile", "leader_title",
			"next_index", "match_index", "at_end",
			"append_entries", "request_vote", "from", "to", "copy_of", "leader_id", "prev_log_index",
			"prev_log_term", "entries", "heartbeat", "leader_commit", "candidate_id", "last_log_index",
			"last_log_term", "response", "id", "ok", "slips_title", "slips_intro", "append_entries_slip", "request_vote_slip",
			"debrief_title", "debrief_intro",
			"clock_title", "clock_fixed", "clock_random", "election_at", "heartbeat_at", "sent", "arrives")
	case KindTrace:
		add("state_machine", "prev_log_index", "prev_log_term", "entries", "leader_commit",
			"last_log_index", "last_log_term", "copy_of", "from", "to", "ok", "yes", "no",
			"request_vote_msg", "request_vote_reply_msg", "append_entries_msg", "append_entries_reply_msg",
			"messages", "next_timer", "log_from", "log_entries", "message_type", "event", "event_heartbeat",
			"event_timeout", "event_arrive", "msg_log_index", "msg_log_term", "rows_changes", "rows_full", "deleted", "drawn_timeouts",
			"request_vote_short", "request_vote_reply_short", "append_entries_short", "append_entries_reply_short",
			// Beyond Figure 2: the message rows and columns of §6–§9.6.
			"install_snapshot_short", "install_snapshot_reply_short", "pre_vote_short", "pre_vote_reply_short",
			"msg_snapshot_note", "msg_hints_note", "msg_prevote_note")
	}
	// Beyond Figure 2, on both kinds of sheet when the run shows them: the
	// snapshot (§7), PreVote (§9.6), client sessions and reads (§8), the
	// configuration (§6).
	add("last_included_index", "last_included_term", "pre_candidate", "in_snapshot", "config", "sessions_title",
		"reads", "read_refused", "read_waits", "fill_snapshot", "fill_pre_vote", "fill_sessions", "fill_reads", "fill_config")
	if kind == KindRoleplay {
		add("install_snapshot", "pre_vote", "data", "conflict_term", "conflict_index", "pre_candidate_short",
			"snapshot_title", "config_title", "client", "last_command", "answer", "install_snapshot_slip", "pre_vote_slip",
			"slips_intro_beyond")
	}
	return used
}

package field

import "testing"

// The ids are the scheme FIELDS.md documents: answer files name boxes by
// them, so they never change.
func TestIDsAreTheDocumentedScheme(t *testing.T) {
	for got, want := range map[string]string{
		VoteID("S1", 3):                                 "S1.vote[3]",
		RoleID("ada", 12):                               "ada.role[12]",
		BoxID("S2", "commitIndex", 1):                   "S2.commitIndex[1]",
		BoxID("S2", "electionAt", 4):                    "S2.electionAt[4]",
		StateMachineID("S3"):                            "S3.stateMachine",
		LeaderIndexID("S1", "nextIndex", "S4"):          "S1.nextIndex[S4]",
		EndID("S5", "votedFor"):                         "S5.end.votedFor",
		LogID("S3", 4, "term"):                          "S3.log[4].term",
		SlipID(SlipAppendEntries, 3, "prevLogIndex"):    "ae3.prevLogIndex",
		SlipID(SlipRequestVote, 1, "candidateId"):       "rv1.candidateId",
		SlipID(SlipAppendEntries, 12, "to"):             "ae12.to",
		ResponseID(SlipAppendEntries, 3, "S2", "ok"):    "ae3.S2.ok",
		ResponseID(SlipRequestVote, 2, "S5", "arrives"): "rv2.S5.arrives",
		StepID(7, "S2", "votedFor"):                     "step7.S2.votedFor",
		StepID(7, "S2", "log.from"):                     "step7.S2.log.from",
		StepTimeID(30):                                  "step30.time",
		StepEventID(30):                                 "step30.event",
		StepMessageID(7, 2, "leaderCommit"):             "step7.msg[2].leaderCommit",
	} {
		if got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}

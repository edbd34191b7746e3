package explore

import "testing"

// The bounds read as a sentence: only the budgets a search had are
// listed, and none at all says so.
func TestBoundsInWords(t *testing.T) {
	for b, want := range map[Bounds]string{
		{Depth: 12, MaxStates: 100000}: "schedules of up to 12 events with no client requests, crashes or copied messages; at most 100000 distinct states",
		{Depth: 5, Crashes: 1}:         "schedules of up to 5 events with at most 1 crash",
		{Depth: 14, Clients: 2, Crashes: 1, Duplicates: 1, Partitions: 1, Drops: true}: "schedules of up to 14 events with at most 2 client requests, 1 crash and 1 copied message, 1 partition; messages may also be dropped",
	} {
		if got := b.String(); got != want {
			t.Errorf("%+v:\n got %s\nwant %s", b, got, want)
		}
	}
}

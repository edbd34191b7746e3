package engine

import "fmt"

// Perform plays one untimed script step on the cluster, as the runner does:
// the event only, without checking safety or recording it. stabilize and
// run are made of several events and are played by the runner.
func (c *Cluster) Perform(st Step) error {
	switch st.Kind {
	case StepTimeout:
		return c.Timeout(st.Server)
	case StepDeliver:
		return c.Deliver(st.Selection)
	case StepDrop:
		return c.Drop(st.Selection)
	case StepDuplicate:
		return c.Duplicate(st.Selection)
	case StepClient:
		return c.ClientCommand(st.Server, Command{Value: st.Value, Session: st.Session, Seq: st.Seq})
	case StepHeartbeat:
		return c.Heartbeat(st.Server)
	case StepPartition:
		return c.Partition(st.Groups)
	case StepHeal:
		return c.Heal()
	case StepCrash:
		return c.Crash(st.Server)
	case StepRestart:
		return c.Restart(st.Server)
	case StepSnapshot:
		return c.Compact(st.Server, st.Index)
	case StepRead:
		return c.Read(st.Server, st.Key)
	case StepConfig:
		return c.ChangeConfig(st.Server, st.Change)
	}
	return fmt.Errorf("step kind %s cannot be performed", st.Kind)
}

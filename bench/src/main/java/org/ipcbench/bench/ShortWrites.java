package org.ipcbench.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The sender's short writes (a write that moved fewer bytes than offered), as a JMH secondary metric named
 * {@code shortWrites}. An OPERATIONS counter is divided by the iteration's time as the primary score is, so in
 * a throughput benchmark it reads "short writes per second", and divided by the messages per second it is short
 * writes per message: a figure that does not depend on how long the run measured, as an EVENTS total would.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ShortWrites {

    /** Short writes in this iteration; JMH reads the public field. */
    public long shortWrites;

    private long seen;

    /** JMH leaves resetting to the user: each iteration counts its own. */
    @Setup(Level.Iteration)
    public void reset() {
        shortWrites = 0;
    }

    /** Adds what a connection's running count has grown by since the last call. */
    void update(long total) {
        shortWrites += total - seen;
        seen = total;
    }
}

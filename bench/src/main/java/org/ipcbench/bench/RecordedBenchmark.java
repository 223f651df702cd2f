package org.ipcbench.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;

/**
 * What every benchmark of the suite does around its iterations: its {@link TrialRecorder} counts the
 * operations, the CPU time of both processes and (for round trips) the histogram of one measured iteration
 * at a time. A subclass makes the recorder in its trial setup and finishes it in its trial teardown; JMH
 * runs the annotated methods here for it.
 */
abstract class RecordedBenchmark {

    protected TrialRecorder recorder;

    @Setup(Level.Iteration)
    public void iterationStarts(IterationParams iteration) {
        recorder.iterationStarts(iteration);
    }

    @TearDown(Level.Iteration)
    public void iterationEnds() {
        recorder.iterationEnds();
    }
}

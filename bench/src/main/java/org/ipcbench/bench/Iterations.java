package org.ipcbench.bench;

import java.time.Duration;

/** A number of JMH iterations and the time of each, as {@code ipcbench run --warmup 5x1s} writes it. */
record Iterations(int count, Duration each) {

    int millis() {
        return Math.toIntExact(each.toMillis());
    }
}

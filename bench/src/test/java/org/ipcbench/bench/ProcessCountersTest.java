package org.ipcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The /proc counters that explain tails: they move when a process touches fresh memory, and a gone process reads as none. */
class ProcessCountersTest {

    @Test
    void touchingFreshMemoryCountsMinorFaults() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
        ProcessCounters.Reading before = ProcessCounters.readSelf();
        ByteBuffer fresh = ByteBuffer.allocateDirect(16 << 20);
        for (int i = 0; i < fresh.capacity(); i += 4096) {
            fresh.put(i, (byte) 1);
        }
        ProcessCounters.Reading delta = ProcessCounters.readSelf().since(before);
        assertTrue(delta.minorFaults() >= 1000, "16 MiB of fresh pages: " + delta.minorFaults() + " faults");
        assertTrue(delta.involuntarySwitches() >= 0);
    }

    @Test
    void aProcessThatIsGoneReadsAsNone() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertEquals(ProcessCounters.Reading.NONE, ProcessCounters.read(p.pid()));
    }

    @Test
    void aDeltaNeverGoesNegative() {
        ProcessCounters.Reading later = new ProcessCounters.Reading(10, 3);
        ProcessCounters.Reading earlier = new ProcessCounters.Reading(12, 1);
        assertEquals(new ProcessCounters.Reading(0, 2), later.since(earlier));
    }
}

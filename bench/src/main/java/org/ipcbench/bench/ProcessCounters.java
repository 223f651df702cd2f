package org.ipcbench.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two kernel counters of a process that explain latency tails, read from {@code /proc} (Linux; zeros
 * elsewhere): minor page faults, and involuntary context switches, summed over its threads.
 *
 * <p>Why these two. A log in shared memory (Chronicle) lands every message on fresh memory, so it takes
 * a page fault each time it crosses into a new page. And on two cores with two spinning processes, any
 * third runnable thread preempts a spinner for a scheduler slice, milliseconds, and the round trip waits
 * that long. Counting both per message says which one a tail is made of.
 *
 * <p>Involuntary switches are per thread in {@code /proc}; a thread that exits between two readings drops
 * out of the sum, so a delta is clamped at zero. A benchmark's threads live for the whole trial.
 */
final class ProcessCounters {

    /** A reading: minor faults and involuntary context switches so far. */
    record Reading(long minorFaults, long involuntarySwitches) {

        static final Reading NONE = new Reading(0, 0);

        Reading since(Reading earlier) {
            return new Reading(Math.max(0, minorFaults - earlier.minorFaults),
                    Math.max(0, involuntarySwitches - earlier.involuntarySwitches));
        }

        Reading plus(Reading other) {
            return new Reading(minorFaults + other.minorFaults, involuntarySwitches + other.involuntarySwitches);
        }
    }

    private ProcessCounters() {
    }

    /** The counters of process {@code pid}; {@link Reading#NONE} if it is gone or there is no {@code /proc}. */
    static Reading read(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, minflt 10.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long faults = Long.parseLong(f[10 - 3]);
            long switches = 0;
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
                for (Path task : tasks) {
                    switches += involuntarySwitches(task.resolve("status"));
                }
            }
            return new Reading(faults, switches);
        } catch (IOException | RuntimeException e) {
            return Reading.NONE;
        }
    }

    static Reading readSelf() {
        return read(ProcessHandle.current().pid());
    }

    private static long involuntarySwitches(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                    return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the thread exited while we looked
        }
        return 0;
    }
}

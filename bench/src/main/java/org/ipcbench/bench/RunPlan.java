package org.ipcbench.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cells of a run, from a profile and the user's choices. Nothing here knows a transport by name
 * except through {@link Floors}: transports are whatever is on the class path.
 *
 * <ul>
 *   <li>{@code round-trip}: transports x framings x buffer sizes x message sizes, process peer, each
 *       transport's first wait. In the full profile also: a size sweep over every size with length framing
 *       and 4096-byte buffers; a thread peer and the second wait strategy at length, 4096, 64 B.</li>
 *       Also, the socket HOWTO's claims: the peer's server model ({@code io}) by number of clients
 *       ({@link #CLIENTS}) at length, 4096, 64 B, on one socket transport per socket family
 *       ({@link Floors#onePerSocketFamily}); and a chunk-size sweep ({@link #CHUNK_SIZES}) at 64 KiB, length,
 *       on one socket transport ({@link Floors#sweepSocket}). Every round-trip cell names its {@code io} and
 *       {@code clients}, blocking and 1 unless it is one of these.</li>
 *   <li>{@code stream}: as round-trip without close framing (one message per connection is no stream). The full
 *       profile streams with length framing only, when chosen (what each framing costs is the round trips'
 *       finding, and a stream cell costs twice a round-trip cell), and adds the chunk-size sweep.</li>
 *   <li>baselines: each selected transport's floors ({@link Floors}) at every message size used, and,
 *       for raw sockets, the chosen buffer sizes (only the sweep's, 4096, at a size only the sweep uses) and the
 *       same wait; the full profile adds spin.</li>
 *   <li>{@code load}: per transport, length framing, 4096, 64 B, at each of {@link #LOAD_RATES}.</li>
 *   <li>{@code ring-path}, only when named: each of {@link #RING_PATHS} at every chosen message size up to
 *       {@link #RING_PATH_MAX_SIZE}.</li>
 * </ul>
 */
final class RunPlan {

    static final List<Integer> ALL_SIZES = List.of(64, 1024, 4096, 16384, 65536);
    static final List<Integer> LOAD_RATES = List.of(10_000, 50_000, 100_000);
    static final int LOAD_SECONDS = 5;
    /** A Chronicle queue is a log: above this size a baseline run would write gigabytes a second to /dev/shm. */
    static final int CHRONICLE_MAX_SIZE = 1024;
    private static final String SWEEP_FRAMING = "length";
    private static final int SWEEP_BUFFER = 4096;
    private static final int SMALL = 64;
    /** The server models the full profile sets against each other, and the clients each serves. */
    static final List<String> IO_MODELS = List.of(TransportCell.BLOCKING, TransportCell.SELECTOR);
    static final List<Integer> CLIENTS = List.of(1, 10, 100);
    /** The chunk (buffer) sizes of the full profile's sweep, at {@link #CHUNK_MESSAGE} bytes. */
    static final List<Integer> CHUNK_SIZES = List.of(1024, 2048, 4096, 8192, 16384, 32768, 65536);
    static final int CHUNK_MESSAGE = 65536;
    /** {@link RingPathBenchmark}'s layers, and its largest message: one that one 4096-byte read takes whole. */
    static final List<String> RING_PATHS = List.of("raw", "connection", "framed");
    static final int RING_PATH_MAX_SIZE = 4096;

    private RunPlan() {
    }

    /**
     * @param suites the benchmarks to run; a baseline among them that is the floor of no chosen transport
     *               runs only if {@code explicit} (the user named it)
     */
    static List<PlannedCell> build(Profile profile, List<String> transports, List<String> framings, List<Integer> bufferSizes,
                            List<Integer> messageSizes, Set<Suite> suites, boolean explicit) {
        return build(profile, transports, framings, bufferSizes, messageSizes, null, suites, explicit);
    }

    /**
     * As above, with the wait strategies chosen: {@code null} for each transport's first ({@link Floors#waits});
     * otherwise every chosen one a transport supports (a transport that supports none is left out), and the
     * raw socket floors with the chosen socket waits.
     */
    static List<PlannedCell> build(Profile profile, List<String> transports, List<String> framings, List<Integer> bufferSizes,
                            List<Integer> messageSizes, List<String> waitChoice, Set<Suite> suites,
                            boolean explicit) {
        Set<PlannedCell> cells = new LinkedHashSet<>();
        Set<Integer> sizesUsed = new TreeSet<>(messageSizes);
        boolean sweep = profile.full && framings.contains(SWEEP_FRAMING) && bufferSizes.contains(SWEEP_BUFFER);
        if (sweep) {
            sizesUsed.addAll(ALL_SIZES);
        }
        if (suites.contains(Suite.ROUND_TRIP)) {
            for (String t : transports) {
                List<String> waits = Floors.waits(t);
                List<String> chosen = waitsFor(t, waitChoice);
                for (String w : chosen) {
                    for (String f : framings) {
                        for (int b : bufferSizes) {
                            for (int m : messageSizes) {
                                cells.add(transportCell(Suite.ROUND_TRIP, t, f, b, m, TransportCell.PROCESS, w));
                            }
                        }
                    }
                }
                if (sweep && !chosen.isEmpty()) {
                    for (int m : ALL_SIZES) {
                        cells.add(transportCell(Suite.ROUND_TRIP, t, SWEEP_FRAMING, SWEEP_BUFFER, m,
                                TransportCell.PROCESS, chosen.get(0)));
                    }
                    cells.add(transportCell(Suite.ROUND_TRIP, t, SWEEP_FRAMING, SWEEP_BUFFER, SMALL,
                            TransportCell.THREAD, chosen.get(0)));
                    if (waitChoice == null) {
                        for (String w : waits.subList(1, waits.size())) {
                            cells.add(transportCell(Suite.ROUND_TRIP, t, SWEEP_FRAMING, SWEEP_BUFFER, SMALL,
                                    TransportCell.PROCESS, w));
                        }
                    }
                    if (Floors.onePerSocketFamily(transports).contains(t)) {
                        for (String io : IO_MODELS) {
                            for (int n : CLIENTS) {
                                Map<String, String> p = transportParams(t, SWEEP_FRAMING, SWEEP_BUFFER, SMALL,
                                        TransportCell.PROCESS, chosen.get(0));
                                p.put("io", io);
                                p.put("clients", Integer.toString(n));
                                cells.add(new PlannedCell(Suite.ROUND_TRIP, p));
                            }
                        }
                    }
                }
            }
            addChunkSweep(cells, Suite.ROUND_TRIP, profile, transports, framings, waitChoice);
        }
        if (suites.contains(Suite.STREAM)) {
            List<String> streamFramings = profile.full && framings.contains(SWEEP_FRAMING)
                    ? List.of(SWEEP_FRAMING) : framings;
            for (String t : transports) {
                for (String f : streamFramings) {
                    if ("close".equals(f)) {
                        continue;
                    }
                    for (int b : bufferSizes) {
                        for (int m : messageSizes) {
                            for (String w : waitsFor(t, waitChoice)) {
                                cells.add(transportCell(Suite.STREAM, t, f, b, m, TransportCell.PROCESS, w));
                            }
                        }
                    }
                }
            }
            addChunkSweep(cells, Suite.STREAM, profile, transports, framings, waitChoice);
        }
        addBaselines(cells, profile, transports, bufferSizes, messageSizes, sizesUsed, waitChoice, suites, explicit);
        if (suites.contains(Suite.LOAD)) {
            for (String t : transports) {
                for (int rate : LOAD_RATES) {
                    if (waitsFor(t, waitChoice).isEmpty()) {
                        continue;
                    }
                    Map<String, String> p = transportParams(t, SWEEP_FRAMING, SWEEP_BUFFER, SMALL,
                            TransportCell.PROCESS, waitsFor(t, waitChoice).get(0));
                    p.put("rate", Integer.toString(rate));
                    cells.add(new PlannedCell(Suite.LOAD, p));
                }
            }
        }
        if (suites.contains(Suite.RING_PATH)) {
            for (int m : messageSizes) {
                if (m > RING_PATH_MAX_SIZE) {
                    continue;
                }
                for (String path : RING_PATHS) {
                    cells.add(new PlannedCell(Suite.RING_PATH, Map.of("path", path, "messageSize", Integer.toString(m))));
                }
            }
        }
        return new ArrayList<>(cells);
    }

    /** The full profile's chunk-size sweep: one socket transport, length framing, 64 KiB, every chunk size. */
    private static void addChunkSweep(Set<PlannedCell> cells, Suite suite, Profile profile, List<String> transports,
                                      List<String> framings, List<String> waitChoice) {
        if (!profile.full || !framings.contains(SWEEP_FRAMING)) {
            return;
        }
        Floors.sweepSocket(transports).ifPresent(t -> {
            List<String> waits = waitsFor(t, waitChoice);
            if (waits.isEmpty()) {
                return;
            }
            for (int b : CHUNK_SIZES) {
                cells.add(transportCell(suite, t, SWEEP_FRAMING, b, CHUNK_MESSAGE, TransportCell.PROCESS, waits.get(0)));
            }
            // A blocking channel finishes every write inside the JDK, so short writes show only to a non-blocking
            // writer: one stream at the smallest chunk with the socket's second wait (spin) lets them be counted.
            List<String> all = Floors.waits(t);
            if (suite == Suite.STREAM && waitChoice == null && all.size() > 1) {
                cells.add(transportCell(suite, t, SWEEP_FRAMING, CHUNK_SIZES.get(0), CHUNK_MESSAGE,
                        TransportCell.PROCESS, all.get(1)));
            }
        });
    }

    private static void addBaselines(Set<PlannedCell> cells, Profile profile, List<String> transports,
                                     List<Integer> bufferSizes, List<Integer> crossSizes, Set<Integer> sizes,
                                     List<String> waitChoice, Set<Suite> suites, boolean explicit) {
        List<String> socketWaits = waitChoice == null ? List.of("block")
                : waitChoice.stream().filter(w -> w.equals("block") || w.equals("spin")).toList();
        Set<Floors.Floor> floors = new LinkedHashSet<>();
        for (String t : transports) {
            floors.addAll(Floors.of(t));
        }
        for (Suite s : suites) {
            if (explicit && s.isBaseline() && floors.stream().noneMatch(f -> f.suite() == s)) {
                if (s == Suite.RAW_SOCKET) {
                    floors.add(new Floors.Floor(s, "tcp"));
                    floors.add(new Floors.Floor(s, "unix"));
                } else {
                    floors.add(new Floors.Floor(s, null));
                }
            }
        }
        for (Floors.Floor floor : floors) {
            if (!suites.contains(floor.suite())) {
                continue;
            }
            for (int m : sizes) {
                if (floor.suite() == Suite.RAW_CHRONICLE && m > CHRONICLE_MAX_SIZE) {
                    continue;
                }
                if (floor.suite() == Suite.RAW_SOCKET) {
                    // A size only the sweep uses is measured at the sweep's buffer only: no other cell needs it.
                    for (int b : crossSizes.contains(m) ? bufferSizes : List.of(SWEEP_BUFFER)) {
                        for (String w : socketWaits) {
                            cells.add(rawSocket(floor.transport(), b, m, w));
                        }
                    }
                } else {
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("messageSize", Integer.toString(m));
                    p.put("peer", TransportCell.PROCESS);
                    p.put("wait", "spin");
                    cells.add(new PlannedCell(floor.suite(), p));
                }
            }
            if (profile.full && waitChoice == null && floor.suite() == Suite.RAW_SOCKET
                    && bufferSizes.contains(SWEEP_BUFFER)) {
                cells.add(rawSocket(floor.transport(), SWEEP_BUFFER, SMALL, "spin"));
            }
        }
    }

    /** The waits a transport's cells use: its first, or the chosen ones it supports, in the order chosen. */
    static List<String> waitsFor(String transport, List<String> waitChoice) {
        List<String> supported = Floors.waits(transport);
        if (waitChoice == null) {
            return List.of(supported.get(0));
        }
        return waitChoice.stream().filter(supported::contains).toList();
    }

    private static PlannedCell rawSocket(String transport, int bufferSize, int messageSize, String wait) {
        return new PlannedCell(Suite.RAW_SOCKET,
                transportParams(transport, "length", bufferSize, messageSize, TransportCell.PROCESS, wait));
    }

    /** A round trip names its server model and clients, so that JMH runs one value of each, not all. */
    private static PlannedCell transportCell(Suite suite, String t, String f, int b, int m, String peer, String wait) {
        Map<String, String> p = transportParams(t, f, b, m, peer, wait);
        if (suite == Suite.ROUND_TRIP) {
            p.put("io", TransportCell.BLOCKING);
            p.put("clients", "1");
        }
        return new PlannedCell(suite, p);
    }

    private static Map<String, String> transportParams(String t, String f, int b, int m, String peer, String wait) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("transport", t);
        p.put("framing", f);
        p.put("bufferSize", Integer.toString(b));
        p.put("messageSize", Integer.toString(m));
        p.put("peer", peer);
        p.put("wait", wait);
        return p;
    }

    /** Seconds a cell is expected to take: forks times the per-fork cost, or a load run. */
    static double estimatedSeconds(PlannedCell cell, Profile.Timing timing) {
        if (cell.suite() == Suite.LOAD) {
            return LOAD_SECONDS + timing.forkOverheadSeconds();
        }
        double seconds = timing.secondsPerCell();
        if (cell.suite() == Suite.STREAM) {
            return seconds + timing.forks() * Profile.STREAM_EXTRA_SECONDS;
        }
        return cell.suite().isBaseline() ? seconds + timing.forks() * Profile.BASELINE_EXTRA_SECONDS : seconds;
    }
}

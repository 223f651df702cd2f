package org.ipcbench.bench;

import java.util.List;
import java.util.Map;

/**
 * Which raw baseline is the floor of which transport: the code that a transport's number is held
 * against. Socket transports against plain JDK channels with the same buffer size and wait; the ring
 * against a raw Agrona ring and Aeron IPC; the Chronicle-based transport against raw Chronicle Queue.
 */
final class Floors {

    /** A floor: a baseline benchmark and, for raw sockets, which socket family. */
    record Floor(Suite suite, String transport) {
        String label() {
            return suite.id + (transport == null ? "" : "-" + transport);
        }
    }

    private static final Map<String, List<Floor>> BY_TRANSPORT = Map.of(
            "tcp", List.of(new Floor(Suite.RAW_SOCKET, "tcp")),
            "unix", List.of(new Floor(Suite.RAW_SOCKET, "unix")),
            "unix-jdk", List.of(new Floor(Suite.RAW_SOCKET, "unix")),
            "shm-ring", List.of(new Floor(Suite.RAW_RING, null), new Floor(Suite.AERON_IPC, null)),
            "shm", List.of(new Floor(Suite.RAW_CHRONICLE, null)));

    private Floors() {
    }

    static List<Floor> of(String transport) {
        return BY_TRANSPORT.getOrDefault(transport, List.of());
    }

    /**
     * The one socket transport a sweep too long to run on every socket runs on: tcp, the socket every system
     * has, when it is among {@code transports}; otherwise the first socket transport there; empty if none is.
     */
    static java.util.Optional<String> sweepSocket(List<String> transports) {
        List<String> sockets = transports.stream()
                .filter(t -> TransportKinds.SOCKET.equals(TransportKinds.of(t))).toList();
        return sockets.contains("tcp") ? java.util.Optional.of("tcp") : sockets.stream().findFirst();
    }

    /**
     * The socket transports among {@code transports}, one per raw socket family (tcp; unix for unix and
     * unix-jdk), the first chosen of each: the server model is the kernel socket's story, not the channel's.
     */
    static List<String> onePerSocketFamily(List<String> transports) {
        java.util.Set<Floor> seen = new java.util.HashSet<>();
        return transports.stream()
                .filter(t -> TransportKinds.SOCKET.equals(TransportKinds.of(t)))
                .filter(t -> of(t).stream().filter(f -> f.suite() == Suite.RAW_SOCKET).findFirst()
                        .map(seen::add).orElse(true))
                .toList();
    }

    /** How a transport's readers wait, first the one its cells use by default. */
    static List<String> waits(String transport) {
        switch (transport) {
            case "tcp":
            case "unix":
            case "unix-jdk":
                return List.of("block", "spin");
            case "shm":
            case "shm-ring":
                return List.of("spin", "backoff");
            default:
                return List.of(TransportCell.DEFAULT_WAIT);
        }
    }
}

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

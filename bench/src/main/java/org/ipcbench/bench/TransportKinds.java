package org.ipcbench.bench;

import java.util.Map;

/** Which transports are sockets and which are shared memory: an explicit table, for the findings, the
 * plan, and the cells that need a socket (the selector server model). */
final class TransportKinds {

    static final String SOCKET = "socket";
    static final String SHARED_MEMORY = "shared memory";

    private static final Map<String, String> KIND = Map.of(
            "tcp", SOCKET,
            "unix", SOCKET,
            "unix-jdk", SOCKET,
            "shm", SHARED_MEMORY,
            "shm-ring", SHARED_MEMORY);

    private TransportKinds() {
    }

    /** The kind of a transport, or {@code null} when the table does not know it. */
    static String of(String transport) {
        return KIND.get(transport);
    }
}

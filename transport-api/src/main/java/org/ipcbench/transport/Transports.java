package org.ipcbench.transport;

import java.io.IOException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds transports by address scheme. Each transport module lists its implementation in
 * {@code META-INF/services/org.ipcbench.transport.Transport}; whatever is on the class path is found.
 */
public final class Transports {

    private Transports() {
    }

    /** Every transport on the class path, by scheme, in scheme order. */
    public static Map<String, Transport> all() {
        Map<String, Transport> byScheme = new TreeMap<>();
        for (Transport t : ServiceLoader.load(Transport.class)) {
            Transport previous = byScheme.putIfAbsent(t.scheme(), t);
            if (previous != null) {
                throw new IllegalStateException("two transports claim scheme '" + t.scheme() + "': "
                        + previous.getClass().getName() + " and " + t.getClass().getName());
            }
        }
        return byScheme;
    }

    /** The transport for a scheme, or an error that lists the schemes there are. */
    public static Transport forScheme(String scheme) {
        Map<String, Transport> all = all();
        Transport t = all.get(scheme);
        if (t == null) {
            throw new IllegalArgumentException("unknown transport '" + scheme + "'; known: "
                    + (all.isEmpty() ? "none on the class path" : String.join(", ", all.keySet())));
        }
        return t;
    }

    public static Listener listen(Address address, TransportOptions options) throws IOException {
        return forScheme(address.scheme()).listen(address, options);
    }

    public static Connection connect(Address address, TransportOptions options) throws IOException {
        return forScheme(address.scheme()).connect(address, options);
    }
}

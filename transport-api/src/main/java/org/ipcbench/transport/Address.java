package org.ipcbench.transport;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A transport address written as text, {@code scheme:location}, so that a command line can name it:
 * {@code tcp:127.0.0.1:7000}, {@code unix:/path/to/sock}, {@code shm:/path/to/dir}.
 * The scheme picks the transport (see {@link Transports}); the location means what that transport says.
 */
public record Address(String scheme, String location) {

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9-]*");

    public Address {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(location, "location");
        if (!SCHEME.matcher(scheme).matches()) {
            throw new IllegalArgumentException("bad address scheme '" + scheme + "': expected letters, digits and '-'");
        }
    }

    /** Parses {@code scheme:location}; the scheme is case-insensitive. */
    public static Address parse(String text) {
        Objects.requireNonNull(text, "address");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("bad address '" + text
                    + "': expected scheme:location, for example tcp:127.0.0.1:7000 or unix:/tmp/ipcbench.sock");
        }
        return new Address(text.substring(0, colon).toLowerCase(Locale.ROOT), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return scheme + ':' + location;
    }
}

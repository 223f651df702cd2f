package org.ipcbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags every ipcbench JVM runs with (the launcher, peers, benchmark forks). They are written
 * once, as {@code ipcbench.jvm.flags} in the root pom, and filtered into this resource at build time.
 */
final class JvmFlags {

    private static final String RESOURCE = "jvm.flags";

    private JvmFlags() {
    }

    static List<String> get() {
        try (InputStream in = JvmFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + ": rebuild with mvn package");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}

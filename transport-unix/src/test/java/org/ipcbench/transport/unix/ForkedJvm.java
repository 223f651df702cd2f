package org.ipcbench.transport.unix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line for a JVM of its own, with this JVM's class path and test flags, as the kit's PeerProcess builds it. */
final class ForkedJvm {

    private ForkedJvm() {
    }

    static List<String> command(List<String> jvmArgs, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String flags = System.getProperty("ipcbench.test.jvmFlags", "").trim();
        if (!flags.isEmpty() && !flags.startsWith("${")) {
            cmd.addAll(Arrays.asList(flags.split("\\s+")));
        }
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        // Surefire runs tests from a manifest-only jar; the real class path is in this property.
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(main.getName());
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }
}

package org.ipcbench.transport.unix;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ipcbench.transport.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * junixsocket's native library, where it cannot be unpacked. That breaks junixsocket for the whole JVM, so the test
 * runs a peer server in a JVM of its own. (Every forked peer of the conformance kit shows that it loads unaided.)
 */
class NativeLibraryTest {

    @TempDir
    Path dir;

    @Test
    void aLibraryThatCannotBeUnpackedIsAnErrorThatSaysWhatToSet() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "");
        Process p = new ProcessBuilder(ForkedJvm.command(
                List.of("-D" + UnixTransport.LIBRARY_TMPDIR_PROPERTY + "=" + notADirectory.resolve("lib")),
                PeerProcess.class, "server", UnixTransport.SCHEME + ":")).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the peer exits");
        assertNotEquals(0, p.exitValue(), output);
        assertTrue(output.contains("junixsocket could not load its native library")
                && output.contains("-D" + UnixTransport.LIBRARY_TMPDIR_PROPERTY + "=DIR")
                && output.contains("unix-jdk"), output);
    }
}

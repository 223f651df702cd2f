package org.ipcbench.transport.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.ipcbench.transport.Framing;
import org.ipcbench.transport.IoModel;
import org.ipcbench.transport.MessageHandler;
import org.ipcbench.transport.Server;
import org.ipcbench.transport.Servers;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A client in another language: Python's AF_UNIX socket gets every frame back byte-exact. Skipped without python3. */
class PythonClientTest {

    private static final int FIXED_SIZE = 64;

    private static final boolean PYTHON = pythonRuns();

    private static boolean pythonRuns() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(new UnixTransport(), new UnixJdkTransport())
                .flatMap(t -> Stream.of(IoModel.BLOCKING, IoModel.SELECTOR)
                        .flatMap(io -> Stream.of("length", "delimited", "fixed", "close")
                                .map(framing -> Arguments.of(t.scheme(), io, framing, t))));
    }

    @ParameterizedTest(name = "{0}, {1}, {2} framing")
    @MethodSource("cases")
    void pythonGetsItsFramesBackByteExact(String scheme, IoModel io, String framingName, Transport t) throws Exception {
        assumeTrue(PYTHON, "python3 is not on the PATH");
        TransportOptions options = TransportOptions.defaults().withIo(io);
        Framing framing = Framing.of(framingName, FIXED_SIZE, Framing.DEFAULT_MAX_FRAME_SIZE);
        List<Exception> errors = new CopyOnWriteArrayList<>();
        try (Server server = Servers.start(t.listen(t.defaultAddress(), options), options, framing,
                MessageHandler.echo(), (c, e) -> errors.add(e))) {
            // The example client users read, at the repository root; tests run in this module's directory.
            Path script = Path.of("..", "examples", "echo_client.py");
            Process p = new ProcessBuilder("python3", script.toString(), server.address().toString(), framingName,
                    Integer.toString(FIXED_SIZE)).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python exits");
            assertEquals(0, p.exitValue(), output);
            assertEquals(framingName.equals("fixed") ? "OK 5" : "OK 6", output);
        }
        assertTrue(errors.isEmpty(), "the server reported errors: " + errors);
    }
}

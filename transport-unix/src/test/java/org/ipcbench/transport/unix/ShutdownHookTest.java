package org.ipcbench.transport.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.Transports;
import org.ipcbench.transport.TransportOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGTERM to a server that closes its listener in a shutdown hook, as {@code ipcbench serve} does: nothing is left. */
class ShutdownHookTest {

    /** The server: listens at the default address, closes the listener on shutdown, prints the address. */
    public static void main(String[] args) throws Exception {
        Listener listener = Transports.forScheme(args[0]).listen(new Address(args[0], ""), TransportOptions.defaults());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                listener.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println(listener.address());
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(2)); // until stopped; the bound keeps a lost server from lingering
    }

    @ParameterizedTest
    @ValueSource(strings = {UnixTransport.SCHEME, UnixJdkTransport.SCHEME})
    void sigtermRemovesTheSocketAndItsPrivateDirectory(String scheme) throws Exception {
        Process p = new ProcessBuilder(ForkedJvm.command(List.of(), ShutdownHookTest.class, scheme)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertTrue(line != null && line.startsWith(scheme + ":/"), "the server printed " + line);
            Path socket = Path.of(Address.parse(line).location());
            assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));

            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server exits");
            assertEquals(143, p.exitValue(), "killed by SIGTERM, after its hooks ran");
            assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "socket file left behind");
            assertFalse(Files.exists(socket.getParent()), "private directory left behind");
        } finally {
            p.destroyForcibly();
        }
    }
}

package org.ipcbench.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer in another JVM, so that the kit can kill a real process with SIGKILL and watch the survivor.
 *
 * <ul>
 *   <li>{@code server ADDRESS}: an echo server with length framing; prints {@code READY <address>}.</li>
 *   <li>{@code client ADDRESS}: connects, writes a length header for 64 bytes and 10 of them, prints
 *       {@code SENT}, then sleeps: it dies in the middle of a message.</li>
 * </ul>
 */
public final class PeerProcess {

    static final int ANNOUNCED = 64;
    static final int SENT = 10;

    public static void main(String[] args) throws Exception {
        Address address = Address.parse(args[1]);
        Transport transport = Transports.forScheme(address.scheme());
        TransportOptions options = TransportOptions.defaults();
        if ("server".equals(args[0])) {
            Listener listener = transport.listen(address, options);
            Servers.start(listener, options, Framing.of("length", 0, Framing.DEFAULT_MAX_FRAME_SIZE),
                    MessageHandler.echo(), (c, e) -> System.err.println(c + ": " + e));
            System.out.println("READY " + listener.address());
        } else {
            Connection c = transport.connect(address, options);
            ByteBuffer partial = ByteBuffer.allocate(4 + SENT).putInt(ANNOUNCED).put(new byte[SENT]).flip();
            while (partial.hasRemaining()) {
                c.write(partial);
            }
            System.out.println("SENT");
        }
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(2)); // until killed; the bound keeps a lost peer from lingering
        System.exit(3);
    }

    /** Starts a peer JVM with this JVM's class path and test flags, and waits for its first line. */
    public static Started start(String role, Address address, Duration startTimeout) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String flags = System.getProperty("ipcbench.test.jvmFlags", "").trim();
        if (!flags.isEmpty() && !flags.startsWith("${")) {
            cmd.addAll(Arrays.asList(flags.split("\\s+")));
        }
        cmd.add("-cp");
        // Surefire runs tests from a manifest-only jar; the real class path is in this property.
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(PeerProcess.class.getName());
        cmd.add(role);
        cmd.add(address.toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String[] line = new String[1];
        Thread reader = new Thread(() -> {
            try {
                line[0] = out.readLine();
            } catch (IOException e) {
                line[0] = null;
            }
        });
        reader.start();
        try {
            reader.join(startTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (line[0] == null) {
            p.destroyForcibly();
            throw new IOException("peer process did not start within " + startTimeout + " (exit "
                    + (p.isAlive() ? "none yet" : p.exitValue()) + ")");
        }
        return new Started(p, line[0]);
    }

    /** A running peer and the first line it printed. */
    public record Started(Process process, String firstLine) {

        /** SIGKILL, and wait until the process is really gone. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}

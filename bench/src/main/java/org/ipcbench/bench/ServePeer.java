package org.ipcbench.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.ipcbench.transport.Address;

/**
 * An {@code ipcbench serve} in its own JVM: the echo peer of a measurement. Two processes are the
 * point of the suite, since IPC measured inside one JVM is not IPC.
 */
final class ServePeer implements Peer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private final Process process;
    private final Address address;

    private ServePeer(Process process, Address address) {
        this.process = process;
        this.address = address;
    }

    /** Starts {@code ipcbench serve ARGS...} and waits for its READY line. */
    static ServePeer start(List<String> serveArgs) throws IOException {
        List<String> args = new ArrayList<>();
        args.add("serve");
        args.add("--exit-with-parent");
        args.addAll(serveArgs);
        return startMain(Main.class.getName(), args);
    }

    /**
     * Starts {@code java FLAGS -cp CLASSPATH MAIN ARGS...}, with {@link JvmFlags#get()} and this JVM's class
     * path, and waits for its one line {@code READY <address>}. The raw baselines' peers start this way too.
     */
    static ServePeer startMain(String mainClass, List<String> mainArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JvmFlags.get());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(mainArgs);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            line = null;
        }
        if (line == null || !line.startsWith("READY ")) {
            p.destroyForcibly();
            throw new IOException("the serve peer did not become ready within " + START_TIMEOUT.toSeconds() + " s"
                    + (line == null ? "" : "; it printed: " + line) + "; command: " + String.join(" ", cmd));
        }
        return new ServePeer(p, Address.parse(line.substring("READY ".length())));
    }

    @Override
    public Address address() {
        return address;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    /** The peer process's CPU time, user and system, as the OS accounts it (clock-tick resolution on Linux). */
    @Override
    public long cpuNanos() {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** SIGTERM, as a user's Ctrl-C would; SIGKILL if it does not stop in time. */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IOException("the serve peer " + process.pid() + " ignored SIGTERM and was killed");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (process.exitValue() != 0) {
            throw new IOException("the serve peer exited with code " + process.exitValue());
        }
    }
}

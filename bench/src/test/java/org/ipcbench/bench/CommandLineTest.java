package org.ipcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.ipcbench.transport.Framing;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.MessageHandler;
import org.ipcbench.transport.Server;
import org.ipcbench.transport.Servers;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.Transports;
import org.ipcbench.transport.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class CommandLineTest {

    /** Runs the command line in-process and captures its stderr. */
    private static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, err.toString());
    }

    private record Result(int code, String err) {
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ping --count nope",
        "ping --read-timeout 5q",
        "ping --framing bogus",
        "ping --buffer-size 1000",
        "ping --address nocolon",
        "ping --address carrier-pigeon:here",
        "serve --io sometimes",
        "serve --no-such-option",
        "ping --wait backoff --address tcp:127.0.0.1:1",
        "ping --framing fixed --message-size 0",
        "interleave --transports tcp",
        "interleave --floors raw-socket",
        "interleave --floors raw-ring,raw-ring",
        "interleave --phase 200ms --settle 200ms",
        "interleave --cycles 0",
        "interleave --message-size 8",
    })
    void badArgumentsGetOneLineAndExitTwo(String args) {
        Result r = run(args.split(" "));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("ipcbench "), r.err());
    }

    @Test
    void aServerThatIsGoneIsAOneLineFailure() {
        Result r = run("ping", "--address", "tcp:127.0.0.1:1", "--count", "1");
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("cannot connect to tcp:127.0.0.1:1"), r.err());
    }

    @Test
    void durationsAreWrittenLikePeopleWriteThem() {
        DurationConverter c = new DurationConverter();
        assertEquals(Duration.ofMillis(500), c.convert("500ms"));
        assertEquals(Duration.ofSeconds(2), c.convert("2s"));
        assertEquals(Duration.ofMinutes(1), c.convert("1m"));
        assertEquals(Duration.ofNanos(250_000), c.convert("250us"));
        assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("2"));
        assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("-1s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed", "delimited", "length", "close"})
    void pingPrintsTheJsonItPromises(String framingName) throws Exception {
        TransportOptions options = TransportOptions.defaults();
        Listener listener = Transports.listen(Address.parse("tcp:127.0.0.1:0"), options);
        try (Server server = Servers.start(listener, options, Framing.of(framingName, 100, 1 << 20),
                MessageHandler.echo(), (c, e) -> { })) {
            PrintStream stdout = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = run("ping", "--address", server.address().toString(), "--framing", framingName,
                        "--message-size", "100", "--count", "50", "--warmup", "5", "--json").code();
            } finally {
                System.setOut(stdout);
            }
            assertEquals(0, code);
            String out = captured.toString(StandardCharsets.UTF_8).trim();
            assertEquals(1, out.lines().count(), out);
            JsonNode json = new ObjectMapper().readTree(out);
            for (String key : List.of("count", "p50_us", "p90_us", "p99_us", "p999_us", "max_us", "msgs_per_s")) {
                assertTrue(json.has(key), "missing " + key + " in " + out);
            }
            assertEquals(50, json.get("count").asLong());
            assertTrue(json.get("p50_us").asDouble() <= json.get("p99_us").asDouble());
            assertTrue(json.get("p99_us").asDouble() <= json.get("max_us").asDouble());
        }
    }

    @Test
    void pingFailsLoudlyWhenAnEchoIsWrong() throws Exception {
        TransportOptions options = TransportOptions.defaults();
        Listener listener = Transports.listen(Address.parse("tcp:127.0.0.1:0"), options);
        MessageHandler corrupting = m -> {
            java.nio.ByteBuffer copy = java.nio.ByteBuffer.allocate(m.remaining()).put(m.duplicate()).flip();
            copy.put(3, (byte) (copy.get(3) ^ 1));
            return copy;
        };
        try (Server server = Servers.start(listener, options, Framing.of("length", 0, 1 << 20), corrupting,
                (c, e) -> { })) {
            Result r = run("ping", "--address", server.address().toString(), "--count", "5", "--warmup", "0");
            assertEquals(1, r.code());
            assertTrue(r.err().contains("echo mismatch at message 1, byte 3"), r.err());
        }
    }
}

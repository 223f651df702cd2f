package org.ipcbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Model.CommandSpec;

/**
 * What a result needs beside its numbers to be read honestly later: the machine, the JVM, the library
 * versions, the commit and the exact command. Written as {@code metadata.json} next to every run's raw data.
 */
final class RunMetadata {

    private RunMetadata() {
    }

    /** The metadata of a run started now by {@code command}; {@code extra} adds run-specific keys. */
    static Map<String, Object> collect(String command, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu_model", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("kernel", System.getProperty("os.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("jdk_vendor", System.getProperty("java.vendor"));
        m.put("jdk_version", System.getProperty("java.runtime.version"));
        m.put("jvm_flags", String.join(" ", JvmFlags.get()));
        m.put("jvm_input_arguments", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        m.put("library_versions", libraryVersions());
        m.put("git_commit", git("rev-parse", "HEAD"));
        String status = git("status", "--porcelain", "--untracked-files=no");
        m.put("git_dirty", status.equals("unknown") ? "unknown" : Boolean.toString(!status.isEmpty()));
        m.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("command", command);
        Path shm = Path.of("/dev/shm");
        m.put("shm_dir", Files.isDirectory(shm) ? shm.toString() : System.getProperty("java.io.tmpdir"));
        m.put("shm_fs_type", fsType(Files.isDirectory(shm) ? shm.toString() : System.getProperty("java.io.tmpdir")));
        m.putAll(extra);
        return m;
    }

    /** The exact command line that started this run, quoted so that a shell can run it again. */
    static String command(CommandSpec spec) {
        List<String> words = new ArrayList<>(List.of("ipcbench"));
        for (String a : spec.root().commandLine().getParseResult().originalArgs()) {
            words.add(a.isEmpty() || a.matches(".*[\\s'\"$].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return String.join(" ", words);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /** The library versions the root pom pins, as the build filtered them into versions.properties. */
    private static Map<String, String> libraryVersions() {
        Map<String, String> versions = new java.util.TreeMap<>();
        try (InputStream in = RunMetadata.class.getResourceAsStream("versions.properties")) {
            Properties p = new Properties();
            p.load(in);
            p.stringPropertyNames().forEach(name -> versions.put(name, p.getProperty(name)));
        } catch (IOException | NullPointerException e) {
            versions.put("unknown", "versions.properties is missing: rebuild with mvn package");
        }
        return versions;
    }

    /** The filesystem type the kernel reports for the mount that holds {@code path}, from /proc/mounts. */
    private static String fsType(String path) {
        String best = "";
        String type = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                String[] f = line.split(" ");
                if (f.length > 2 && (path.equals(f[1]) || path.startsWith(f[1].endsWith("/") ? f[1] : f[1] + "/"))
                        && f[1].length() > best.length()) {
                    best = f[1];
                    type = f[2];
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return type;
    }

    private static String git(String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("git"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}

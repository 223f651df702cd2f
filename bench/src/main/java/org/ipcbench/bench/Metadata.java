package org.ipcbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code metadata.json}: what a result needs to be read later: the machine, the JVM and its flags, the
 * library versions, the commit, the exact command, and whether the run was interrupted. The key names are
 * a contract with {@code ipcbench report}.
 */
final class Metadata {

    static final String FILE = "metadata.json";
    static final List<String> KEYS = List.of("cpu_model", "cores", "kernel", "os", "jdk_vendor", "jdk_version",
            "jvm_flags", "library_versions", "git_commit", "date", "command", "profile", "shm_dir", "shm_fs_type",
            "interrupted");
    /** Where the shared-memory baselines (and transports) keep their files; {@code -Dipcbench.shm.dir} moves it. */
    static final String SHM_DIR = System.getProperty("ipcbench.shm.dir", "/dev/shm");

    /** The versions the root pom pins, filtered into this resource at build time. */
    private static final String VERSIONS = "library.versions";
    /** Artifacts whose resolved version (from their own pom.properties) is recorded as well, group:artifact. */
    private static final List<String> RESOLVED = List.of("net.openhft:chronicle-queue", "org.slf4j:slf4j-api");

    private Metadata() {
    }

    static Map<String, Object> collect(String command, String profile, boolean interrupted) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu_model", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("kernel", System.getProperty("os.version"));
        m.put("os", osName());
        m.put("jdk_vendor", System.getProperty("java.vendor"));
        m.put("jdk_version", System.getProperty("java.version"));
        m.put("jvm_flags", JvmFlags.get());
        m.put("library_versions", libraryVersions());
        m.put("git_commit", gitCommit());
        m.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("command", command);
        m.put("profile", profile);
        m.put("shm_dir", SHM_DIR);
        m.put("shm_fs_type", fsType(Path.of(SHM_DIR)));
        m.put("interrupted", interrupted);
        return m;
    }

    static void write(Path dir, Map<String, Object> metadata) throws IOException {
        ResultFiles.write(dir.resolve(FILE), metadata);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /** PRETTY_NAME from /etc/os-release (a properties-style file), else os.name. */
    private static String osName() {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(Path.of("/etc/os-release"))));
            String pretty = p.getProperty("PRETTY_NAME");
            if (pretty != null) {
                return pretty.replace("\"", "");
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return System.getProperty("os.name");
    }

    /** The root pom's pinned versions, and the resolved versions of artifacts that a BOM chose. */
    static Map<String, String> libraryVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        try (InputStream in = Metadata.class.getResourceAsStream(VERSIONS)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                new java.util.TreeMap<>(p).forEach((k, val) -> v.put(k.toString(), val.toString()));
            }
        } catch (IOException e) {
            // recorded as far as it goes
        }
        for (String lib : RESOLVED) {
            String[] ga = lib.split(":");
            String resource = "/META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties";
            try (InputStream in = Metadata.class.getResourceAsStream(resource)) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    v.put(ga[1], p.getProperty("version"));
                }
            } catch (IOException e) {
                // not on the class path: not recorded
            }
        }
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return out;
            }
        } catch (IOException e) {
            // no git
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }

    /** The file system type of the mount that holds {@code dir}, from /proc/mounts: the longest matching mount point. */
    static String fsType(Path dir) {
        String best = null;
        int bestLength = -1;
        String path = dir.toAbsolutePath().normalize().toString();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                String[] f = line.split(" ");
                if (f.length < 3) {
                    continue;
                }
                String mount = f[1];
                boolean under = path.equals(mount) || path.startsWith(mount.endsWith("/") ? mount : mount + "/");
                if (under && mount.length() > bestLength) {
                    best = f[2];
                    bestLength = mount.length();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return best == null ? "unknown" : best;
    }
}

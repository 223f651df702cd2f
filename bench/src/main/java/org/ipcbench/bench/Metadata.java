package org.ipcbench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code metadata.json} of a benchmark run: {@link RunMetadata}'s machine, JVM, versions, commit and
 * command, plus the profile and whether the run was interrupted. {@link #KEYS} are a contract with
 * {@code ipcbench report}.
 */
final class Metadata {

    static final String FILE = "metadata.json";
    static final List<String> KEYS = List.of("cpu_model", "cores", "kernel", "os", "jdk_vendor", "jdk_version",
            "jvm_flags", "library_versions", "git_commit", "date", "command", "profile", "shm_dir", "shm_fs_type",
            "interrupted");
    /** Where the shared-memory baselines keep their files; {@code -Dipcbench.shm.dir} moves them. */
    static final String SHM_DIR = System.getProperty("ipcbench.shm.dir", "/dev/shm");

    private Metadata() {
    }

    static Map<String, Object> collect(String command, String profile, boolean interrupted) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("profile", profile);
        extra.put("interrupted", interrupted);
        return RunMetadata.collect(command, extra);
    }

    /** Written atomically, so that an interrupted run never leaves half a file. */
    static void write(Path dir, Map<String, Object> metadata) throws IOException {
        ResultFiles.write(dir.resolve(FILE), metadata);
    }
}

package org.ipcbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** demo --out keeps raw data and metadata, and its table regenerates byte for byte from them. */
class DemoCommandTest {

    @Test
    void keepsRawDataAndATableGeneratedFromIt(@TempDir Path out) throws Exception {
        int code = Main.run("demo", "--address", "tcp:127.0.0.1:0", "--framing", "length,close", "--io", "blocking",
                "--count", "50", "--repeat", "2", "--out", out.toString());
        assertEquals(0, code);
        List<String> rows = Files.readAllLines(out.resolve("demo.jsonl"));
        assertEquals(4, rows.size(), "two framings, two runs each");
        try (var hgrm = Files.list(out.resolve("hgrm"))) {
            assertEquals(4, hgrm.count());
        }
        JsonNode metadata = new ObjectMapper().readTree(out.resolve("metadata.json").toFile());
        for (String key : List.of("cpu_model", "cores", "kernel", "jdk_vendor", "jdk_version", "jvm_flags",
                "library_versions", "git_commit", "date", "command", "shm_fs_type")) {
            assertTrue(metadata.has(key), "metadata.json lacks " + key);
        }
        assertTrue(metadata.get("command").asText().startsWith("ipcbench demo --address"));

        byte[] table = Files.readAllBytes(out.resolve("table.md"));
        assertTrue(new String(table).contains("| tcp | close | blocking | default | 64 | 4096 | 2 |"));
        Files.delete(out.resolve("table.md"));
        assertEquals(0, Main.run("demo", "--retable", out.toString()));
        assertArrayEquals(table, Files.readAllBytes(out.resolve("table.md")), "the table is made from the raw data alone");
    }
}

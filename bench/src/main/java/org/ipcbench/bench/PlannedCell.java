package org.ipcbench.bench;

import java.util.Map;
import java.util.TreeMap;

/** One cell of a run's plan: a benchmark and one value for each of its parameters. */
record PlannedCell(Suite suite, Map<String, String> params) {

    PlannedCell {
        params = Map.copyOf(params);
    }

    String param(String name) {
        return params.get(name);
    }

    /** {@code round-trip transport=tcp framing=length ...}, parameters in file-name order. */
    String describe() {
        StringBuilder b = new StringBuilder(suite.id);
        for (String k : ResultFiles.NAME_PARAMS) {
            if (params.containsKey(k)) {
                b.append(' ').append(k).append('=').append(params.get(k));
            }
        }
        new TreeMap<>(params).forEach((k, v) -> {
            if (!ResultFiles.NAME_PARAMS.contains(k)) {
                b.append(' ').append(k).append('=').append(v);
            }
        });
        return b.toString();
    }
}

package org.ipcbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code hgrm/} file: HdrHistogram's {@code outputPercentileDistribution} text for one cell and fork,
 * named {@code <benchmark>_<transport>_<framing>_<bufferSize>_<messageSize>_<peer>_<wait>_fork<N>.hgrm},
 * with {@code _io-selector}, {@code _clients-10} and the like before {@code _fork} for parameters that are not
 * their default ({@link ResultFiles#OPTIONAL_NAME_PARAMS}); values in microseconds. Only the value and
 * percentile columns are read.
 */
record HgrmFile(Path path, String benchmark, Map<String, String> params, int fork) {

    /** One row of the distribution: a value in microseconds and the fraction of samples at or below it. */
    record Point(double micros, double percentile) {
    }

    private static final Pattern NAME = Pattern.compile(
            "(.+)_([^_]+)_([^_]+)_([^_]+)_([^_]+)_([^_]+)_([^_]+)_fork(\\d+)\\.hgrm");
    /** The optional fields at the end, split off first: the greedy benchmark name would take them otherwise. */
    private static final Pattern OPTIONAL = Pattern.compile("(.*?)((?:_(?:"
            + String.join("|", ResultFiles.OPTIONAL_NAME_PARAMS.keySet()) + ")-[^_]+)*)(_fork\\d+\\.hgrm)");
    private static final String[] KEYS = {"transport", "framing", "bufferSize", "messageSize", "peer", "wait"};

    /** The file's cell from its name, or empty when the name does not follow the layout. */
    static Optional<HgrmFile> named(Path path) {
        Matcher o = OPTIONAL.matcher(path.getFileName().toString());
        if (!o.matches()) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(o.group(1) + o.group(3));
        if (!m.matches()) {
            return Optional.empty();
        }
        // A name without an optional field is a cell at its default: io blocking, one client.
        Map<String, String> params = new TreeMap<>(ResultFiles.OPTIONAL_NAME_PARAMS);
        for (String field : o.group(2).split("_")) {
            int dash = field.indexOf('-');
            if (dash > 0) {
                params.put(field.substring(0, dash), field.substring(dash + 1));
            }
        }
        for (int i = 0; i < KEYS.length; i++) {
            params.put(KEYS[i], m.group(i + 2));
        }
        return Optional.of(new HgrmFile(path, m.group(1), params, Integer.parseInt(m.group(8))));
    }

    /** Whether this file belongs to the cell: the same benchmark (full or short name) and no parameter differs. */
    boolean belongsTo(Cell cell) {
        if (!(cell.benchmark().equals(benchmark) || cell.shortName().equals(benchmark)
                || cell.benchmark().endsWith("." + benchmark))) {
            return false;
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            String v = cell.param(e.getKey());
            if (v != null && !v.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The rows of the distribution, in file order; comment, header and blank lines are skipped. */
    List<Point> points() throws IOException {
        List<Point> points = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            String[] cols = line.trim().split("[\\s,]+");
            if (cols.length < 2 || line.trim().startsWith("#")) {
                continue;
            }
            try {
                points.add(new Point(Double.parseDouble(cols[0]), Double.parseDouble(cols[1])));
            } catch (NumberFormatException header) {
                // the column titles
            }
        }
        return points;
    }
}

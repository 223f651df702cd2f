package org.ipcbench.bench;

import java.time.Duration;

import picocli.CommandLine;

/** {@code NxDURATION}, such as {@code 5x1s} or {@code 2x600ms}: at least one iteration of at least a millisecond. */
final class IterationsConverter implements CommandLine.ITypeConverter<Iterations> {

    @Override
    public Iterations convert(String value) {
        String v = value.trim();
        int x = v.indexOf('x');
        int count;
        try {
            count = x < 0 ? -1 : Integer.parseInt(v.substring(0, x));
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not iterations; write a count and a time each, like 5x1s or 2x600ms");
        }
        Duration each = new DurationConverter().convert(v.substring(x + 1));
        if (each.toMillis() < 1 || each.toMillis() > Integer.MAX_VALUE) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "': an iteration lasts from 1ms to a few hours");
        }
        return new Iterations(count, each);
    }
}

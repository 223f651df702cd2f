package org.ipcbench.bench;

import java.util.Locale;

/** Fixed number formatting for generated files: Locale.ROOT, a precision that depends only on the value. */
final class Figures {

    private Figures() {
    }

    /** Microseconds: 3 significant digits below 100, whole numbers above. */
    static String micros(double us) {
        return number(us);
    }

    /** Any figure, such as a count per second or per message: 3 significant digits below 100, whole above. */
    static String number(double us) {
        double a = Math.abs(us);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", us);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", us);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", us);
        }
        return String.format(Locale.ROOT, "%.3f", us);
    }

    /** A count per operation, shown per 1,000 operations: 3 significant digits below 100, whole numbers above. */
    static String perThousand(double perOp) {
        return micros(perOp * 1000);
    }

    /** A rate such as messages/s, whole, with thousands separators. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** Megabytes (10^6 bytes) per second. */
    static String megabytes(double mbPerSecond) {
        return mbPerSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", mbPerSecond)
                : String.format(Locale.ROOT, "%.1f", mbPerSecond);
    }

    /** A fraction as a percentage: 0.123 is {@code 12.3%}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** How much better one figure is than another: {@code 12.5%}, or from 100% on {@code 3.40× (240.0%)}. */
    static String margin(double m) {
        return m < 1 ? percent(m) : ratio(1 + m) + " (" + percent(m) + ")";
    }

    /** A ratio: {@code 1.23×}. */
    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    /** A message size: {@code 64 B}, {@code 4 KiB}, {@code 64 KiB}. */
    static String bytes(int n) {
        if (n >= 1024 && n % 1024 == 0) {
            return (n / 1024) + " KiB";
        }
        return n + " B";
    }
}

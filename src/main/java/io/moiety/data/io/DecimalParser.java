package io.moiety.data.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parses decimal numbers straight from ASCII bytes, giving exactly the value
 * {@link Double#parseDouble} gives. Numbers with at most 15 significant digits and a decimal
 * exponent within ±22 take the exact fast path (one multiplication or division of two exactly
 * representable doubles, correctly rounded); anything else falls back to {@code parseDouble}.
 */
final class DecimalParser {
    private static final double[] POW10 = new double[23];
    private static final long FAST_MANTISSA_LIMIT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private DecimalParser() {}

    /**
     * The number in {@code b[start, end)}.
     *
     * @throws NumberFormatException when the bytes are not a decimal number (or nan/inf)
     */
    static double parse(byte[] b, int start, int end) {
        int i = start;
        if (i >= end) {
            throw new NumberFormatException("empty");
        }
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exp10 = 0;
        boolean anyDigit = false;
        while (i < end && isDigit(b[i])) {
            int d = b[i] - '0';
            if (significant < 18) {
                mantissa = mantissa * 10 + d;
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                exp10++;
                significant++;
            }
            anyDigit = true;
            i++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && isDigit(b[i])) {
                int d = b[i] - '0';
                if (significant < 18) {
                    mantissa = mantissa * 10 + d;
                    if (mantissa != 0) {
                        significant++;
                    }
                    exp10--;
                } else {
                    significant++;
                }
                anyDigit = true;
                i++;
            }
        }
        if (!anyDigit) {
            return special(b, start, end);
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            if (i >= end) {
                throw new NumberFormatException("missing exponent");
            }
            int e = 0;
            while (i < end && isDigit(b[i])) {
                if (e < 100000) {
                    e = e * 10 + (b[i] - '0');
                }
                i++;
            }
            exp10 += expNegative ? -e : e;
        }
        if (i != end) {
            throw new NumberFormatException("unexpected character");
        }
        if (mantissa == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (significant <= 15 && mantissa < FAST_MANTISSA_LIMIT && exp10 >= -22 && exp10 <= 22) {
            double v = (double) mantissa;
            v = exp10 < 0 ? v / POW10[-exp10] : v * POW10[exp10];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
    }

    private static double special(byte[] b, int start, int end) {
        String s = new String(b, start, end - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        switch (s) {
            case "nan", "+nan", "-nan": return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity": return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity": return Double.NEGATIVE_INFINITY;
            default: throw new NumberFormatException("not a number");
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** Parses a whole string (header values). */
    static double parse(String s) {
        byte[] b = s.trim().getBytes(StandardCharsets.ISO_8859_1);
        return parse(b, 0, b.length);
    }
}

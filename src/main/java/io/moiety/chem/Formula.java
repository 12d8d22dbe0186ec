package io.moiety.chem;

import java.util.TreeMap;

/** Hill-order molecular formulas from atomic numbers. */
public final class Formula {
    private Formula() {}

    /** Hill order: C first, then H, then the rest alphabetically; without C, all alphabetically. */
    public static String hill(int[] atomicNumbers) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (int z : atomicNumbers) {
            counts.merge(Element.ofZ(z).symbol(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        if (counts.containsKey("C")) {
            append(sb, "C", counts.remove("C"));
            if (counts.containsKey("H")) {
                append(sb, "H", counts.remove("H"));
            }
        }
        counts.forEach((s, n) -> append(sb, s, n));
        return sb.toString();
    }

    private static void append(StringBuilder sb, String symbol, int n) {
        sb.append(symbol);
        if (n > 1) {
            sb.append(n);
        }
    }
}

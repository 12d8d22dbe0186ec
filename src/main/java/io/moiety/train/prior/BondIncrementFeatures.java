package io.moiety.train.prior;

import io.moiety.chem.Element;
import io.moiety.chem.Structure;
import io.moiety.metrics.CovalentBonds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Features of the bond-increment energy model: the number of bonds of each type, a type being the
 * two bonded atoms' elements with their bond counts (a stand-in for hybridisation: {@code C3-O1}
 * is a carbonyl C=O, {@code C4-O2} an alcohol or ether C–O), e.g. {@code bond:C4-H1}. Bonds come
 * from the structure's geometry ({@link CovalentBonds}).
 */
public final class BondIncrementFeatures {
    private BondIncrementFeatures() {}

    /** Bond counts per type of one structure. */
    public static Map<String, Double> of(Structure s) {
        int[] z = s.atomicNumbers();
        int[][] nb = CovalentBonds.neighbours(s);
        Map<String, Double> f = new LinkedHashMap<>();
        for (int i = 0; i < z.length; i++) {
            for (int j : nb[i]) {
                if (j > i) {
                    String a = Element.ofZ(z[i]).symbol() + nb[i].length;
                    String b = Element.ofZ(z[j]).symbol() + nb[j].length;
                    f.merge("bond:" + (a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a), 1.0, Double::sum);
                }
            }
        }
        return f;
    }
}

package io.moiety.chem;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Chemical elements Moiety knows: H–Ar plus Br and I.
 *
 * <p>Mass in unified atomic mass units (IUPAC 2013 standard atomic weights, abridged); covalent
 * radius in Å (Cordero et al., Dalton Trans. 2008, single-bond radii; sp3 carbon).
 */
public enum Element {
    H(1, 1.008, 0.31), He(2, 4.0026, 0.28),
    Li(3, 6.94, 1.28), Be(4, 9.0122, 0.96), B(5, 10.81, 0.84), C(6, 12.011, 0.76),
    N(7, 14.007, 0.71), O(8, 15.999, 0.66), F(9, 18.998, 0.57), Ne(10, 20.180, 0.58),
    Na(11, 22.990, 1.66), Mg(12, 24.305, 1.41), Al(13, 26.982, 1.21), Si(14, 28.085, 1.11),
    P(15, 30.974, 1.07), S(16, 32.06, 1.05), Cl(17, 35.45, 1.02), Ar(18, 39.948, 1.06),
    Br(35, 79.904, 1.20), I(53, 126.90, 1.39);

    private static final Element[] BY_Z = new Element[54];
    private static final Map<String, Element> BY_SYMBOL = new HashMap<>();

    static {
        for (Element e : values()) {
            BY_Z[e.z] = e;
            BY_SYMBOL.put(e.name().toLowerCase(Locale.ROOT), e);
        }
    }

    private final int z;
    private final double mass;
    private final double covalentRadius;

    Element(int z, double mass, double covalentRadius) {
        this.z = z;
        this.mass = mass;
        this.covalentRadius = covalentRadius;
    }

    /** Atomic number. */
    public int z() { return z; }

    /** Element symbol as written in the periodic table ("C", "Br"). */
    public String symbol() { return name(); }

    /** Standard atomic weight in u. */
    public double mass() { return mass; }

    /** Single-bond covalent radius in Å. */
    public double covalentRadius() { return covalentRadius; }

    /** Largest atomic number in the table. */
    public static int maxZ() { return BY_Z.length - 1; }

    /** Whether {@code z} is in the table. */
    public static boolean isKnown(int z) { return z > 0 && z < BY_Z.length && BY_Z[z] != null; }

    /** Element with atomic number {@code z}; throws for elements outside the table. */
    public static Element ofZ(int z) {
        if (!isKnown(z)) {
            throw new IllegalArgumentException("unknown atomic number " + z + " (Moiety knows H–Ar, Br, I)");
        }
        return BY_Z[z];
    }

    /** Element by symbol, case-insensitive; throws naming the symbol when unknown. */
    public static Element ofSymbol(String symbol) {
        Element e = BY_SYMBOL.get(symbol.trim().toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new IllegalArgumentException("unknown element symbol '" + symbol + "' (Moiety knows H–Ar, Br, I)");
        }
        return e;
    }
}

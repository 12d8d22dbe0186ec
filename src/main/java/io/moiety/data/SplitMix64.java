package io.moiety.data;

/**
 * The SplitMix64 output function (Steele, Lea &amp; Flood 2014): a bijection of 64-bit values that
 * spreads nearby seeds (0, 1, 2, …) over the whole range, for deriving independent seeds.
 */
public final class SplitMix64 {
    private SplitMix64() {}

    /** The mixed value of {@code z}. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

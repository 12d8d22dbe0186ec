package io.moiety.model.equivariant;

/**
 * Complex-basis Clebsch–Gordan coefficients {@code <l1 m1; l2 m2 | l3 m3>} (Condon–Shortley
 * convention) from Racah's closed formula, for integer angular momenta. Exact up to double
 * rounding for the small {@code l} used here.
 */
public final class ClebschGordan {
    private ClebschGordan() {}

    /** Whether {@code |l1-l2| ≤ l3 ≤ l1+l2}. */
    public static boolean triangle(int l1, int l2, int l3) {
        return l3 >= Math.abs(l1 - l2) && l3 <= l1 + l2;
    }

    /** {@code <l1 m1; l2 m2 | l3 m3>}; zero outside the selection rules. */
    public static double coefficient(int l1, int m1, int l2, int m2, int l3, int m3) {
        if (m1 + m2 != m3 || !triangle(l1, l2, l3)
                || Math.abs(m1) > l1 || Math.abs(m2) > l2 || Math.abs(m3) > l3) {
            return 0;
        }
        double pre = Math.sqrt((2 * l3 + 1) * fact(l3 + l1 - l2) * fact(l3 - l1 + l2) * fact(l1 + l2 - l3)
                / fact(l1 + l2 + l3 + 1));
        pre *= Math.sqrt(fact(l3 + m3) * fact(l3 - m3) * fact(l1 - m1) * fact(l1 + m1)
                * fact(l2 - m2) * fact(l2 + m2));
        double sum = 0;
        for (int k = 0; k <= l1 + l2 - l3; k++) {
            int[] args = {l1 + l2 - l3 - k, l1 - m1 - k, l2 + m2 - k, l3 - l2 + m1 + k, l3 - l1 - m2 + k};
            boolean ok = true;
            double den = fact(k);
            for (int a : args) {
                if (a < 0) {
                    ok = false;
                    break;
                }
                den *= fact(a);
            }
            if (ok) {
                sum += ((k & 1) == 0 ? 1 : -1) / den;
            }
        }
        return pre * sum;
    }

    static double fact(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}

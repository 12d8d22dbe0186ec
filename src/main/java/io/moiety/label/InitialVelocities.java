package io.moiety.label;

import io.moiety.chem.Element;
import io.moiety.chem.Structure;
import io.moiety.chem.Units;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic Maxwell–Boltzmann initial velocities for {@code xtb --md}. xtb draws its own
 * initial velocities from an unseeded Fortran {@code random_seed()}, so two runs differ; we
 * instead write xtb's {@code mdrestart} file (positions in bohr, velocities in bohr per atomic
 * time unit, format {@code 6D22.14}) from a seeded {@link Random} and run with
 * {@code restart=true}, which makes the whole trajectory reproducible with one OpenMP thread.
 */
public final class InitialVelocities {
    /** Boltzmann constant in Eh/K. */
    static final double KB_HARTREE = 3.166811563e-6;
    /** Unified atomic mass unit in electron masses. */
    static final double AMU_ME = 1822.888486209;

    private InitialVelocities() {}

    /**
     * Velocities (bohr/a.u. time, {@code [N*3]}) drawn from a Maxwell–Boltzmann distribution at
     * {@code temperature} K with the centre-of-mass motion removed and the kinetic energy scaled
     * to exactly 3N/2 k T. Hydrogen gets mass {@code hydrogenMass} amu as in the MD.
     */
    public static double[] draw(Structure s, double temperature, int hydrogenMass, long seed) {
        int n = s.size();
        double[] m = masses(s, hydrogenMass);
        Random rng = new Random(seed);
        double[] v = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double sigma = Math.sqrt(KB_HARTREE * temperature / m[i]);
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] = sigma * rng.nextGaussian();
            }
        }
        double total = 0;
        double[] p = new double[3];
        for (int i = 0; i < n; i++) {
            total += m[i];
            for (int k = 0; k < 3; k++) {
                p[k] += m[i] * v[3 * i + k];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] -= p[k] / total;
            }
        }
        if (n > 1) {
            double ekin = 0;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    ekin += 0.5 * m[i] * v[3 * i + k] * v[3 * i + k];
                }
            }
            double target = 1.5 * n * KB_HARTREE * temperature;
            double scale = Math.sqrt(target / ekin);
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return v;
    }

    /** xtb's {@code mdrestart} text for positions {@code s} (Å, converted to bohr) and velocities. */
    public static String mdrestart(Structure s, double[] velocities) {
        StringBuilder sb = new StringBuilder(" -1.0\n");
        double[] x = s.positions();
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                sb.append(String.format(Locale.ROOT, "%22.14E", x[3 * i + k] / Units.BOHR_ANGSTROM));
            }
            for (int k = 0; k < 3; k++) {
                sb.append(String.format(Locale.ROOT, "%22.14E", velocities[3 * i + k]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static double[] masses(Structure s, int hydrogenMass) {
        double[] m = new double[s.size()];
        for (int i = 0; i < m.length; i++) {
            int z = s.atomicNumbers()[i];
            m[i] = (z == 1 ? hydrogenMass : Element.ofZ(z).mass()) * AMU_ME;
        }
        return m;
    }
}

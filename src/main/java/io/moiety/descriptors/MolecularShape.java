package io.moiety.descriptors;

import io.moiety.chem.Structure;
import io.moiety.chem.Units;

/**
 * Size descriptors of a 3D structure that need no wavefunction:
 * <ul>
 * <li>{@link #volume}: the van der Waals volume, the volume of the union of atomic spheres with
 *     Bondi radii (Å), integrated on a cubic grid;</li>
 * <li>{@link #spatialExtent}: the electronic spatial extent ⟨R²⟩ approximated by point electron
 *     populations at the nuclei, Σ_A n_A |R_A − R_c|², with n_A = Z_A − q_A (q_A the atomic
 *     partial charge) and R_c the centre of the electron populations. The atoms' own ⟨r²⟩ is left
 *     out, so the value is below the full electronic ⟨R²⟩ by a roughly size-proportional amount.</li>
 * </ul>
 */
public final class MolecularShape {
    private MolecularShape() {}

    /** Bondi (1964) van der Waals radius (Å); 2.0 Å for elements without a Bondi value. */
    public static double vdwRadius(int z) {
        return switch (z) {
            case 1 -> 1.20;
            case 2 -> 1.40;
            case 5 -> 1.92;
            case 6 -> 1.70;
            case 7 -> 1.55;
            case 8 -> 1.52;
            case 9 -> 1.47;
            case 10 -> 1.54;
            case 14 -> 2.10;
            case 15 -> 1.80;
            case 16 -> 1.80;
            case 17 -> 1.75;
            case 18 -> 1.88;
            case 35 -> 1.85;
            case 53 -> 1.98;
            default -> 2.0;
        };
    }

    /**
     * Van der Waals volume (Å³) by counting grid points of spacing {@code step} (Å) inside any
     * atomic sphere (point at the cell centre). The error falls with the step; 0.1 Å gives
     * about 0.1 % for small molecules.
     */
    public static double volume(Structure s, double step) {
        int n = s.size();
        double[] x = s.positions();
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double[] r2 = new double[n];
        for (int a = 0; a < n; a++) {
            double r = vdwRadius(s.atomicNumbers()[a]);
            r2[a] = r * r;
            for (int k = 0; k < 3; k++) {
                lo[k] = Math.min(lo[k], x[3 * a + k] - r);
                hi[k] = Math.max(hi[k], x[3 * a + k] + r);
            }
        }
        int nx = (int) Math.ceil((hi[0] - lo[0]) / step);
        int ny = (int) Math.ceil((hi[1] - lo[1]) / step);
        int nz = (int) Math.ceil((hi[2] - lo[2]) / step);
        long inside = 0;
        for (int i = 0; i < nx; i++) {
            double px = lo[0] + (i + 0.5) * step;
            for (int j = 0; j < ny; j++) {
                double py = lo[1] + (j + 0.5) * step;
                for (int k = 0; k < nz; k++) {
                    double pz = lo[2] + (k + 0.5) * step;
                    for (int a = 0; a < n; a++) {
                        double dx = px - x[3 * a];
                        double dy = py - x[3 * a + 1];
                        double dz = pz - x[3 * a + 2];
                        if (dx * dx + dy * dy + dz * dz <= r2[a]) {
                            inside++;
                            break;
                        }
                    }
                }
            }
        }
        return inside * step * step * step;
    }

    /** Approximate electronic spatial extent ⟨R²⟩ (bohr²) from atomic partial charges (e). */
    public static double spatialExtent(Structure s, double[] charges) {
        int n = s.size();
        double[] x = s.positions();
        double total = 0;
        double[] c = new double[3];
        double[] pop = new double[n];
        for (int a = 0; a < n; a++) {
            pop[a] = s.atomicNumbers()[a] - charges[a];
            total += pop[a];
            for (int k = 0; k < 3; k++) {
                c[k] += pop[a] * x[3 * a + k];
            }
        }
        for (int k = 0; k < 3; k++) {
            c[k] /= total;
        }
        double sum = 0;
        for (int a = 0; a < n; a++) {
            double d2 = 0;
            for (int k = 0; k < 3; k++) {
                double d = x[3 * a + k] - c[k];
                d2 += d * d;
            }
            sum += pop[a] * d2;
        }
        return sum / (Units.BOHR_ANGSTROM * Units.BOHR_ANGSTROM);
    }
}

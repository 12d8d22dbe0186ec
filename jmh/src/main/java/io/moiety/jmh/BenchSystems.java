package io.moiety.jmh;

import io.moiety.chem.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic benchmark geometries (Å): ideal all-trans n-alkanes, and hexane molecules packed
 * on a lattice at the number density of liquid hexane (0.655 g/cm³ ≈ 0.0916 atoms/Å³), either as
 * a cluster in vacuum or as a periodic box. Bond lengths C–C 1.53 Å, C–H 1.09 Å, tetrahedral
 * angles; each molecule is turned about its chain axis by a seeded random angle. The closest
 * intermolecular H–H contacts are about 1.6–2 Å (a lattice, not an equilibrated liquid): good
 * for timing, where only the density and the neighbour counts matter, not for physics.
 */
public final class BenchSystems {
    /** Lattice spacing along the chain and across it (Å); 20 atoms per 218.4 Å³ cell. */
    static final double AX = 9.6;
    static final double AYZ = 4.77;
    private static final double CC = 1.53;
    private static final double CH = 1.09;
    private static final double HALF_ANGLE = Math.toRadians(109.4712 / 2);

    private BenchSystems() {}

    /**
     * All-trans CₙH₂ₙ₊₂ with the carbon backbone along x in the xy plane, centred at the origin
     * and turned by {@code phi} (radians) about the x axis. Carbons first, then hydrogens.
     */
    public static Structure alkane(int carbons, double phi) {
        if (carbons < 1) {
            throw new IllegalArgumentException("an alkane needs at least one carbon, got " + carbons);
        }
        double dx = CC * Math.sin(HALF_ANGLE);
        double dy = CC * Math.cos(HALF_ANGLE);
        double hy = CH * Math.cos(HALF_ANGLE);
        double hz = CH * Math.sin(HALF_ANGLE);
        int n = 3 * carbons + 2;
        int[] z = new int[n];
        double[] x = new double[3 * n];
        double cx = (carbons - 1) * dx / 2;
        double cy = carbons > 1 ? dy / 2 : 0;
        int h = carbons;
        for (int i = 0; i < carbons; i++) {
            z[i] = 6;
            double y = (i % 2 == 0) ? 0 : dy;
            set(x, i, i * dx - cx, y - cy, 0);
            double away = (i % 2 == 0) ? -1 : 1; // in-plane direction pointing away from the neighbours
            for (int s = -1; s <= 1; s += 2) {
                z[h] = 1;
                set(x, h++, i * dx - cx, y - cy + away * hy, s * hz);
            }
            if (i == 0 || i == carbons - 1) { // terminal methyl: third H where the next carbon would be
                int k = i == 0 ? -1 : carbons;
                double ky = (Math.floorMod(k, 2) == 0) ? 0 : dy;
                double ux = (k * dx - i * dx) / CC;
                double uy = (ky - y) / CC;
                if (carbons == 1 && i == 0) { // methane: the fourth H opposite the first
                    z[h] = 1;
                    set(x, h++, i * dx - cx + CH * ux, y - cy + CH * uy, 0);
                    z[h] = 1;
                    set(x, h++, i * dx - cx - CH * ux, y - cy + CH * uy, 0);
                    break;
                }
                z[h] = 1;
                set(x, h++, i * dx - cx + CH * ux, y - cy + CH * uy, 0);
            }
        }
        rotateX(x, phi);
        return Structure.molecule(z, x);
    }

    /** {@code atoms/20} hexanes at liquid density in vacuum ({@code atoms} a multiple of 20). */
    public static Structure hexaneCluster(int atoms, long seed) {
        return packed(atoms, seed, false);
    }

    /** {@code atoms/20} hexanes at liquid density in a periodic orthorhombic box. */
    public static Structure hexaneBox(int atoms, long seed) {
        return packed(atoms, seed, true);
    }

    /** {@code cluster} or {@code box} of {@code atoms} atoms. */
    public static Structure system(String kind, int atoms) {
        return switch (kind) {
            case "cluster" -> hexaneCluster(atoms, 42);
            case "box" -> hexaneBox(atoms, 42);
            default -> throw new IllegalArgumentException("unknown system '" + kind + "' (cluster, box)");
        };
    }

    /**
     * A batch of separate small molecules: propane, butane, pentane, hexane repeated
     * (11, 14, 17, 20 atoms), each turned by a seeded random angle.
     */
    public static List<Structure> alkaneBatch(int molecules, long seed) {
        Random rng = new Random(seed);
        List<Structure> out = new ArrayList<>(molecules);
        for (int k = 0; k < molecules; k++) {
            out.add(alkane(3 + k % 4, 2 * Math.PI * rng.nextDouble()));
        }
        return out;
    }

    /** Lattice counts {nx, ny, nz} with at least {@code molecules} sites and the most compact box. */
    static int[] lattice(int molecules) {
        int[] best = null;
        double bestLen = Double.MAX_VALUE;
        int bestSites = Integer.MAX_VALUE;
        for (int nx = 1; nx <= molecules; nx++) {
            for (int ny = 1; ny <= molecules; ny++) {
                int nz = (molecules + nx * ny - 1) / (nx * ny);
                double len = Math.max(nx * AX, Math.max(ny, nz) * AYZ);
                int sites = nx * ny * nz;
                if (len < bestLen - 1e-9 || (Math.abs(len - bestLen) < 1e-9 && sites < bestSites)) {
                    best = new int[] {nx, ny, nz};
                    bestLen = len;
                    bestSites = sites;
                }
                if (nx * ny >= molecules) {
                    break;
                }
            }
        }
        return best;
    }

    private static Structure packed(int atoms, long seed, boolean periodic) {
        if (atoms < 20 || atoms % 20 != 0) {
            throw new IllegalArgumentException("atoms must be a positive multiple of 20 (hexanes), got " + atoms);
        }
        int molecules = atoms / 20;
        int[] l = lattice(molecules);
        Random rng = new Random(seed);
        int[] z = new int[atoms];
        double[] x = new double[3 * atoms];
        int a = 0;
        int placed = 0;
        for (int i = 0; i < l[0] && placed < molecules; i++) {
            for (int j = 0; j < l[1] && placed < molecules; j++) {
                for (int k = 0; k < l[2] && placed < molecules; k++) {
                    Structure m = alkane(6, 2 * Math.PI * rng.nextDouble());
                    double[] p = m.positions();
                    for (int q = 0; q < m.size(); q++) {
                        z[a] = m.atomicNumbers()[q];
                        set(x, a, p[3 * q] + (i + 0.5) * AX, p[3 * q + 1] + (j + 0.5) * AYZ, p[3 * q + 2] + (k + 0.5) * AYZ);
                        a++;
                    }
                    placed++;
                }
            }
        }
        double[] cell = periodic ? new double[] {l[0] * AX, 0, 0, 0, l[1] * AYZ, 0, 0, 0, l[2] * AYZ} : null;
        return new Structure(z, x, 0, 1, cell);
    }

    private static void set(double[] x, int i, double a, double b, double c) {
        x[3 * i] = a;
        x[3 * i + 1] = b;
        x[3 * i + 2] = c;
    }

    private static void rotateX(double[] x, double phi) {
        double c = Math.cos(phi);
        double s = Math.sin(phi);
        for (int i = 0; i < x.length; i += 3) {
            double y = x[i + 1];
            double zz = x[i + 2];
            x[i + 1] = c * y - s * zz;
            x[i + 2] = s * y + c * zz;
        }
    }

    /** Smallest interatomic distance (Å), for sanity checks of the geometries. */
    static double minDistance(Structure s) {
        double[] x = s.positions();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < s.size(); i++) {
            for (int j = i + 1; j < s.size(); j++) {
                double d2 = 0;
                for (int k = 0; k < 3; k++) {
                    double d = x[3 * i + k] - x[3 * j + k];
                    d2 += d * d;
                }
                best = Math.min(best, d2);
            }
        }
        return Math.sqrt(best);
    }
}

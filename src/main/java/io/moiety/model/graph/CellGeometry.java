package io.moiety.model.graph;

import io.moiety.chem.Structure;

/**
 * Shared geometry of the neighbour-list builders: wrapped fractional coordinates, cell heights,
 * and the single distance test both builders use, so that they agree bit for bit.
 */
final class CellGeometry {
    final int n;
    final double[] x;       // original positions, Å
    final double[] cell;    // null for molecules
    final double[] frac;    // wrapped fractional coordinates in [0,1) (periodic only)
    final int[] wrap;       // integer wrap offsets w_i, x_i = y_i + w_i·cell (periodic only)
    final double[] height;  // perpendicular cell heights, Å (periodic only)

    CellGeometry(Structure s) {
        n = s.size();
        x = s.positions();
        cell = s.cell();
        if (cell == null) {
            frac = null;
            wrap = null;
            height = null;
            return;
        }
        double[] inv = inverse(cell, s);
        frac = new double[3 * n];
        wrap = new int[3 * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                double f = x[3 * i] * inv[k] + x[3 * i + 1] * inv[3 + k] + x[3 * i + 2] * inv[6 + k];
                int w = (int) Math.floor(f);
                double r = f - w;
                if (r >= 1.0) { // rounding
                    r -= 1.0;
                    w += 1;
                }
                frac[3 * i + k] = r;
                wrap[3 * i + k] = w;
            }
        }
        height = new double[3];
        double vol = Math.abs(det(cell));
        for (int k = 0; k < 3; k++) {
            int a = (k + 1) % 3;
            int b = (k + 2) % 3;
            double[] c = cross(cell, a, b);
            height[k] = vol / Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
        }
    }

    /** Squared length of {@code x_j − x_i + T·cell}; the only distance test used by the builders. */
    double distanceSq(int i, int j, int tx, int ty, int tz) {
        double d2 = 0;
        for (int k = 0; k < 3; k++) {
            double d = x[3 * j + k] - x[3 * i + k];
            if (cell != null) {
                d += tx * cell[k] + ty * cell[3 + k] + tz * cell[6 + k];
            }
            d2 += d * d;
        }
        return d2;
    }

    /** Packs (src, shift) into a sortable key; shifts must lie in [-512, 511]. */
    static long key(int src, int tx, int ty, int tz) {
        if (Math.abs(tx) > 511 || Math.abs(ty) > 511 || Math.abs(tz) > 511) {
            throw new IllegalArgumentException("cell too small for the cutoff: image shift (" + tx + "," + ty + "," + tz + ")");
        }
        return ((long) src << 30) | ((long) (tx + 512) << 20) | ((long) (ty + 512) << 10) | (tz + 512);
    }

    static int keySrc(long key) { return (int) (key >>> 30); }

    static int keyShift(long key, int k) {
        return (int) ((key >>> (20 - 10 * k)) & 1023) - 512;
    }

    private static double det(double[] c) {
        return c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6]) + c[2] * (c[3] * c[7] - c[4] * c[6]);
    }

    private static double[] cross(double[] c, int a, int b) {
        return new double[] {
            c[3 * a + 1] * c[3 * b + 2] - c[3 * a + 2] * c[3 * b + 1],
            c[3 * a + 2] * c[3 * b] - c[3 * a] * c[3 * b + 2],
            c[3 * a] * c[3 * b + 1] - c[3 * a + 1] * c[3 * b]};
    }

    /** Inverse of the row-vector cell matrix: frac = x · inv. */
    private static double[] inverse(double[] c, Structure s) {
        double d = det(c);
        if (Math.abs(d) < 1e-9) {
            throw new IllegalArgumentException("cell of " + s + " is singular (volume " + d + " Å³)");
        }
        double[] inv = new double[9];
        inv[0] = (c[4] * c[8] - c[5] * c[7]) / d;
        inv[1] = (c[2] * c[7] - c[1] * c[8]) / d;
        inv[2] = (c[1] * c[5] - c[2] * c[4]) / d;
        inv[3] = (c[5] * c[6] - c[3] * c[8]) / d;
        inv[4] = (c[0] * c[8] - c[2] * c[6]) / d;
        inv[5] = (c[2] * c[3] - c[0] * c[5]) / d;
        inv[6] = (c[3] * c[7] - c[4] * c[6]) / d;
        inv[7] = (c[1] * c[6] - c[0] * c[7]) / d;
        inv[8] = (c[0] * c[4] - c[1] * c[3]) / d;
        return inv;
    }
}

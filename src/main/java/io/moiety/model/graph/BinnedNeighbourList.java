package io.moiety.model.graph;

import io.moiety.chem.Structure;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * O(N) neighbour list: atoms (and, with a cell, the periodic images within a cutoff of the
 * cell) are binned into cubes at least one cutoff wide, and each atom only tests the 27 bins
 * around its own. Gives exactly the edges of {@link AllPairs}.
 */
public final class BinnedNeighbourList implements NeighbourList {

    @Override
    public Edges build(Structure s, double cutoff) {
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("cutoff must be > 0 Å, got " + cutoff);
        }
        CellGeometry g = new CellGeometry(s);
        Points points = g.cell == null ? Points.atoms(g) : Points.withImages(g, cutoff);
        Bins bins = Bins.of(points, cutoff);
        return search(g, cutoff, points, bins);
    }

    /**
     * The points to bin: the real atoms first (image 0, in atom order, so real atom i is point i),
     * then the periodic ghosts that lie within a cutoff of the cell.
     *
     * @param count     number of points
     * @param atom      atom index of each point
     * @param image     cell image (a, b, c) of each point, {@code [3·count]}
     * @param positions Cartesian position of each point, Å, {@code [3·count]}
     */
    private record Points(int count, int[] atom, int[] image, double[] positions) {

        /** The atoms of a molecule. */
        static Points atoms(CellGeometry g) {
            int[] atom = IntStream.range(0, g.n).toArray();
            return new Points(g.n, atom, new int[3 * g.n], Arrays.copyOf(g.x, 3 * g.n));
        }

        /** The wrapped atoms of a periodic structure, then their images within {@code cutoff} of the cell. */
        static Points withImages(CellGeometry g, double cutoff) {
            int[] range = new int[3];
            double[] pad = new double[3];
            for (int k = 0; k < 3; k++) {
                pad[k] = cutoff / g.height[k] + 1e-9;
                range[k] = (int) Math.ceil(pad[k]);
            }
            Builder out = new Builder(Math.max(16, g.n));
            for (int pass = 0; pass < 2; pass++) { // pass 0: the real atoms (image 0), pass 1: ghosts
                for (int a = -range[0]; a <= range[0]; a++) {
                    for (int b = -range[1]; b <= range[1]; b++) {
                        for (int c = -range[2]; c <= range[2]; c++) {
                            boolean zero = a == 0 && b == 0 && c == 0;
                            if (zero == (pass == 0)) {
                                out.addImage(g, a, b, c, zero ? null : pad);
                            }
                        }
                    }
                }
            }
            return new Points(out.m, out.atom, out.img, out.p);
        }

        /** Growing arrays of points. */
        private static final class Builder {
            int m;
            int[] atom;
            int[] img;
            double[] p;

            Builder(int capacity) {
                atom = new int[capacity];
                img = new int[3 * capacity];
                p = new double[3 * capacity];
            }

            /** Adds image (a, b, c) of every atom; with {@code pad}, only those within pad (fractional) of the cell. */
            void addImage(CellGeometry g, int a, int b, int c, double[] pad) {
                for (int j = 0; j < g.n; j++) {
                    double fa = g.frac[3 * j] + a;
                    double fb = g.frac[3 * j + 1] + b;
                    double fc = g.frac[3 * j + 2] + c;
                    if (pad != null && (fa < -pad[0] || fa > 1 + pad[0] || fb < -pad[1] || fb > 1 + pad[1]
                            || fc < -pad[2] || fc > 1 + pad[2])) {
                        continue;
                    }
                    if (m == atom.length) {
                        atom = Arrays.copyOf(atom, 2 * m);
                        img = Arrays.copyOf(img, 6 * m);
                        p = Arrays.copyOf(p, 6 * m);
                    }
                    atom[m] = j;
                    img[3 * m] = a;
                    img[3 * m + 1] = b;
                    img[3 * m + 2] = c;
                    for (int k = 0; k < 3; k++) {
                        p[3 * m + k] = fa * g.cell[k] + fb * g.cell[3 + k] + fc * g.cell[6 + k];
                    }
                    m++;
                }
            }
        }
    }

    /**
     * The points sorted into a grid of cubic bins, as linked lists.
     *
     * @param perAxis number of bins along x, y, z
     * @param head    first point of each bin (−1: empty)
     * @param next    next point in the same bin (−1: last)
     * @param binOf   bin coordinates of each point, {@code [3·count]}
     */
    private record Bins(int[] perAxis, int[] head, int[] next, int[] binOf) {

        /** Cubes of side ≥ cutoff, coarse enough that there are at most ~8 per point. */
        static Bins of(Points points, double cutoff) {
            int m = points.count();
            double[] p = points.positions();
            double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int q = 0; q < m; q++) {
                for (int k = 0; k < 3; k++) {
                    lo[k] = Math.min(lo[k], p[3 * q + k]);
                    hi[k] = Math.max(hi[k], p[3 * q + k]);
                }
            }
            double side = cutoff * (1 + 1e-9) + 1e-9;
            double vol = 1;
            for (int k = 0; k < 3; k++) {
                vol *= Math.max(hi[k] - lo[k], side);
            }
            side = Math.max(side, Math.cbrt(vol / Math.max(m, 1)));
            int[] nb = new int[3];
            for (int k = 0; k < 3; k++) {
                nb[k] = Math.max(1, (int) Math.floor((hi[k] - lo[k]) / side) + 1);
            }
            int[] head = new int[Math.multiplyExact(Math.multiplyExact(nb[0], nb[1]), nb[2])];
            Arrays.fill(head, -1);
            int[] next = new int[m];
            int[] binOf = new int[3 * m];
            for (int q = m - 1; q >= 0; q--) {
                int bin = 0;
                for (int k = 0; k < 3; k++) {
                    int b = Math.min(nb[k] - 1, (int) Math.floor((p[3 * q + k] - lo[k]) / side));
                    binOf[3 * q + k] = b;
                    bin = bin * nb[k] + b;
                }
                next[q] = head[bin];
                head[bin] = q;
            }
            return new Bins(nb, head, next, binOf);
        }
    }

    /** Offers every point in the 27 bins around each real atom to the edge collector. */
    private static Edges search(CellGeometry g, double cutoff, Points points, Bins bins) {
        int[] nb = bins.perAxis();
        int[] binOf = bins.binOf();
        int[] atom = points.atom();
        int[] img = points.image();
        EdgeCollector out = new EdgeCollector(g, cutoff);
        for (int i = 0; i < g.n; i++) { // real atom i is point i (image 0 comes first, atoms in order)
            int bx = binOf[3 * i];
            int by = binOf[3 * i + 1];
            int bz = binOf[3 * i + 2];
            for (int x = Math.max(0, bx - 1); x <= Math.min(nb[0] - 1, bx + 1); x++) {
                for (int y = Math.max(0, by - 1); y <= Math.min(nb[1] - 1, by + 1); y++) {
                    for (int z = Math.max(0, bz - 1); z <= Math.min(nb[2] - 1, bz + 1); z++) {
                        for (int q = bins.head()[(x * nb[1] + y) * nb[2] + z]; q >= 0; q = bins.next()[q]) {
                            out.offer(i, atom[q], img[3 * q], img[3 * q + 1], img[3 * q + 2]);
                        }
                    }
                }
            }
            out.finishAtom(i);
        }
        return out.edges();
    }
}

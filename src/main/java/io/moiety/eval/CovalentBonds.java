package io.moiety.eval;

import io.moiety.chem.Element;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Bond perception from 3D geometry: atoms i and j are bonded when their distance (Å) is below
 * {@code r_i + r_j + tolerance} with single-bond covalent radii ({@link Element#covalentRadius()}),
 * the rule Jmol and CDK's {@code RebondTool} use. For trajectories a bond is kept when it is present
 * in most of a few frames spread over the trajectory, so one stretched snapshot does not change
 * the graph.
 */
public final class CovalentBonds {
    /** Default tolerance (Å) added to the sum of covalent radii. */
    public static final double TOLERANCE = 0.4;

    private CovalentBonds() {}

    /** Neighbour lists (atom indices, ascending) of one structure. */
    public static int[][] neighbours(Structure s) {
        int n = s.size();
        int[] z = s.atomicNumbers();
        double[] x = s.positions();
        boolean[][] bonded = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            double ri = Element.ofZ(z[i]).covalentRadius();
            for (int j = i + 1; j < n; j++) {
                double cut = ri + Element.ofZ(z[j]).covalentRadius() + TOLERANCE;
                double dx = x[3 * i] - x[3 * j];
                double dy = x[3 * i + 1] - x[3 * j + 1];
                double dz = x[3 * i + 2] - x[3 * j + 2];
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 < cut * cut && d2 > 0.01) {
                    bonded[i][j] = bonded[j][i] = true;
                }
            }
        }
        return toLists(bonded);
    }

    /**
     * Majority-vote graph over up to {@code samples} frames evenly spaced through {@code frames}
     * (all with the same atoms).
     */
    public static int[][] consensus(List<Frame> frames, int samples) {
        if (frames.isEmpty()) {
            return new int[0][];
        }
        int n = frames.get(0).size();
        int k = Math.max(1, Math.min(samples, frames.size()));
        int[][] votes = new int[n][n];
        for (int s = 0; s < k; s++) {
            Frame f = frames.get((int) ((long) s * frames.size() / k));
            int[][] nb = neighbours(f.structure());
            for (int i = 0; i < n; i++) {
                for (int j : nb[i]) {
                    votes[i][j]++;
                }
            }
        }
        boolean[][] bonded = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                bonded[i][j] = 2 * votes[i][j] > k;
            }
        }
        return toLists(bonded);
    }

    private static int[][] toLists(boolean[][] bonded) {
        int n = bonded.length;
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> l = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (bonded[i][j]) {
                    l.add(j);
                }
            }
            out[i] = l.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }
}

package io.moiety.metrics;

import io.moiety.chem.BondPerception;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Bond graphs of benchmark molecules from 3D geometry, through {@link BondPerception} (distance
 * below 1.2 × the sum of single-bond covalent radii). For trajectories a bond is kept when it is
 * present in most of a few frames spread over the trajectory, so one stretched snapshot does not
 * change the graph.
 */
public final class CovalentBonds {
    private CovalentBonds() {}

    /** Neighbour lists (atom indices, ascending) of one structure. */
    public static int[][] neighbours(Structure s) {
        List<List<Integer>> adj = BondPerception.perceive(s).neighbours();
        int[][] out = new int[adj.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = adj.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return out;
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

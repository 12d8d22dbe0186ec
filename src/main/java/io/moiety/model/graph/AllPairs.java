package io.moiety.model.graph;

import io.moiety.chem.Structure;

/**
 * Reference O(N²) neighbour list: tests every pair (and, with a cell, every periodic image
 * that can lie within the cutoff). Exact; use {@link BinnedNeighbourList} for large systems.
 */
public final class AllPairs implements NeighbourList {

    @Override
    public Edges build(Structure s, double cutoff) {
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("cutoff must be > 0 Å, got " + cutoff);
        }
        CellGeometry g = new CellGeometry(s);
        EdgeCollector out = new EdgeCollector(g, cutoff);
        int[] range = new int[3];
        if (g.cell != null) {
            for (int k = 0; k < 3; k++) {
                range[k] = (int) Math.ceil(cutoff / g.height[k]) + 1;
            }
        }
        for (int i = 0; i < g.n; i++) {
            for (int j = 0; j < g.n; j++) {
                for (int a = -range[0]; a <= range[0]; a++) {
                    for (int b = -range[1]; b <= range[1]; b++) {
                        for (int c = -range[2]; c <= range[2]; c++) {
                            out.offer(i, j, a, b, c);
                        }
                    }
                }
            }
            out.finishAtom(i);
        }
        return out.edges();
    }
}

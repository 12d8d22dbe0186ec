package io.moiety.model.graph;

import io.moiety.chem.Structure;

/**
 * Reference O(N²) neighbour list: tests every pair (and, with a cell, every periodic image
 * that can lie within the cutoff). Exact; use {@link CellList} for large systems.
 */
public final class AllPairs implements NeighbourList {

    @Override
    public Edges build(Structure s, double cutoff) {
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("cutoff must be > 0 Å, got " + cutoff);
        }
        CellGeometry g = new CellGeometry(s);
        double c2 = cutoff * cutoff;
        EdgeCollector out = new EdgeCollector();
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
                            int tx = a;
                            int ty = b;
                            int tz = c;
                            if (g.cell != null) { // image a,b,c of wrapped atoms → shift on original positions
                                tx += g.wrap[3 * i] - g.wrap[3 * j];
                                ty += g.wrap[3 * i + 1] - g.wrap[3 * j + 1];
                                tz += g.wrap[3 * i + 2] - g.wrap[3 * j + 2];
                            }
                            if (i == j && tx == 0 && ty == 0 && tz == 0) {
                                continue;
                            }
                            if (g.distanceSq(i, j, tx, ty, tz) < c2) {
                                out.add(CellGeometry.key(j, tx, ty, tz));
                            }
                        }
                    }
                }
            }
            out.finishAtom(i);
        }
        return out.edges();
    }
}

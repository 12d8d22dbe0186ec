package io.moiety.model.graph;

import io.moiety.chem.Structure;

/**
 * Finds all directed atom pairs closer than a cutoff (Å), with periodic images when the
 * structure has a cell. Implementations agree exactly on the edge set and its order.
 */
public interface NeighbourList {

    /** Edges of {@code structure} with distance {@code < cutoff} (Å). */
    Edges build(Structure structure, double cutoff);

    /** The O(N) cell list for large structures, all pairs below 64 atoms (both exact). */
    static NeighbourList auto() {
        return (s, cutoff) -> s.size() < 64 ? new AllPairs().build(s, cutoff) : new CellList().build(s, cutoff);
    }
}

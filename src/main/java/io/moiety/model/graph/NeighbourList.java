package io.moiety.model.graph;

import io.moiety.chem.Structure;
import java.util.List;

/**
 * Finds all directed atom pairs closer than a cutoff (Å), with periodic images when the
 * structure has a cell. Implementations agree exactly on the edge set and its order.
 */
public interface NeighbourList {

    /** Edges of {@code structure} with distance {@code < cutoff} (Å). */
    Edges build(Structure structure, double cutoff);

    /** The O(N) binned list for large structures, all pairs below 64 atoms (both exact). */
    static NeighbourList auto() {
        return (s, cutoff) -> s.size() < 64 ? new AllPairs().build(s, cutoff) : new BinnedNeighbourList().build(s, cutoff);
    }

    /**
     * Mean number of neighbours closer than {@code cutoff} (Å) per atom over all atoms of
     * {@code structures}: directed edges divided by atoms (MACE's {@code avg_num_neighbors}).
     */
    static double meanNeighbours(List<Structure> structures, double cutoff) {
        NeighbourList list = auto();
        long edges = 0;
        long atoms = 0;
        for (Structure s : structures) {
            edges += list.build(s, cutoff).size();
            atoms += s.size();
        }
        if (atoms == 0) {
            throw new IllegalArgumentException("no atoms to count neighbours of");
        }
        return (double) edges / atoms;
    }
}

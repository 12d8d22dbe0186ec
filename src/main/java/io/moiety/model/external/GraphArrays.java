package io.moiety.model.external;

import io.moiety.chem.Structure;
import io.moiety.model.graph.Edges;
import io.moiety.model.graph.NeighbourList;
import java.util.List;

/**
 * Several structures packed as one graph in the layout both deployment conventions use: atoms
 * concatenated, graph {@code g} owning atoms {@code ptr[g]…ptr[g+1]−1}; each directed edge has a
 * sender and a receiver with edge vector {@code x[receiver] − x[sender] + unitShift·cell}
 * (Å), i.e. Moiety's {@link Edges} with receiver = {@code src}, sender = {@code dst}. Molecules
 * get a zero cell and zero shifts.
 *
 * @param positions  {@code [N*3]} Å
 * @param sender     {@code [E]} atom index (global)
 * @param receiver   {@code [E]} atom index (global)
 * @param unitShifts {@code [E*3]} integer cell translations
 * @param shifts     {@code [E*3]} Cartesian shift vectors {@code unitShift·cell} (Å)
 * @param cells      {@code [G*9]} row vectors (Å), zeros for molecules
 * @param pbc        {@code [G*3]} periodic directions
 * @param batch      {@code [N]} graph of each atom
 * @param ptr        {@code [G+1]} first atom of each graph, then N
 */
record GraphArrays(double[] positions, long[] sender, long[] receiver, double[] unitShifts, double[] shifts,
                   double[] cells, boolean[] pbc, long[] batch, long[] ptr) {

    /** Packs {@code structures} with every pair closer than {@code cutoff} (Å). */
    static GraphArrays of(List<Structure> structures, double cutoff, NeighbourList list) {
        int atoms = 0;
        Edges[] edges = new Edges[structures.size()];
        int edgeCount = 0;
        for (int g = 0; g < structures.size(); g++) {
            edges[g] = list.build(structures.get(g), cutoff);
            edgeCount += edges[g].size();
            atoms += structures.get(g).size();
        }
        double[] positions = new double[3 * atoms];
        long[] sender = new long[edgeCount];
        long[] receiver = new long[edgeCount];
        double[] unit = new double[3 * edgeCount];
        double[] shifts = new double[3 * edgeCount];
        double[] cells = new double[9 * structures.size()];
        boolean[] pbc = new boolean[3 * structures.size()];
        long[] batch = new long[atoms];
        long[] ptr = new long[structures.size() + 1];
        int atom = 0;
        int edge = 0;
        for (int g = 0; g < structures.size(); g++) {
            Structure s = structures.get(g);
            System.arraycopy(s.positions(), 0, positions, 3 * atom, 3 * s.size());
            for (int i = 0; i < s.size(); i++) {
                batch[atom + i] = g;
            }
            if (s.periodic()) {
                System.arraycopy(s.cell(), 0, cells, 9 * g, 9);
                pbc[3 * g] = pbc[3 * g + 1] = pbc[3 * g + 2] = true;
            }
            Edges e = edges[g];
            double[] cart = e.shiftVectors(s.cell());
            for (int k = 0; k < e.size(); k++) {
                receiver[edge + k] = atom + e.src()[k];
                sender[edge + k] = atom + e.dst()[k];
                for (int d = 0; d < 3; d++) {
                    unit[3 * (edge + k) + d] = e.shift()[3 * k + d];
                    shifts[3 * (edge + k) + d] = cart[3 * k + d];
                }
            }
            edge += e.size();
            atom += s.size();
            ptr[g + 1] = atom;
        }
        return new GraphArrays(positions, sender, receiver, unit, shifts, cells, pbc, batch, ptr);
    }

    int atoms() { return batch.length; }

    int graphs() { return ptr.length - 1; }

    int edges() { return sender.length; }

    /** {@code [2*E]}: senders then receivers (an {@code edge_index} of shape {@code [2, E]}). */
    long[] edgeIndex() {
        long[] out = new long[2 * sender.length];
        System.arraycopy(sender, 0, out, 0, sender.length);
        System.arraycopy(receiver, 0, out, sender.length, receiver.length);
        return out;
    }
}

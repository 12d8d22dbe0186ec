package io.moiety.train;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * A training mini-batch: the structures a forward pass sees and the labels the loss compares its
 * output with, in the same order.
 *
 * @param structures the structures, in batch order
 * @param energies   reference total energy of each structure, eV
 * @param forces     reference forces of every atom, structure after structure, eV/Å, {@code [3·ΣN]};
 *                   null when a structure has none (energy-only training)
 */
public record LabelledBatch(List<Structure> structures, double[] energies, double[] forces) {

    public LabelledBatch {
        structures = List.copyOf(structures);
        if (energies.length != structures.size()) {
            throw new IllegalArgumentException(energies.length + " energies for " + structures.size() + " structures");
        }
        if (forces != null && forces.length != 3 * atoms(structures)) {
            throw new IllegalArgumentException(forces.length + " force components for " + atoms(structures) + " atoms");
        }
    }

    /** The frames' structures with their energy and (when every frame has them) force labels. */
    public static LabelledBatch of(List<Frame> frames) {
        List<Structure> structures = new ArrayList<>(frames.size());
        double[] energies = new double[frames.size()];
        boolean forces = true;
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            structures.add(f.structure());
            energies[k] = f.energy();
            forces &= f.hasForces();
        }
        double[] f = null;
        if (forces) {
            f = new double[3 * atoms(structures)];
            int off = 0;
            for (Frame fr : frames) {
                System.arraycopy(fr.forces(), 0, f, off, fr.forces().length);
                off += fr.forces().length;
            }
        }
        return new LabelledBatch(structures, energies, f);
    }

    /** Number of structures. */
    public int size() { return structures.size(); }

    /** Number of atoms over all structures. */
    public int atoms() { return atoms(structures); }

    private static int atoms(List<Structure> structures) {
        int n = 0;
        for (Structure s : structures) {
            n += s.size();
        }
        return n;
    }
}

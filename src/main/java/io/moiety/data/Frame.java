package io.moiety.data;

import io.moiety.chem.Structure;
import java.util.Arrays;
import java.util.Map;

/**
 * One labelled configuration: a structure with total energy (eV; {@code NaN} when unlabelled),
 * forces (eV/Å, flattened {@code [N*3]}; null when absent) and free-form per-frame info
 * (extended-XYZ key=value pairs, provenance).
 */
public record Frame(Structure structure, double energy, double[] forces, Map<String, String> info) {

    public Frame {
        if (structure == null) {
            throw new IllegalArgumentException("structure is required");
        }
        if (forces != null && forces.length != structure.positions().length) {
            throw new IllegalArgumentException("forces has " + forces.length + " values for "
                    + structure.size() + " atoms (expected " + structure.positions().length + ")");
        }
        info = info == null ? Map.of() : Map.copyOf(info);
    }

    /** Frame with energy and forces and no extra info. */
    public static Frame of(Structure structure, double energy, double[] forces) {
        return new Frame(structure, energy, forces, Map.of());
    }

    public boolean hasEnergy() { return !Double.isNaN(energy); }

    public boolean hasForces() { return forces != null; }

    /** Number of atoms. */
    public int size() { return structure.size(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && structure.equals(f.structure)
                && Double.compare(energy, f.energy) == 0 && Arrays.equals(forces, f.forces)
                && info.equals(f.info);
    }

    @Override
    public int hashCode() {
        return structure.hashCode() * 31 + Double.hashCode(energy);
    }
}

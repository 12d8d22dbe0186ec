package io.moiety.data;

import java.util.List;

/**
 * One molecule and its frames, as stored in one Moiety HDF5 group.
 *
 * @param id             group name, unique in a dataset (e.g. {@code ethanol} or a canonical SMILES key)
 * @param smiles         canonical SMILES, or empty when unknown (e.g. read from extended XYZ)
 * @param formula        Hill formula
 * @param charge         total charge (e)
 * @param multiplicity   spin multiplicity
 * @param levelOfTheory  reference method, e.g. {@code GFN2-xTB} or {@code PBE/def2-SVP}
 * @param source         where the data came from (file, pipeline and version)
 * @param frames         configurations, all with the same atoms in the same order
 */
public record MoleculeRecord(String id, String smiles, String formula, int charge, int multiplicity,
                             String levelOfTheory, String source, List<Frame> frames) {

    public MoleculeRecord {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("molecule id is required");
        }
        smiles = smiles == null ? "" : smiles;
        levelOfTheory = levelOfTheory == null ? "" : levelOfTheory;
        source = source == null ? "" : source;
        frames = List.copyOf(frames);
    }

    /** Atomic numbers shared by every frame (empty when there are no frames). */
    public int[] atomicNumbers() {
        return frames.isEmpty() ? new int[0] : frames.get(0).structure().atomicNumbers();
    }

    /** The same molecule with other frames. */
    public MoleculeRecord withFrames(List<Frame> newFrames) {
        return new MoleculeRecord(id, smiles, formula, charge, multiplicity, levelOfTheory, source, newFrames);
    }
}

package io.moiety.data;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A collection of molecules, iterated one molecule at a time so a large file never has to be
 * in memory at once. Readers keep the file open until {@link #close()}.
 */
public interface Dataset extends Iterable<MoleculeRecord>, AutoCloseable {

    /** Molecule ids in file order, without reading any frames. */
    List<String> moleculeIds();

    /** One molecule with its frames loaded; throws {@link IllegalArgumentException} for an unknown id. */
    MoleculeRecord molecule(String id);

    @Override
    default Iterator<MoleculeRecord> iterator() {
        Iterator<String> ids = moleculeIds().iterator();
        return new Iterator<>() {
            @Override public boolean hasNext() { return ids.hasNext(); }
            @Override public MoleculeRecord next() { return molecule(ids.next()); }
        };
    }

    /** Everything, loaded: for small datasets and tests. */
    default List<MoleculeRecord> readAll() {
        List<MoleculeRecord> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    @Override
    void close() throws UncheckedIOException;

    /**
     * Per-atom columns present in the file that this reader does not keep (extended-XYZ arrays other
     * than species, positions and the forces key), in file order; writing the molecules elsewhere
     * loses them.
     */
    default List<String> columnsNotRead() {
        return List.of();
    }

    /**
     * The isolated-atom reference energies stored with the molecules (empty when the file has
     * none); they are not molecules and never appear in {@link #moleculeIds()}.
     */
    default IsolatedAtoms isolatedAtoms() {
        return IsolatedAtoms.none("");
    }

    /** A dataset held in memory. */
    static Dataset of(List<MoleculeRecord> molecules) {
        return new InMemoryDataset(molecules, IsolatedAtoms.none(""));
    }

    /** A dataset held in memory, with isolated-atom energies. */
    static Dataset of(List<MoleculeRecord> molecules, IsolatedAtoms isolatedAtoms) {
        return new InMemoryDataset(molecules, isolatedAtoms);
    }
}

package io.moiety.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link Dataset} over molecules already in memory. */
final class InMemoryDataset implements Dataset {
    private final Map<String, MoleculeRecord> byId = new LinkedHashMap<>();
    private final IsolatedAtoms isolatedAtoms;

    InMemoryDataset(List<MoleculeRecord> molecules, IsolatedAtoms isolatedAtoms) {
        this.isolatedAtoms = isolatedAtoms;
        for (MoleculeRecord m : molecules) {
            if (byId.put(m.id(), m) != null) {
                throw new IllegalArgumentException("duplicate molecule id '" + m.id() + "'");
            }
        }
    }

    @Override public List<String> moleculeIds() { return List.copyOf(byId.keySet()); }

    @Override public MoleculeRecord molecule(String id) {
        MoleculeRecord m = byId.get(id);
        if (m == null) {
            throw new IllegalArgumentException("no molecule '" + id + "' in dataset");
        }
        return m;
    }

    @Override public IsolatedAtoms isolatedAtoms() { return isolatedAtoms; }

    @Override public void close() {}
}

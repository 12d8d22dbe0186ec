package io.moiety.task;

import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import java.util.List;

/**
 * The frames of one compositional task divided as in the published benchmark: training
 * molecules' primary trajectories for training; their second trajectories split into validation
 * (first fifth) and in-distribution test (the rest); OOD molecules' primary trajectories for
 * out-of-distribution testing. Each list holds one {@link MoleculeRecord} per molecule.
 * {@code isolatedAtoms} are the dataset's isolated-atom energies (empty when it has none).
 */
public record TaskSplit(String task, List<MoleculeRecord> train, List<MoleculeRecord> validation,
                        List<MoleculeRecord> idTest, List<MoleculeRecord> ood, IsolatedAtoms isolatedAtoms) {
    public TaskSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        idTest = List.copyOf(idTest);
        ood = List.copyOf(ood);
        isolatedAtoms = isolatedAtoms == null ? IsolatedAtoms.none("") : isolatedAtoms;
    }

    /** A split of data without isolated-atom energies. */
    public TaskSplit(String task, List<MoleculeRecord> train, List<MoleculeRecord> validation,
                     List<MoleculeRecord> idTest, List<MoleculeRecord> ood) {
        this(task, train, validation, idTest, ood, null);
    }
}

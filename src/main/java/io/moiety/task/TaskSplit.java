package io.moiety.task;

import io.moiety.data.MoleculeRecord;
import java.util.List;

/**
 * The frames of one compositional task divided as in the published benchmark: training
 * molecules' primary trajectories for training; their second trajectories split into validation
 * (first fifth) and in-distribution test (the rest); OOD molecules' primary trajectories for
 * out-of-distribution testing. Each list holds one {@link MoleculeRecord} per molecule.
 */
public record TaskSplit(String task, List<MoleculeRecord> train, List<MoleculeRecord> validation,
                        List<MoleculeRecord> idTest, List<MoleculeRecord> ood) {
    public TaskSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        idTest = List.copyOf(idTest);
        ood = List.copyOf(ood);
    }
}

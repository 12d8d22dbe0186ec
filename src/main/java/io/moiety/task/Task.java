package io.moiety.task;

import java.util.List;

/**
 * A compositional task as defined in {@code tasks/NAME.yaml}: molecules with roles, the sampling
 * settings the data were generated with, and where the definition came from.
 */
public record Task(String name, String description, Sampling sampling, List<TaskMolecule> molecules, String source) {

    public Task {
        molecules = List.copyOf(molecules);
    }

    /** Molecules with {@code role}. */
    public List<TaskMolecule> molecules(Role role) {
        return molecules.stream().filter(m -> m.role() == role).toList();
    }

    /** Dataset id of the secondary (validation / ID test) trajectory of molecule {@code name}. */
    public static String secondaryId(String name) {
        return name + TaskSplitter.SECONDARY_SUFFIX;
    }
}

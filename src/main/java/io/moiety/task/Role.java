package io.moiety.task;

import java.util.Locale;

/** What a molecule is for in a task: trained on, or held out as out-of-distribution test. */
public enum Role {
    TRAIN, OOD;

    /** Lower-case name as written in task YAML ({@code train}, {@code ood}). */
    public String yamlName() { return name().toLowerCase(Locale.ROOT); }
}

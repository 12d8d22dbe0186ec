package io.moiety.label;

import java.util.Locale;

/** The two independent MD trajectories a molecule can have. */
public enum Trajectory {
    /** Long trajectory: training frames of training molecules, test frames of OOD molecules. */
    PRIMARY,
    /** Independent shorter trajectory of training molecules: validation and in-distribution test. */
    SECONDARY;

    /** Lower-case name used in file names and frame info. */
    public String label() { return name().toLowerCase(Locale.ROOT); }
}

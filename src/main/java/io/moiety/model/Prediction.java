package io.moiety.model;

/**
 * A model's output for one frame: total energy (eV) and forces (eV/Å, flattened {@code [N*3]};
 * null for energy-only models such as the group-additivity baseline).
 */
public record Prediction(double energy, double[] forces) {
    public boolean hasForces() { return forces != null; }
}

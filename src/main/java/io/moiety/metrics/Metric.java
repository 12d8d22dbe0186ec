package io.moiety.metrics;

/**
 * The error measures reported per task, model, seed and split. Energies are totals per frame
 * (eV) unless the key says {@code per_atom} (eV/atom); forces are Cartesian components (eV/Å).
 * "std" is the standard deviation of the reference over the split, so {@code *_rmse_over_std}
 * is 1 for a model that predicts the split's mean.
 */
public enum Metric {
    ENERGY_MAE("energy_mae", "E MAE", "eV", false, true),
    ENERGY_RMSE("energy_rmse", "E RMSE", "eV", false, true),
    ENERGY_MAE_PER_ATOM("energy_mae_per_atom", "E MAE/atom", "eV/atom", false, true),
    ENERGY_RMSE_PER_ATOM("energy_rmse_per_atom", "E RMSE/atom", "eV/atom", false, true),
    ENERGY_STD("energy_std", "σ(E)", "eV", false, false),
    ENERGY_RMSE_OVER_STD("energy_rmse_over_std", "E RMSE/σ", "", false, true),
    ENERGY_RMSE_PER_ATOM_OVER_STD("energy_rmse_per_atom_over_std", "E/atom RMSE/σ", "", false, true),
    FORCE_MAE("force_mae", "F MAE", "eV/Å", true, true),
    FORCE_RMSE("force_rmse", "F RMSE", "eV/Å", true, true),
    FORCE_STD("force_std", "σ(F)", "eV/Å", true, false),
    FORCE_RMSE_OVER_STD("force_rmse_over_std", "F RMSE/σ", "", true, true),
    FORCE_COSINE("force_cosine", "F cos", "", true, false);

    private final String key;
    private final String label;
    private final String unit;
    private final boolean needsForces;
    private final boolean isError;

    Metric(String key, String label, String unit, boolean needsForces, boolean isError) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.needsForces = needsForces;
        this.isError = isError;
    }

    /** snake_case key used in JSON and CSV. */
    public String key() { return key; }

    /** Short column header for tables. */
    public String label() { return label; }

    /** Unit, empty for dimensionless numbers. */
    public String unit() { return unit; }

    /** Whether the metric is undefined for energy-only models. */
    public boolean needsForces() { return needsForces; }

    /** Whether it is an error (lower is better) for which an OOD/ID ratio is meaningful. */
    public boolean isError() { return isError; }

    /** Metric by JSON key; throws naming the valid keys. */
    public static Metric ofKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + key + "'");
    }
}

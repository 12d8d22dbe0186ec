package io.moiety.eval;

/** The two evaluation splits of a task. */
public enum Split {
    /** In-distribution test: training molecules' independent second trajectories (after validation). */
    ID("id", "ID"),
    /** Out-of-distribution: molecules never trained on. */
    OOD("ood", "OOD");

    private final String key;
    private final String label;

    Split(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** Lower-case key for JSON, CSV and file names. */
    public String key() { return key; }

    /** Label for tables. */
    public String label() { return label; }

    public static Split ofKey(String key) {
        for (Split s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown split '" + key + "' (id, ood)");
    }
}

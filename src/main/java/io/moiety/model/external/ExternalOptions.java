package io.moiety.model.external;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to run a deployed TorchScript potential; every field may be left to the file.
 *
 * @param convention input convention, or null to tell from the file
 * @param cutoff     neighbour cutoff (Å), or NaN for the model's own ({@code r_max})
 * @param elements   element symbols in the model's type order (MACE: one-hot columns; NequIP:
 *                   type indices), or empty for the model's own table
 * @param dtype      {@code float32} or {@code float64}, or null for the model's own
 * @param batchSize  structures per forward call (≥ 1)
 */
public record ExternalOptions(Convention convention, double cutoff, List<String> elements, String dtype, int batchSize) {
    /** Keys a suite's model entry may set for a TorchScript potential (under {@code overrides:}). */
    public static final Set<String> KEYS = new TreeSet<>(List.of("torchscript", "convention", "cutoff", "elements",
            "dtype", "batch_size"));

    public ExternalOptions {
        elements = elements == null ? List.of() : List.copyOf(elements);
        if (!Double.isNaN(cutoff) && !(cutoff > 0)) {
            throw new IllegalArgumentException("cutoff must be > 0 Å, got " + cutoff);
        }
        if (dtype != null && !dtype.equals("float32") && !dtype.equals("float64")) {
            throw new IllegalArgumentException("dtype must be float32 or float64, got '" + dtype + "'");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        }
    }

    /** Everything from the file; 16 structures per call. */
    public static ExternalOptions defaults() {
        return new ExternalOptions(null, Double.NaN, List.of(), null, 16);
    }

    /**
     * Options from dotted-key settings (a suite model's {@code overrides}); {@code torchscript}
     * (the file) is accepted and ignored here. Unknown keys are rejected, naming the valid ones.
     *
     * @param where names the settings in errors
     */
    public static ExternalOptions fromSettings(Map<String, String> settings, String where) {
        List<String> unknown = new ArrayList<>();
        for (String k : settings.keySet()) {
            if (!KEYS.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ": unknown key(s) " + unknown + " for a TorchScript potential (valid: "
                    + String.join(", ", KEYS) + ")");
        }
        ExternalOptions d = defaults();
        try {
            return new ExternalOptions(
                    settings.containsKey("convention") ? Convention.parse(settings.get("convention")) : d.convention(),
                    settings.containsKey("cutoff") ? Double.parseDouble(settings.get("cutoff")) : d.cutoff(),
                    settings.containsKey("elements") ? symbols(settings.get("elements")) : d.elements(),
                    settings.get("dtype"),
                    settings.containsKey("batch_size") ? Integer.parseInt(settings.get("batch_size").trim()) : d.batchSize());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** {@code "H,C,O"} or {@code "H C O"} → [H, C, O]. */
    public static List<String> symbols(String s) {
        return Arrays.stream(s.trim().split("[,\\s]+")).filter(x -> !x.isEmpty()).toList();
    }
}

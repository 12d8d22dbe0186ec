package io.moiety.task;

import io.moiety.label.MdSettings;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a task's data were sampled with {@code xtb --md}: thermostat temperature (K), time step
 * (fs), hydrogen mass (amu), SHAKE level, initial-velocity temperature factor, and per scale
 * the trajectory lengths.
 */
public record Sampling(double temperature, double stepFs, int hydrogenMass, int shake,
                       double initialTemperatureFactor, Map<String, ScaleSettings> scales) {

    public Sampling {
        scales = Map.copyOf(new TreeMap<>(scales));
    }

    /** Settings of {@code scale}; throws listing the valid scales. */
    public ScaleSettings scale(String scale) {
        ScaleSettings s = scales.get(scale);
        if (s == null) {
            throw new IllegalArgumentException("unknown scale '" + scale + "'; valid: " + String.join(", ", new TreeMap<>(scales).keySet()));
        }
        return s;
    }

    /** MD settings of the primary ({@code secondary=false}) or secondary trajectory at {@code scale}. */
    public MdSettings md(String scale, boolean secondary) {
        ScaleSettings s = scale(scale);
        return new MdSettings(s.mdMethod(), temperature, stepFs, s.equilibrationFs(), s.dumpFs(),
                secondary ? s.secondaryFrames() : s.primaryFrames(), hydrogenMass, shake, initialTemperatureFactor);
    }
}

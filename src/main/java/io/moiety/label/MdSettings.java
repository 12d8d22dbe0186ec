package io.moiety.label;

import java.io.Serializable;
import java.util.Locale;

/**
 * Settings of one xtb molecular-dynamics run used for sampling (NVT, Berendsen thermostat as
 * implemented by {@code xtb --md}). The snapshots are always labelled with GFN2-xTB; the MD
 * itself may run on a cheaper xtb Hamiltonian ({@code gfnff}) to save time.
 *
 * @param method          xtb Hamiltonian of the MD: {@code gfn2}, {@code gfn1}, {@code gfn0} or {@code gfnff}
 * @param temperature     thermostat temperature (K)
 * @param stepFs          time step (fs); 0.5 fs with the real hydrogen mass
 * @param equilibrationFs time simulated and discarded before the first kept snapshot (fs)
 * @param dumpFs          spacing of kept snapshots (fs); a multiple of {@code stepFs}
 * @param frames          number of snapshots kept
 * @param hydrogenMass    hydrogen mass given to xtb's {@code hmass} (amu); 1 = real hydrogen
 * @param shake           xtb {@code shake} level (0 = off, so X–H vibrations are sampled)
 * @param initialTemperatureFactor initial Maxwell–Boltzmann velocities are drawn at this multiple
 *                        of {@code temperature}; 2 compensates equipartition from a minimum
 */
public record MdSettings(String method, double temperature, double stepFs, double equilibrationFs, double dumpFs,
                         int frames, int hydrogenMass, int shake, double initialTemperatureFactor) implements Serializable {

    public MdSettings {
        if (method == null || !java.util.List.of("gfn2", "gfn1", "gfn0", "gfnff").contains(method)) {
            throw new IllegalArgumentException("MD method must be one of gfn2, gfn1, gfn0, gfnff; got '" + method + "'");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0 K, got " + temperature);
        }
        if (!(stepFs > 0) || stepFs > 5) {
            throw new IllegalArgumentException("time step must be in (0, 5] fs, got " + stepFs);
        }
        if (!(dumpFs > 0) || Math.abs(dumpFs / stepFs - Math.rint(dumpFs / stepFs)) > 1e-9) {
            throw new IllegalArgumentException("dump interval " + dumpFs + " fs must be a positive multiple of the step " + stepFs + " fs");
        }
        if (equilibrationFs < 0 || Math.abs(equilibrationFs / dumpFs - Math.rint(equilibrationFs / dumpFs)) > 1e-9) {
            throw new IllegalArgumentException("equilibration " + equilibrationFs + " fs must be a non-negative multiple of the dump interval " + dumpFs + " fs");
        }
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be ≥ 1, got " + frames);
        }
        if (hydrogenMass < 1) {
            throw new IllegalArgumentException("hydrogen mass must be ≥ 1 amu, got " + hydrogenMass);
        }
        if (shake < 0 || shake > 2) {
            throw new IllegalArgumentException("shake must be 0, 1 or 2, got " + shake);
        }
        if (!(initialTemperatureFactor > 0)) {
            throw new IllegalArgumentException("initial temperature factor must be > 0");
        }
    }

    /** Same settings with another number of kept frames. */
    public MdSettings withFrames(int n) {
        return new MdSettings(method, temperature, stepFs, equilibrationFs, dumpFs, n, hydrogenMass, shake, initialTemperatureFactor);
    }

    /** Snapshots dumped during equilibration and discarded. */
    public int discardedFrames() {
        return (int) Math.rint(equilibrationFs / dumpFs);
    }

    /** Total simulated time (fs). */
    public double totalFs() {
        return equilibrationFs + frames * dumpFs;
    }

    /** MD steps xtb integrates. */
    public long steps() {
        return Math.round(totalFs() / stepFs);
    }

    /** The xtb detailed-input ({@code --input}) block; {@code restart=true} reads our velocities. */
    public String xcontrol() {
        return String.format(Locale.ROOT, """
                $md
                   temp=%.6f
                   time=%.6f
                   dump=%.6f
                   step=%.6f
                   hmass=%d
                   shake=%d
                   nvt=true
                   restart=true
                $end
                """, temperature, totalFs() / 1000.0, dumpFs, stepFs, hydrogenMass, shake);
    }

    /** A stable text of every setting, for work-directory keys and provenance. */
    public String key() {
        return String.format(Locale.ROOT, "MD %s, T=%s K, step=%s fs, equilibration=%s fs, dump=%s fs, frames=%d, hmass=%d, shake=%d, v0 at %s T",
                method, fmt(temperature), fmt(stepFs), fmt(equilibrationFs), fmt(dumpFs), frames, hydrogenMass, shake, fmt(initialTemperatureFactor));
    }

    /** xtb command-line flags selecting the MD Hamiltonian. */
    public java.util.List<String> methodFlags() {
        return switch (method) {
            case "gfnff" -> java.util.List.of("--gfnff");
            default -> java.util.List.of("--gfn", method.substring(3));
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

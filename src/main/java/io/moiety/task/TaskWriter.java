package io.moiety.task;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes a task as task YAML that {@link TaskLoader} reads back to an equal task (e.g. generated hint variants). */
public final class TaskWriter {
    private TaskWriter() {}

    /** The task file text; {@code comment} (may be empty) heads it as # lines. */
    public static String yaml(Task task, String comment) {
        StringBuilder sb = new StringBuilder();
        for (String line : comment.lines().toList()) {
            sb.append("# ").append(line).append('\n');
        }
        sb.append("name: ").append(task.name()).append('\n');
        sb.append("description: >\n  ").append(task.description()).append('\n');
        Sampling s = task.sampling();
        sb.append("sampling:\n");
        sb.append("  temperature_K: ").append(number(s.temperature())).append('\n');
        sb.append("  step_fs: ").append(number(s.stepFs())).append('\n');
        sb.append("  hydrogen_mass_amu: ").append(s.hydrogenMass()).append('\n');
        sb.append("  shake: ").append(s.shake()).append('\n');
        sb.append("  initial_temperature_factor: ").append(number(s.initialTemperatureFactor())).append('\n');
        sb.append("  scales:\n");
        for (Map.Entry<String, ScaleSettings> e : new TreeMap<>(s.scales()).entrySet()) {
            ScaleSettings c = e.getValue();
            sb.append("    ").append(e.getKey()).append(":\n");
            sb.append("      md_method: ").append(c.mdMethod()).append('\n');
            sb.append("      equilibration_fs: ").append(number(c.equilibrationFs())).append('\n');
            sb.append("      dump_fs: ").append(number(c.dumpFs())).append('\n');
            sb.append("      primary_frames: ").append(c.primaryFrames()).append('\n');
            sb.append("      secondary_frames: ").append(c.secondaryFrames()).append('\n');
        }
        sb.append("molecules:\n");
        for (TaskMolecule m : task.molecules()) {
            sb.append(String.format(Locale.ROOT, "  - {name: \"%s\", smiles: \"%s\", role: %s}%n", m.name(), m.smiles(), m.role().yamlName()));
        }
        return sb.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

package io.moiety.task;

import io.moiety.chem.FeatureSpan;
import io.moiety.chem.FragmentNames;
import io.moiety.chem.SmilesGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a task's training molecules determine the energies of its OOD molecules under the
 * additive model of group additivity: a contribution per heavy-atom chemical environment (element,
 * number of hydrogens, bonded heavy elements; {@code MolecularGraph#heavyAtomEnvironments}), which
 * also fixes the per-element reference energies since element counts are sums of environment
 * counts. An OOD molecule's energy is determined when its environment counts are a linear
 * combination of the training molecules' ({@link FeatureSpan}); otherwise no amount of training
 * on these molecules pins it down, and the reasons say why in chemical terms.
 *
 * @param task      task name
 * @param training  number of training molecules
 * @param rank      independent combinations of environment contributions the training energies fix
 * @param molecules one verdict per checked molecule, in task order
 */
public record Identifiability(String task, int training, int rank, List<Verdict> molecules) {

    /**
     * One checked molecule.
     *
     * @param name       dataset id
     * @param smiles     SMILES
     * @param determined whether its energy is determined by the training molecules
     * @param reasons    why not, one sentence each (empty when determined)
     */
    public record Verdict(String name, String smiles, boolean determined, List<String> reasons) {}

    public Identifiability {
        molecules = List.copyOf(molecules);
    }

    /** The task's OOD molecules checked against its training molecules. */
    public static Identifiability of(Task task) {
        return of(task.name(), task.molecules(Role.TRAIN), task.molecules(Role.OOD));
    }

    /** {@code checked} against the span of {@code training}. */
    public static Identifiability of(String task, List<TaskMolecule> training, List<TaskMolecule> checked) {
        FeatureSpan span = span(training);
        List<Verdict> out = new ArrayList<>();
        for (TaskMolecule m : checked) {
            FeatureSpan.Check c = span.check(environments(m.smiles()));
            out.add(new Verdict(m.name(), m.smiles(), c.determined(), reasons(c)));
        }
        return new Identifiability(task, training.size(), span.rank(), out);
    }

    /** The span of the molecules' environment counts. */
    public static FeatureSpan span(List<TaskMolecule> molecules) {
        return FeatureSpan.of(molecules.stream().map(m -> environments(m.smiles())).toList());
    }

    /** Heavy-atom environment counts of a molecule, e.g. {@code C(H3;C)=1, C(H2;C,C)=4}. */
    public static Map<String, Integer> environments(String smiles) {
        return SmilesGraph.parse(smiles).graph().heavyAtomEnvironments();
    }

    /** How many checked molecules are determined. */
    public int determined() {
        return (int) molecules.stream().filter(Verdict::determined).count();
    }

    /** Plain-text report: one line per molecule, reasons indented below. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s: %d of %d OOD molecules determined by the %d training molecules "
                + "(rank %d of their environment counts)", task, determined(), molecules.size(), training, rank));
        for (Verdict v : molecules) {
            out.add(String.format(Locale.ROOT, "  %-14s %-26s %s", v.determined() ? "determined" : "NOT determined", v.name(), v.smiles()));
            for (String r : v.reasons()) {
                out.add("      " + r);
            }
        }
        return out;
    }

    /** The reasons in words: unseen environments first, then the broken training relations. */
    static List<String> reasons(FeatureSpan.Check c) {
        List<String> out = new ArrayList<>();
        if (c.determined()) {
            return out;
        }
        for (List<String> u : c.unseen()) {
            out.add(unit(u) + " never occurs in training: its energy contribution is unknown");
        }
        for (FeatureSpan.Relation r : c.relations()) {
            out.add(sentence(r));
        }
        if (out.isEmpty()) {
            out.add(String.format(Locale.ROOT, "its environment counts lie %.3g outside the span of the training molecules' "
                    + "along a combination of more than %d groups", c.distance(), FeatureSpan.MAX_SUPPORT));
        }
        return out;
    }

    private static String sentence(FeatureSpan.Relation r) {
        double[] c = r.coefficients();
        if (c.length == 2 && c[0] == -c[1]) {
            String a = unit(r.units().get(0));
            String b = unit(r.units().get(1));
            return String.format(Locale.ROOT, "%s and %s always occur together in training (as many %s as %s): "
                    + "their energies are only known as a sum; here %s %s, %s %s", a, b, shortName(r, 0), shortName(r, 1),
                    count(r.counts()[0]), shortName(r, 0), count(r.counts()[1]), shortName(r, 1));
        }
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        StringBuilder here = new StringBuilder();
        for (int k = 0; k < c.length; k++) {
            StringBuilder side = c[k] > 0 ? left : right;
            side.append(side.length() == 0 ? "" : " + ").append(coefficient(Math.abs(c[k]))).append("n(").append(unit(r.units().get(k))).append(')');
            here.append(here.length() == 0 ? "" : ", ").append(count(r.counts()[k])).append(' ').append(shortName(r, k));
        }
        return "every training molecule has " + left + " = " + (right.length() == 0 ? "0" : right)
                + ", so only combinations of these contributions that respect it are known; here " + here;
    }

    /** The unit's name, with its environment labels when the name is a group's (COOH [C(H0;C,O,O) O(H0;C) O(H1;C)]). */
    private static String unit(List<String> environments) {
        String name = FragmentNames.of(environments);
        return FragmentNames.isGroup(environments) || !name.contains("+") && !name.equals(environments.get(0))
                ? name + " [" + String.join(" ", environments) + "]" : name;
    }

    private static String shortName(FeatureSpan.Relation r, int k) {
        return FragmentNames.of(r.units().get(k));
    }

    private static String coefficient(double a) {
        return a == 1 ? "" : count(a) + "·";
    }

    private static String count(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }
}

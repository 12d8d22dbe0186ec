package io.moiety.task;

import io.moiety.chem.FeatureSpan;
import io.moiety.chem.SmilesGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The fewest hint molecules from a candidate library that, added to a task's training molecules,
 * make its OOD molecules' energies determined ({@link Identifiability}) and cover their chemical
 * environments. Greedy: each step adds the candidate that leaves the most OOD molecules
 * determined, then the fewest undetermined directions (the rank the OOD molecules add to the
 * training span), then the fewest OOD environments unseen, then has the fewest heavy atoms (the
 * cheapest to label); it stops when every OOD molecule is determined or no candidate improves.
 *
 * @param task       task name
 * @param candidates library molecules considered (those not already in the task)
 * @param ood        number of OOD molecules
 * @param before     the task's score without hints
 * @param steps      the chosen hints in order, each with the score after it
 */
public record HintSelection(String task, int candidates, int ood, Score before, List<Step> steps) {

    /**
     * How far a training set is from determining the OOD molecules.
     *
     * @param determined OOD molecules whose energy is determined
     * @param gap        undetermined directions: rank(training + OOD) − rank(training)
     * @param unseen     OOD environments no training molecule has
     */
    public record Score(int determined, int gap, int unseen) {
        /** Better: more determined, then smaller gap, then fewer unseen environments. */
        boolean betterThan(Score o) {
            return determined != o.determined ? determined > o.determined : gap != o.gap ? gap < o.gap : unseen < o.unseen;
        }
    }

    /**
     * One chosen hint.
     *
     * @param molecule        the hint
     * @param after           score with it and the hints before it
     * @param newlyDetermined OOD molecules it makes determined
     * @param newlyCovered    OOD environments it is the first to bring into training
     */
    public record Step(TaskMolecule molecule, Score after, List<String> newlyDetermined, List<String> newlyCovered) {}

    /**
     * Random hints for comparison: {@code draws} sets of {@code k} distinct candidates.
     *
     * @param k              hints per draw
     * @param draws          number of draws
     * @param meanDetermined mean number of OOD molecules determined
     * @param min            fewest determined in a draw
     * @param max            most determined in a draw
     * @param asGoodAs       draws that determine at least {@code target} molecules
     * @param target         the count compared against (the greedy choice's)
     * @param example        the first draw that is not the greedy choice itself (the random variant that is measured)
     */
    public record RandomHints(int k, int draws, double meanDetermined, int min, int max, int asGoodAs, int target,
                              List<TaskMolecule> example) {}

    public HintSelection {
        steps = List.copyOf(steps);
    }

    /** The chosen hints in order. */
    public List<TaskMolecule> chosen() {
        return steps.stream().map(Step::molecule).toList();
    }

    /** The score with every chosen hint. */
    public Score after() {
        return steps.isEmpty() ? before : steps.get(steps.size() - 1).after();
    }

    /** Library molecules that are not already a training or OOD molecule of the task (same canonical SMILES). */
    public static List<TaskMolecule> candidates(Task task, List<TaskMolecule> library) {
        Set<String> inTask = new HashSet<>();
        for (TaskMolecule m : task.molecules()) {
            inTask.add(SmilesGraph.parse(m.smiles()).canonicalSmiles());
        }
        return library.stream().filter(m -> !inTask.contains(SmilesGraph.parse(m.smiles()).canonicalSmiles()))
                .map(m -> new TaskMolecule(m.name(), m.smiles(), Role.TRAIN)).toList();
    }

    /** Greedy choice of hints for {@code task} from {@code library}. */
    public static HintSelection greedy(Task task, List<TaskMolecule> library) {
        List<TaskMolecule> pool = new ArrayList<>(candidates(task, library));
        Map<String, Map<String, Integer>> env = environments(task, pool);
        List<TaskMolecule> training = new ArrayList<>(task.molecules(Role.TRAIN));
        List<TaskMolecule> ood = task.molecules(Role.OOD);
        Score before = score(training, ood, env);
        Score current = before;
        List<Step> steps = new ArrayList<>();
        pool.sort(Comparator.comparingInt(m -> heavyAtoms(env.get(m.smiles()))));
        while (current.gap() > 0 || current.unseen() > 0) {
            TaskMolecule best = null;
            Score bestScore = current;
            for (TaskMolecule c : pool) {
                training.add(c);
                Score s = score(training, ood, env);
                training.remove(training.size() - 1);
                if (s.betterThan(bestScore)) {
                    best = c;
                    bestScore = s;
                }
            }
            if (best == null) {
                break;
            }
            List<String> determinedBefore = determined(training, ood, env);
            Set<String> seenBefore = seen(training, env);
            training.add(best);
            pool.remove(best);
            List<String> newly = new ArrayList<>(determined(training, ood, env));
            newly.removeAll(determinedBefore);
            TreeSet<String> covered = new TreeSet<>(env.get(best.smiles()).keySet());
            covered.removeAll(seenBefore);
            covered.retainAll(oodEnvironments(ood, env));
            steps.add(new Step(best, bestScore, newly, List.copyOf(covered)));
            current = bestScore;
        }
        return new HintSelection(task.name(), candidates(task, library).size(), ood.size(), before, steps);
    }

    /** Random sets of the greedy choice's size, seeded, scored like it. */
    public static RandomHints random(Task task, List<TaskMolecule> library, HintSelection greedy, int draws, long seed) {
        int k = Math.max(1, greedy.steps().size());
        Set<String> chosen = new HashSet<>(greedy.chosen().stream().map(TaskMolecule::name).toList());
        List<TaskMolecule> pool = candidates(task, library);
        Map<String, Map<String, Integer>> env = environments(task, pool);
        List<TaskMolecule> ood = task.molecules(Role.OOD);
        SplittableRandom random = new SplittableRandom(seed);
        int min = Integer.MAX_VALUE, max = 0, asGood = 0;
        long sum = 0;
        int target = greedy.after().determined();
        List<TaskMolecule> example = null;
        for (int d = 0; d < draws; d++) {
            List<TaskMolecule> shuffled = new ArrayList<>(pool);
            for (int i = 0; i < Math.min(k, shuffled.size()); i++) {
                int j = i + random.nextInt(shuffled.size() - i);
                TaskMolecule t = shuffled.get(i);
                shuffled.set(i, shuffled.get(j));
                shuffled.set(j, t);
            }
            List<TaskMolecule> hints = shuffled.subList(0, Math.min(k, shuffled.size()));
            if (example == null && !chosen.equals(new HashSet<>(hints.stream().map(TaskMolecule::name).toList()))) {
                example = List.copyOf(hints);
            }
            List<TaskMolecule> training = new ArrayList<>(task.molecules(Role.TRAIN));
            training.addAll(hints);
            int n = determined(training, ood, env).size();
            sum += n;
            min = Math.min(min, n);
            max = Math.max(max, n);
            asGood += n >= target ? 1 : 0;
        }
        return new RandomHints(k, draws, draws == 0 ? 0 : (double) sum / draws, draws == 0 ? 0 : min, max, asGood, target,
                example == null ? List.of() : example);
    }

    /** Score of a training set against the OOD molecules. */
    public static Score score(List<TaskMolecule> training, List<TaskMolecule> ood) {
        List<TaskMolecule> all = new ArrayList<>(training);
        all.addAll(ood);
        return score(training, ood, environments(all));
    }

    private static Score score(List<TaskMolecule> training, List<TaskMolecule> ood, Map<String, Map<String, Integer>> env) {
        FeatureSpan span = FeatureSpan.of(training.stream().map(m -> env.get(m.smiles())).toList());
        List<Map<String, Integer>> both = new ArrayList<>();
        training.forEach(m -> both.add(env.get(m.smiles())));
        ood.forEach(m -> both.add(env.get(m.smiles())));
        int gap = FeatureSpan.of(both).rank() - span.rank();
        int determined = (int) ood.stream().filter(m -> span.determines(env.get(m.smiles()))).count();
        Set<String> unseen = oodEnvironments(ood, env);
        unseen.removeAll(span.features());
        return new Score(determined, gap, unseen.size());
    }

    private static List<String> determined(List<TaskMolecule> training, List<TaskMolecule> ood, Map<String, Map<String, Integer>> env) {
        FeatureSpan span = FeatureSpan.of(training.stream().map(m -> env.get(m.smiles())).toList());
        return ood.stream().filter(m -> span.determines(env.get(m.smiles()))).map(TaskMolecule::name).toList();
    }

    private static Set<String> seen(List<TaskMolecule> training, Map<String, Map<String, Integer>> env) {
        Set<String> s = new TreeSet<>();
        training.forEach(m -> s.addAll(env.get(m.smiles()).keySet()));
        return s;
    }

    private static Set<String> oodEnvironments(List<TaskMolecule> ood, Map<String, Map<String, Integer>> env) {
        return seen(ood, env);
    }

    private static Map<String, Map<String, Integer>> environments(Task task, List<TaskMolecule> pool) {
        List<TaskMolecule> all = new ArrayList<>(task.molecules());
        all.addAll(pool);
        return environments(all);
    }

    /** Environment counts by SMILES as written (each molecule parsed once). */
    private static Map<String, Map<String, Integer>> environments(List<TaskMolecule> molecules) {
        Map<String, Map<String, Integer>> env = new LinkedHashMap<>();
        for (TaskMolecule m : molecules) {
            env.computeIfAbsent(m.smiles(), Identifiability::environments);
        }
        return env;
    }

    private static int heavyAtoms(Map<String, Integer> environments) {
        return environments.values().stream().mapToInt(Integer::intValue).sum();
    }
}

package io.moiety.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark suite: which tasks, models and seeds to run, on which data, with which training
 * overrides. Read from YAML ({@code benchmarks/NAME.yaml}, see docs/bench.md).
 *
 * @param name        suite name (file name without extension)
 * @param description one line for the report
 * @param data        dataset file, or {@code default} for the committed default dataset
 * @param generate    the {@code moiety generate ...} command that produces {@code data} when it is missing
 * @param tasks       task names
 * @param models      models in table order
 * @param seeds       seeds; every (task, model) cell is run once per seed
 * @param overrides   model-YAML overrides (dotted keys, e.g. {@code training.max_epochs}) for every network
 * @param trainFramesPerMolecule at most this many frames of each training molecule's primary trajectory are
 *                    used for training (evenly strided; 0 = all); validation and test frames are never reduced
 * @param origin      where the suite was read from
 */
public record Suite(String name, String description, String data, String generate, List<String> tasks,
                    List<ModelEntry> models, List<Long> seeds, Map<String, String> overrides, int trainFramesPerMolecule,
                    String origin) {

    public Suite {
        tasks = List.copyOf(tasks);
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
        overrides = overrides == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        if (trainFramesPerMolecule < 0) {
            throw new IllegalArgumentException("suite '" + name + "' (" + origin + "): train_frames_per_molecule must be ≥ 0");
        }
        if (tasks.isEmpty() || models.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("suite '" + name + "' (" + origin + ") needs at least one task, model and seed");
        }
    }

    /**
     * Throws, naming this suite's file and the valid choices, when a task is not in
     * {@code validTasks}, a model is unknown to {@code factory} or an override does not apply to a model.
     */
    public void check(List<String> validTasks, PotentialFactory factory) {
        for (String t : tasks) {
            if (!validTasks.contains(t)) {
                throw new IllegalArgumentException(origin + ": unknown task '" + t + "'; valid tasks: "
                        + String.join(", ", validTasks));
            }
        }
        for (ModelEntry m : models) {
            try {
                factory.check(m.name(), overridesFor(m, factory));
            } catch (Exception e) {
                throw new IllegalArgumentException(origin + ": models." + m.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The overrides of a model entry's cells: the suite's where {@code factory} applies them, then the entry's own. */
    public Map<String, String> overridesFor(ModelEntry m, PotentialFactory factory) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (factory.takesSuiteOverrides(m.name(), m.overrides())) {
            merged.putAll(overrides);
        }
        merged.putAll(m.overrides());
        return merged;
    }

    /** Same suite with other seeds (the CLI's {@code --seeds}). */
    public Suite withSeeds(List<Long> newSeeds) {
        return new Suite(name, description, data, generate, tasks, models, newSeeds, overrides, trainFramesPerMolecule, origin);
    }

    /** Same suite on another dataset (the CLI's {@code --data}). */
    public Suite withData(String newData) {
        return new Suite(name, description, newData, generate, tasks, models, seeds, overrides, trainFramesPerMolecule, origin);
    }

    /**
     * One model of a suite.
     *
     * @param name      a baseline name or a model configuration in {@code models/}
     * @param overrides dotted-key overrides for this model only (on top of the suite's {@code overrides})
     * @param tasks     the tasks this model runs on (empty: every task of the suite)
     */
    public record ModelEntry(String name, Map<String, String> overrides, List<String> tasks) {
        public ModelEntry {
            overrides = overrides == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }

        /** A model on every task. */
        public ModelEntry(String name, Map<String, String> overrides) {
            this(name, overrides, List.of());
        }

        /** Whether this model runs on {@code task}. */
        public boolean runsOn(String task) {
            return tasks.isEmpty() || tasks.contains(task);
        }
    }
}

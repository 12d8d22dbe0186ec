package io.moiety.train;

import io.moiety.train.prior.PriorKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hyper-parameters of one training run, parsed from the {@code training:} section of a model YAML
 * (plus {@code --set training.key=value} overrides). Energies in eV, forces in eV/Å; the loss is
 * {@code energy_weight · MSE(E/N) + forces_weight · MSE(F)} in those units, or the same with mean
 * absolute errors ({@code loss: mae}, as the benchmark paper trained).
 *
 * @param optimizer             {@code adam} or {@code adamw} (decoupled weight decay)
 * @param learningRate          peak learning rate after warm-up
 * @param weightDecay           L2 (adam) or decoupled (adamw) weight decay
 * @param beta1                 Adam first-moment decay
 * @param beta2                 Adam second-moment decay
 * @param epsilon               Adam denominator guard
 * @param batchSize             frames per optimisation step
 * @param validBatchSize        frames per validation forward pass
 * @param maxEpochs             upper bound on epochs
 * @param warmupEpochs          linear warm-up length in epochs (fractions allowed; converted to steps)
 * @param scheduler             {@code plateau}, {@code cosine} or {@code constant} after warm-up
 * @param plateauFactor         learning-rate factor applied when validation loss stalls
 * @param plateauPatience       epochs without improvement before the plateau schedule decays
 * @param minLearningRate       floor for plateau decay and end point of the cosine schedule
 * @param emaDecay              EMA decay per step (0 disables EMA)
 * @param clipGradNorm          global gradient-norm bound (0 disables clipping)
 * @param earlyStoppingPatience epochs without validation improvement before stopping (0 disables)
 * @param loss                  {@code mse} (squared errors) or {@code mae} (absolute errors) in both terms
 * @param energyWeight          weight of the per-atom energy term (MSE in eV²/atom², MAE in eV/atom)
 * @param forcesWeight          weight of the force-component term (MSE in (eV/Å)², MAE in eV/Å)
 * @param isolatedAtoms         optional file with isolated-atom energies (any dataset format: extended
 *                              XYZ {@code config_type=IsolatedAtom} or single-atom frames, Moiety HDF5
 *                              {@code isolated_atoms}); overrides those stored with the training data
 * @param maxWallMinutes        stop after the first epoch that ends past this much wall time, summed
 *                              over resumed sessions (0: no limit; makes the epoch count machine-dependent)
 * @param e0                    where the per-element reference energies E0 come from: {@code isolated}
 *                              (the isolated-atom energies stored with the training data, or the
 *                              {@code isolated_atoms} file), {@code least-squares} (fitted on the training
 *                              energies), {@code anchored} (the isolated-atom energies corrected by least
 *                              squares only along the directions the training compositions determine) or
 *                              {@code auto} (the default: isolated when the data has them for every training
 *                              element, least squares otherwise)
 * @param prior                 Δ-learning: {@code none}, or a chemistry prior ({@code group-additivity},
 *                              {@code bond-increment}; {@link PriorKind}) fitted on the training energies
 *                              whose residual the network learns; the prior is added back at prediction
 */
public record TrainingConfig(String optimizer, double learningRate, double weightDecay, double beta1,
                             double beta2, double epsilon, int batchSize, int validBatchSize, int maxEpochs,
                             double warmupEpochs, String scheduler, double plateauFactor, int plateauPatience,
                             double minLearningRate, double emaDecay, double clipGradNorm,
                             int earlyStoppingPatience, String loss, double energyWeight, double forcesWeight,
                             Path isolatedAtoms, double maxWallMinutes, String e0, String prior) {

    /** Keys accepted in the {@code training:} section. */
    public static final Set<String> KEYS = Set.of("optimizer", "lr", "weight_decay", "beta1", "beta2", "epsilon",
            "batch_size", "valid_batch_size", "max_epochs", "warmup_epochs", "scheduler", "plateau_factor",
            "plateau_patience", "min_lr", "ema_decay", "clip_grad_norm", "early_stopping_patience",
            "loss", "energy_weight", "forces_weight", "isolated_atoms", "max_wall_minutes", "e0", "prior");

    /** Values of {@code e0}. */
    public static final String E0_AUTO = "auto", E0_ISOLATED = "isolated", E0_LEAST_SQUARES = "least-squares",
            E0_ANCHORED = "anchored";

    public TrainingConfig {
        optimizer = optimizer.toLowerCase(Locale.ROOT);
        scheduler = scheduler.toLowerCase(Locale.ROOT);
        loss = loss.toLowerCase(Locale.ROOT);
        e0 = e0.toLowerCase(Locale.ROOT);
        require(Set.of(E0_AUTO, E0_ISOLATED, E0_LEAST_SQUARES, E0_ANCHORED).contains(e0), "e0",
                "isolated, anchored, least-squares or auto", e0);
        require(!(isolatedAtoms != null && e0.equals(E0_LEAST_SQUARES)), "e0",
                "isolated, anchored or auto when isolated_atoms (" + isolatedAtoms + ") is set", e0);
        require(optimizer.equals("adam") || optimizer.equals("adamw"), "optimizer", "adam or adamw", optimizer);
        require(Set.of("plateau", "cosine", "constant").contains(scheduler), "scheduler",
                "plateau, cosine or constant", scheduler);
        require(learningRate > 0 && Double.isFinite(learningRate), "lr", "> 0", learningRate);
        require(weightDecay >= 0, "weight_decay", ">= 0", weightDecay);
        require(beta1 >= 0 && beta1 < 1, "beta1", "in [0, 1)", beta1);
        require(beta2 >= 0 && beta2 < 1, "beta2", "in [0, 1)", beta2);
        require(epsilon > 0, "epsilon", "> 0", epsilon);
        require(batchSize >= 1, "batch_size", ">= 1", batchSize);
        require(validBatchSize >= 1, "valid_batch_size", ">= 1", validBatchSize);
        require(maxEpochs >= 1, "max_epochs", ">= 1", maxEpochs);
        require(warmupEpochs >= 0, "warmup_epochs", ">= 0", warmupEpochs);
        require(plateauFactor > 0 && plateauFactor < 1, "plateau_factor", "in (0, 1)", plateauFactor);
        require(plateauPatience >= 0, "plateau_patience", ">= 0", plateauPatience);
        require(minLearningRate >= 0 && minLearningRate <= learningRate, "min_lr", "in [0, lr]", minLearningRate);
        require(emaDecay >= 0 && emaDecay < 1, "ema_decay", "in [0, 1)", emaDecay);
        require(clipGradNorm >= 0, "clip_grad_norm", ">= 0", clipGradNorm);
        require(earlyStoppingPatience >= 0, "early_stopping_patience", ">= 0", earlyStoppingPatience);
        require(loss.equals("mse") || loss.equals("mae"), "loss", "mse or mae", loss);
        require(energyWeight >= 0, "energy_weight", ">= 0", energyWeight);
        require(forcesWeight >= 0, "forces_weight", ">= 0", forcesWeight);
        require(maxWallMinutes >= 0, "max_wall_minutes", ">= 0", maxWallMinutes);
        try {
            prior = PriorKind.of(prior.trim().toLowerCase(Locale.ROOT)).key();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("training.prior: " + e.getMessage(), e);
        }
        require(energyWeight + forcesWeight > 0, "energy_weight + forces_weight", "> 0", energyWeight + forcesWeight);
    }

    /** Defaults: Adam, lr 1e-3, batch 8, 100 epochs, 1 warm-up epoch, plateau, EMA 0.99, clip 10, MSE, weights 1/100. */
    public static TrainingConfig defaults() {
        return parse(Map.of());
    }

    /**
     * Parses a {@code training:} section. Values may be numbers or strings (as from {@code --set});
     * unknown keys are rejected with the list of valid ones.
     *
     * @param section the YAML map (null or empty: all defaults)
     */
    public static TrainingConfig parse(Map<String, ?> section) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (section != null) {
            Set<String> unknown = new TreeSet<>();
            for (Map.Entry<String, ?> e : section.entrySet()) {
                String key = e.getKey().equals("learning_rate") ? "lr" : e.getKey();
                if (!KEYS.contains(key)) {
                    unknown.add(e.getKey());
                }
                s.put(key, e.getValue());
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown key(s) in training section: " + unknown
                        + "; valid keys: " + new TreeSet<>(KEYS));
            }
        }
        String optimizer = str(s, "optimizer", "adam");
        double defaultDecay = optimizer.equalsIgnoreCase("adamw") ? 0.01 : 0.0;
        int batch = integer(s, "batch_size", 8);
        double lr = num(s, "lr", 1e-3);
        String iso = s.get("isolated_atoms") == null ? null : s.get("isolated_atoms").toString();
        return new TrainingConfig(optimizer, lr, num(s, "weight_decay", defaultDecay),
                num(s, "beta1", 0.9), num(s, "beta2", 0.999), num(s, "epsilon", 1e-8), batch,
                integer(s, "valid_batch_size", Math.max(batch, 32)), integer(s, "max_epochs", 100),
                num(s, "warmup_epochs", 1.0), str(s, "scheduler", "plateau"), num(s, "plateau_factor", 0.5),
                integer(s, "plateau_patience", 10), num(s, "min_lr", Math.min(1e-6, lr)),
                num(s, "ema_decay", 0.99), num(s, "clip_grad_norm", 10.0),
                integer(s, "early_stopping_patience", 30), str(s, "loss", "mse"), num(s, "energy_weight", 1.0),
                num(s, "forces_weight", 100.0), iso == null || iso.isBlank() ? null : Path.of(iso),
                num(s, "max_wall_minutes", 0), str(s, "e0", E0_AUTO), str(s, "prior", PriorKind.NONE.key()));
    }

    /** The Δ-learning prior, {@link PriorKind#NONE} without one. */
    public PriorKind priorKind() {
        return PriorKind.of(prior);
    }

    /** Whether the loss takes absolute errors ({@code loss: mae}) rather than squared ones. */
    public boolean absoluteErrors() {
        return loss.equals("mae");
    }

    /** Same run with other values for some keys (e.g. CLI flags); {@code null} values are ignored. */
    public TrainingConfig with(Map<String, ?> changes) {
        Map<String, Object> m = toMap();
        changes.forEach((k, v) -> {
            if (v != null) {
                m.put(k, v);
            }
        });
        return parse(m);
    }

    /** The section as a YAML-ready map with every key, for checkpoints and logs. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optimizer", optimizer);
        m.put("lr", learningRate);
        m.put("weight_decay", weightDecay);
        m.put("beta1", beta1);
        m.put("beta2", beta2);
        m.put("epsilon", epsilon);
        m.put("batch_size", batchSize);
        m.put("valid_batch_size", validBatchSize);
        m.put("max_epochs", maxEpochs);
        m.put("warmup_epochs", warmupEpochs);
        m.put("scheduler", scheduler);
        m.put("plateau_factor", plateauFactor);
        m.put("plateau_patience", plateauPatience);
        m.put("min_lr", minLearningRate);
        m.put("ema_decay", emaDecay);
        m.put("clip_grad_norm", clipGradNorm);
        m.put("early_stopping_patience", earlyStoppingPatience);
        m.put("loss", loss);
        m.put("energy_weight", energyWeight);
        m.put("forces_weight", forcesWeight);
        if (isolatedAtoms != null) {
            m.put("isolated_atoms", isolatedAtoms.toString());
        }
        m.put("max_wall_minutes", maxWallMinutes);
        m.put("e0", e0);
        if (priorKind() != PriorKind.NONE) {
            m.put("prior", prior);
        }
        return m;
    }

    private static void require(boolean ok, String key, String expected, Object got) {
        if (!ok) {
            throw new IllegalArgumentException("training." + key + " must be " + expected + ", got " + got);
        }
    }

    private static String str(Map<String, Object> s, String key, String dflt) {
        Object v = s.get(key);
        return v == null ? dflt : v.toString().trim();
    }

    private static double num(Map<String, Object> s, String key, double dflt) {
        Object v = s.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("training." + key + " must be a number, got '" + v + "'");
        }
    }

    private static int integer(Map<String, Object> s, String key, int dflt) {
        double d = num(s, key, dflt);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("training." + key + " must be an integer, got " + s.get(key));
        }
        return (int) d;
    }
}

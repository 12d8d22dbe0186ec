package io.moiety.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam / AdamW on DJL's fused PyTorch update kernel (the same call {@code ai.djl.training.optimizer.Adam}
 * and {@code AdamW} make), but with its moment estimates and step counts held here so that a
 * checkpoint can save and restore them exactly — DJL's own optimizers keep that state private.
 *
 * <p>The learning rate and the gradient scale (for global-norm clipping) are set before each step;
 * the update also zeroes the parameter's gradient.
 */
public final class AdamOptimizer extends Optimizer implements AutoCloseable {

    private final boolean decoupled;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final NDManager stateManager;
    private final Map<String, NDArray> means = new LinkedHashMap<>();
    private final Map<String, NDArray> variances = new LinkedHashMap<>();
    private final Map<String, Integer> steps = new LinkedHashMap<>();
    private float learningRate;

    private static final class Settings extends OptimizerBuilder<Settings> {
        @Override
        protected Settings self() { return this; }
    }

    /**
     * @param config  optimiser kind, betas, epsilon, weight decay and initial learning rate
     * @param manager parent manager; moment arrays live in a sub-manager closed by {@link #close()}
     */
    public AdamOptimizer(TrainingConfig config, NDManager manager) {
        super(new Settings().optWeightDecays((float) config.weightDecay()));
        this.decoupled = config.optimizer().equals("adamw");
        this.beta1 = (float) config.beta1();
        this.beta2 = (float) config.beta2();
        this.epsilon = (float) config.epsilon();
        this.weightDecay = (float) config.weightDecay();
        this.learningRate = (float) config.learningRate();
        this.stateManager = manager.newSubManager();
    }

    /** Learning rate used by the next updates. */
    public void setLearningRate(double lr) { this.learningRate = (float) lr; }

    /** Factor applied to every gradient in the next updates (1 unless clipping). */
    public void setGradientScale(double scale) { this.rescaleGrad = (float) scale; }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = steps.merge(parameterId, 1, Integer::sum);
        double coef1 = 1.0 - Math.pow(beta1, t);
        double coef2 = 1.0 - Math.pow(beta2, t);
        float corrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        NDArray m = means.computeIfAbsent(parameterId, k -> zeros(weight));
        NDArray v = variances.computeIfAbsent(parameterId, k -> zeros(weight));
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, m, v), new NDList(weight),
                learningRate, corrected, weightDecay, rescaleGrad, clipGrad, beta1, beta2, epsilon, true, decoupled);
    }

    private NDArray zeros(NDArray like) {
        return stateManager.zeros(like.getShape(), like.getDataType(), like.getDevice());
    }

    /** Number of updates applied to each parameter. */
    public Map<String, Integer> stepCounts() { return Map.copyOf(steps); }

    /** Moment estimates, named {@code m/<param>} and {@code v/<param>} (arrays owned by this optimiser). */
    public NDList moments() {
        NDList out = new NDList();
        means.forEach((k, a) -> out.add(named(a, "m/" + k)));
        variances.forEach((k, a) -> out.add(named(a, "v/" + k)));
        return out;
    }

    private static NDArray named(NDArray a, String name) {
        a.setName(name);
        return a;
    }

    /** Restores the state saved with {@link #moments()} and {@link #stepCounts()}. */
    public void restore(NDList moments, Map<String, Integer> stepCounts) {
        means.values().forEach(NDArray::close);
        variances.values().forEach(NDArray::close);
        means.clear();
        variances.clear();
        steps.clear();
        for (NDArray a : moments) {
            String name = a.getName();
            // own storage: the fused update writes into the moments in place for the rest of the run
            NDArray copy = Weights.ownedCopy(a, stateManager.getDevice(), stateManager, name);
            if (name.startsWith("m/")) {
                means.put(name.substring(2), copy);
            } else if (name.startsWith("v/")) {
                variances.put(name.substring(2), copy);
            } else {
                throw new IllegalArgumentException("unexpected optimizer state array '" + name + "'");
            }
        }
        steps.putAll(stepCounts);
    }

    @Override
    public void close() { stateManager.close(); }
}

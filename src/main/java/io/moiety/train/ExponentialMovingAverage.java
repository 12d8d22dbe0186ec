package io.moiety.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential moving average of the parameters, {@code θ̄ ← d·θ̄ + (1−d)·θ} after every step, with
 * the usual warm-up {@code d = min(decay, (1+n)/(10+n))} over the first updates so early weights
 * do not dominate. Validation and the final model use the averaged weights.
 */
public final class ExponentialMovingAverage implements AutoCloseable {

    private final double decay;
    private final NDManager manager;
    private Map<String, NDArray> shadow;
    private long updates;

    /**
     * @param decay      target decay per step, in [0, 1)
     * @param parameters the live parameters (copied as the starting average)
     * @param parent     manager under which the averages live
     */
    public ExponentialMovingAverage(double decay, Map<String, NDArray> parameters, NDManager parent) {
        this.decay = decay;
        this.manager = parent.newSubManager();
        this.shadow = Weights.snapshot(parameters, manager);
    }

    /** Folds the current parameters into the average. */
    public void update(Map<String, NDArray> parameters) {
        updates++;
        double d = Math.min(decay, (1.0 + updates) / (10.0 + updates));
        Weights.noGrad(() -> {
            try (NDManager tmp = manager.newSubManager()) {
                NDArray keep = null;
                NDArray take = null;
                for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                    NDArray avg = shadow.get(e.getKey());
                    // the two factors once per dtype and device, not per parameter (host-to-device copies)
                    if (keep == null || keep.getDataType() != avg.getDataType() || !keep.getDevice().equals(avg.getDevice())) {
                        keep = tmp.create(d).toType(avg.getDataType(), false).toDevice(avg.getDevice(), false);
                        take = tmp.create(1.0 - d).toType(avg.getDataType(), false).toDevice(avg.getDevice(), false);
                    }
                    NDArray fresh = take.mul(e.getValue());
                    avg.muli(keep).addi(fresh);
                }
            }
            return null;
        });
    }

    /** The averaged weights (owned by this object). */
    public Map<String, NDArray> averages() { return shadow; }

    /** Number of updates so far. */
    public long updates() { return updates; }

    /** Replaces the averages and update count (checkpoint restore). */
    public void restore(Map<String, NDArray> averages, long updateCount) {
        Map<String, NDArray> fresh = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : shadow.entrySet()) {
            NDArray v = averages.get(e.getKey());
            if (v == null) {
                throw new IllegalArgumentException("checkpoint has no EMA value for parameter '" + e.getKey() + "'");
            }
            // own storage: update() writes into the averages in place
            NDArray c = Weights.ownedCopy(v, e.getValue().getDevice(), manager, e.getKey());
            fresh.put(e.getKey(), c);
            e.getValue().close();
        }
        shadow = fresh;
        updates = updateCount;
    }

    @Override
    public void close() { manager.close(); }
}

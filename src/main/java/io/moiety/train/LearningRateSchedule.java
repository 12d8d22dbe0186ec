package io.moiety.train;

/**
 * Learning rate per optimisation step: a linear warm-up from {@code lr/warmupSteps} to the peak
 * {@code lr}, then one of
 * <ul>
 *   <li>{@code plateau}: multiply by {@code factor} whenever the validation loss has not improved
 *       (relative 1e-4) for {@code patience} epochs, never below {@code minLr};</li>
 *   <li>{@code cosine}: half a cosine from {@code lr} to {@code minLr} over the remaining steps;</li>
 *   <li>{@code constant}.</li>
 * </ul>
 * The mutable part (plateau level, best loss, epochs without improvement) is a {@link State}
 * record so a checkpoint can restore it exactly.
 */
public final class LearningRateSchedule {

    /** Checkpointable schedule state. */
    public record State(double plateauScale, double bestLoss, int badEpochs) {
        public static State initial() { return new State(1.0, Double.POSITIVE_INFINITY, 0); }
    }

    private static final double RELATIVE_IMPROVEMENT = 1e-4;

    private final String kind;
    private final double peak;
    private final double minLr;
    private final long warmupSteps;
    private final long totalSteps;
    private final double factor;
    private final int patience;
    private State state = State.initial();

    /**
     * @param kind        {@code plateau}, {@code cosine} or {@code constant}
     * @param peak        learning rate after warm-up
     * @param minLr       floor (plateau) or end value (cosine)
     * @param warmupSteps steps of linear warm-up (0: none)
     * @param totalSteps  steps of the whole run (for the cosine)
     * @param factor      plateau decay factor
     * @param patience    plateau patience in epochs
     */
    public LearningRateSchedule(String kind, double peak, double minLr, long warmupSteps, long totalSteps,
                                double factor, int patience) {
        this.kind = kind;
        this.peak = peak;
        this.minLr = minLr;
        this.warmupSteps = Math.max(0, warmupSteps);
        this.totalSteps = Math.max(totalSteps, this.warmupSteps + 1);
        this.factor = factor;
        this.patience = patience;
    }

    /** The schedule a {@link TrainingConfig} describes, for a run of {@code stepsPerEpoch} steps per epoch. */
    public static LearningRateSchedule of(TrainingConfig c, int stepsPerEpoch) {
        long warm = Math.round(c.warmupEpochs() * stepsPerEpoch);
        return new LearningRateSchedule(c.scheduler(), c.learningRate(), c.minLearningRate(), warm,
                (long) c.maxEpochs() * stepsPerEpoch, c.plateauFactor(), c.plateauPatience());
    }

    /** Learning rate for optimisation step {@code step} (0-based, counted over the whole run). */
    public double rate(long step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / (double) warmupSteps;
        }
        return switch (kind) {
            case "cosine" -> {
                double progress = Math.min(1.0, (step - warmupSteps) / (double) (totalSteps - warmupSteps));
                yield minLr + 0.5 * (peak - minLr) * (1 + Math.cos(Math.PI * progress));
            }
            case "plateau" -> Math.max(minLr, peak * state.plateauScale());
            default -> peak;
        };
    }

    /**
     * Reports an epoch's validation loss. Only the plateau schedule reacts, and only after
     * warm-up (pass {@code afterWarmup=false} to just track the best loss).
     */
    public void onValidation(double loss, boolean afterWarmup) {
        if (loss < state.bestLoss() * (1 - RELATIVE_IMPROVEMENT) || Double.isInfinite(state.bestLoss())) {
            state = new State(state.plateauScale(), loss, 0);
            return;
        }
        int bad = state.badEpochs() + 1;
        double scale = state.plateauScale();
        if (kind.equals("plateau") && afterWarmup && bad > patience) {
            scale *= factor;
            bad = 0;
        }
        state = new State(scale, state.bestLoss(), bad);
    }

    /** Number of warm-up steps. */
    public long warmupSteps() { return warmupSteps; }

    public State state() { return state; }

    public void restore(State s) { this.state = s; }
}

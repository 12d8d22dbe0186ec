package io.moiety.train;

import java.util.List;

/**
 * Stops a run after the first epoch that ends past a wall-time budget (minutes, summed over
 * resumed sessions as recorded in the epoch history). The best-validation model is kept as usual.
 */
public final class TimeLimit implements TrainingListener {
    private final double seconds;
    private boolean stop;

    /** @param minutes budget; 0 or less: no limit */
    public TimeLimit(double minutes) {
        this.seconds = minutes * 60;
    }

    @Override
    public void onTrainingStart(List<EpochResult> history, int maxEpochs, int stepsPerEpoch) {
        stop = reached(history);
    }

    @Override
    public void onEpochEnd(EpochResult result, List<EpochResult> history) {
        stop = reached(history);
    }

    private boolean reached(List<EpochResult> history) {
        return seconds > 0 && !history.isEmpty() && history.get(history.size() - 1).wallSeconds() >= seconds;
    }

    @Override
    public boolean stopRequested() { return stop; }
}

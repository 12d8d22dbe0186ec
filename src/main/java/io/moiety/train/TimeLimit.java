package io.moiety.train;

import java.util.List;
import java.util.Locale;

/**
 * Stops a run after the first epoch that ends past a wall-time budget (minutes, summed over
 * resumed sessions as recorded in the epoch history). The best-validation model is kept as usual.
 */
public final class TimeLimit implements TrainingListener {
    private final double minutes;

    /** @param minutes budget; 0 or less: no limit */
    public TimeLimit(double minutes) {
        this.minutes = minutes;
    }

    @Override
    public String stopReason(TrainingView loop) {
        List<EpochResult> history = loop.history();
        boolean reached = minutes > 0 && !history.isEmpty()
                && history.get(history.size() - 1).wallSeconds() >= minutes * 60;
        return reached ? String.format(Locale.ROOT, "time limit of %.4g min reached", minutes) : null;
    }
}

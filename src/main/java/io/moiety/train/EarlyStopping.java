package io.moiety.train;

import java.util.List;

/**
 * Stops the run when the validation loss has not improved for {@code patience} epochs. Its state
 * is a function of the epoch history, so a resumed run reconstructs it from the checkpoint.
 */
public final class EarlyStopping implements TrainingListener {
    private final int patience;
    private boolean stop;

    /** @param patience epochs without improvement allowed (0: never stop early) */
    public EarlyStopping(int patience) {
        this.patience = patience;
    }

    @Override
    public void onTrainingStart(List<EpochResult> history, int maxEpochs, int stepsPerEpoch) {
        stop = shouldStop(history);
    }

    @Override
    public void onEpochEnd(EpochResult result, List<EpochResult> history) {
        stop = shouldStop(history);
    }

    private boolean shouldStop(List<EpochResult> history) {
        if (patience <= 0 || history.isEmpty()) {
            return false;
        }
        int best = bestEpochIndex(history);
        return history.size() - 1 - best >= patience;
    }

    /** Index in {@code history} of the lowest validation loss (first one on ties; -1 if empty). */
    public static int bestEpochIndex(List<EpochResult> history) {
        int best = -1;
        for (int i = 0; i < history.size(); i++) {
            if (best < 0 || history.get(i).validLoss() < history.get(best).validLoss()) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public boolean stopRequested() { return stop; }
}

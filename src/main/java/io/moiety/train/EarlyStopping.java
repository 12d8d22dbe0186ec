package io.moiety.train;

import java.util.List;
import java.util.Locale;

/**
 * Stops the run when the validation loss has not improved for {@code patience} epochs. The
 * decision is a function of the epoch history, so a resumed run makes it from the checkpoint's.
 */
public final class EarlyStopping implements TrainingListener {
    private final int patience;

    /** @param patience epochs without improvement allowed (0: never stop early) */
    public EarlyStopping(int patience) {
        this.patience = patience;
    }

    @Override
    public String stopReason(TrainingView loop) {
        List<EpochResult> history = loop.history();
        boolean stop = patience > 0 && !history.isEmpty() && history.size() - 1 - bestEpochIndex(history) >= patience;
        return stop ? String.format(Locale.ROOT, "early stopping: no validation improvement for %d epochs", patience)
                : null;
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
}

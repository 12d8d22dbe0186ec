package io.moiety.train;

import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr over all steps of the run, showing the epoch, the running training
 * loss and the last validation energy (meV/atom) and force (meV/Å) MAE.
 */
public final class ProgressListener implements TrainingListener {
    private final String name;
    private ProgressBar bar;
    private int epoch;
    private double runningLoss = Double.NaN;
    private String validation = "";

    /** @param name task name shown left of the bar */
    public ProgressListener(String name) {
        this.name = name;
    }

    @Override
    public void onTrainingStart(TrainingView loop) {
        List<EpochResult> history = loop.history();
        int stepsPerEpoch = loop.stepsPerEpoch();
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax((long) loop.maxEpochs() * stepsPerEpoch)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).showSpeed().setUnit(" steps", 1).build();
        bar.stepTo((long) history.size() * stepsPerEpoch);
        if (!history.isEmpty()) {
            describe(history.get(history.size() - 1));
        }
    }

    @Override
    public void onStep(StepResult s) {
        epoch = s.epoch();
        runningLoss = Double.isNaN(runningLoss) ? s.loss() : 0.9 * runningLoss + 0.1 * s.loss();
        bar.step();
        bar.setExtraMessage(String.format(Locale.ROOT, "ep %d loss %.4g%s", epoch, runningLoss, validation));
    }

    @Override
    public void onEpochEnd(TrainingView loop, EpochResult result) {
        describe(result);
    }

    private void describe(EpochResult r) {
        validation = validationText(r);
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, "ep %d loss %.4g%s", r.epoch(),
                    Double.isNaN(runningLoss) ? r.trainLoss() : runningLoss, validation));
        }
    }

    /** The bar's validation part: energy and force MAE, empty for an epoch without validation frames. */
    static String validationText(EpochResult r) {
        return r.validated() ? String.format(Locale.ROOT, " | val E %.2f meV/at F %.1f meV/Å",
                r.validEnergyMaePerAtom() * 1000, r.validForceMae() * 1000) : "";
    }

    @Override
    public void onTrainingEnd(TrainingView loop, String reason) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}

package io.moiety.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Progress bars on stderr, so stdout stays clean for results. */
final class ProgressBars {
    private ProgressBars() {}

    static ProgressBar create(String task, long max, String unit) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(" " + unit, 1)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500)
                .clearDisplayOnFinish().build();
    }
}

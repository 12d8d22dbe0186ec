package io.moiety.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Progress bars on stderr, so stdout stays clean for results. Shown only on an interactive
 * terminal: piped or redirected into a log, a bar would only add carriage-return noise.
 */
final class ProgressBars {
    private ProgressBars() {}

    static ProgressBar create(String task, long max, String unit) {
        return create(task, max, unit, true);
    }

    /** A bar that draws nothing when {@code show} is false ({@code --no-progress}). */
    static ProgressBar create(String task, long max, String unit, boolean show) {
        ProgressBarConsumer consumer = show && System.console() != null ? new ConsoleProgressBarConsumer(System.err)
                : new DelegatingProgressBarConsumer(line -> { });
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(" " + unit, 1)
                .setConsumer(consumer).setUpdateIntervalMillis(500)
                .clearDisplayOnFinish().build();
    }
}

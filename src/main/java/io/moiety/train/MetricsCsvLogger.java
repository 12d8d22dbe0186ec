package io.moiety.train;

import io.moiety.data.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code metrics.csv} (one row per epoch, columns {@link EpochResult#CSV_HEADER}) after
 * every epoch. The whole file is rewritten atomically from the run's history, so after a resume
 * it holds exactly the epochs in the checkpoint, never duplicated rows.
 */
public final class MetricsCsvLogger implements TrainingListener {
    private final Path file;

    public MetricsCsvLogger(Path file) {
        this.file = file;
    }

    @Override
    public void onTrainingStart(TrainingView loop) {
        write(loop.history());
    }

    @Override
    public void onEpochEnd(TrainingView loop, EpochResult result) {
        write(loop.history());
    }

    /** Writes the rows for {@code history}. */
    public void write(List<EpochResult> history) {
        StringBuilder sb = new StringBuilder(EpochResult.CSV_HEADER).append('\n');
        history.forEach(e -> sb.append(e.csvRow()).append('\n'));
        try {
            AtomicFile.write(file, true, tmp -> Files.writeString(tmp, sb, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

package io.moiety.eval;

import io.moiety.data.Dataset;
import io.moiety.data.io.DatasetFiles;
import io.moiety.task.Task;
import io.moiety.task.TaskLoader;
import io.moiety.task.TaskSplit;
import io.moiety.task.TaskSplitter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's tasks ({@code tasks/*.yaml} or those in the jar) over one dataset file, split
 * with {@link TaskSplitter}. Keeps the file open until closed.
 */
public final class DatasetTasks implements TaskSource, AutoCloseable {
    private final TaskLoader loader;
    private final Dataset data;
    private final String generate;

    /**
     * @param dataFile Moiety HDF5 (or any readable) dataset
     * @param generate command that generates missing molecules, for error messages
     */
    public DatasetTasks(TaskLoader loader, Path dataFile, String generate) throws IOException {
        this.loader = loader;
        this.data = DatasetFiles.open(dataFile);
        this.generate = generate;
    }

    @Override
    public List<String> names() {
        return loader.names();
    }

    @Override
    public TaskSplit split(String name) {
        Task task = loader.load(name);
        try {
            return TaskSplitter.split(task, data);
        } catch (IllegalArgumentException e) {
            if (generate != null && !generate.isBlank() && e.getMessage() != null && e.getMessage().contains("no molecule")) {
                throw new IllegalArgumentException(e.getMessage() + " (this suite's data comes from `" + generate + "`)", e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        data.close();
    }
}

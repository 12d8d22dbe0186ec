package io.moiety.eval;

import io.moiety.task.TaskSplit;
import java.util.List;

/** The tasks of a benchmark on one dataset: their names and their train/validation/ID/OOD frames. */
public interface TaskSource {
    /** Valid task names (for error messages). */
    List<String> names();

    /** Splits the dataset for one task; throws naming the task and what is missing. */
    TaskSplit split(String task) throws Exception;
}

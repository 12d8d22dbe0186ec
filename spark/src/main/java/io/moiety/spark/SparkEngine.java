package io.moiety.spark;

import io.moiety.label.UnitWork;
import io.moiety.label.WorkEngine;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.SparkDriverExecutionException;
import org.apache.spark.JobExecutionStatus;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.collection.Iterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A {@link WorkEngine} on Apache Spark: units run in waves, each wave one Spark job whose tasks
 * each run a slice of the units on an executor; the follow-ups of one wave form the next (for
 * labelling: molecules, then trajectories, then frames). Reports come back to the driver as each
 * task ends. The units' work object travels once per executor as a broadcast variable. An
 * unexpected error of a unit fails its task (Spark retries it up to {@code spark.task.maxFailures}
 * times, which is safe because units store their results and read them back) and names the
 * executor's host.
 */
public final class SparkEngine implements WorkEngine {
    private final JavaSparkContext spark;
    private final int tasksPerCore;
    private final TaskCounter counter = new TaskCounter();

    /**
     * @param spark        the Spark context (its master decides where units run)
     * @param tasksPerCore Spark tasks per core of the cluster in one wave: more gives finer
     *                     progress and load balance, fewer less scheduling overhead
     */
    public SparkEngine(JavaSparkContext spark, int tasksPerCore) {
        if (tasksPerCore < 1) {
            throw new IllegalArgumentException("tasks per core must be ≥ 1, got " + tasksPerCore);
        }
        this.spark = spark;
        this.tasksPerCore = tasksPerCore;
        spark.sc().addSparkListener(counter);
    }

    /** Spark task attempts that failed so far (each is retried until spark.task.maxFailures). */
    public long failedTaskAttempts() {
        return counter.failed;
    }

    @Override
    public <U extends Serializable, R extends Serializable> void run(UnitWork<U, R> work, List<U> roots, Consumer<R> reports)
            throws IOException, InterruptedException {
        Broadcast<UnitWork<U, R>> shared = spark.broadcast(work);
        try {
            List<U> wave = roots;
            for (int n = 1; !wave.isEmpty(); n++) {
                int slices = Math.min(wave.size(), Math.max(1, spark.defaultParallelism() * tasksPerCore));
                // interrupt running units when the job fails or is cancelled (their tools are killed)
                String group = "moiety-wave-" + n + "-" + System.nanoTime();
                spark.setJobGroup(group, "moiety wave " + n + ": " + wave.size() + " units", true);
                JavaRDD<U> units = spark.parallelize(wave, slices);
                List<U> next = new ArrayList<>();
                runJob(group, units, new RunUnits<>(shared), (index, results) -> {
                    for (UnitWork.Result<U, R> r : results) {
                        reports.accept(r.report());
                        next.addAll(r.next());
                    }
                });
                wave = next;
            }
        } finally {
            shared.destroy();
        }
    }

    @SuppressWarnings("unchecked")
    private <U extends Serializable, R extends Serializable> void runJob(String group, JavaRDD<U> units, RunUnits<U, R> function,
                                                                          ResultHandler<U, R> handler) throws InterruptedException {
        ClassTag<ArrayList<UnitWork.Result<U, R>>> tag = (ClassTag<ArrayList<UnitWork.Result<U, R>>>) (ClassTag<?>) ClassTag$.MODULE$.apply(ArrayList.class);
        try {
            spark.sc().runJob(units.rdd(), function, new Handler<>(handler), tag);
        } catch (Exception e) {         // Scala throws Spark's checked exceptions undeclared
            // a failed result handler fails the job but leaves its tasks running: stop them
            spark.cancelJobGroup(group);
            awaitStopped(group);
            if (e instanceof SparkDriverExecutionException && e.getCause() instanceof RuntimeException handlerError) {
                throw handlerError;     // the caller's report handler threw on the driver
            }
            throw new IllegalStateException("Spark job failed: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * After a failed job, waits (at most two minutes) until Spark has ended the group's jobs and
     * no task of theirs runs, so that a run that failed has stopped writing when {@link #run}
     * throws.
     */
    private void awaitStopped(String group) throws InterruptedException {
        JavaSparkStatusTracker status = spark.statusTracker();
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end && running(status, group)) {
            Thread.sleep(100);
        }
    }

    private static boolean running(JavaSparkStatusTracker status, String group) {
        for (int job : status.getJobIdsForGroup(group)) {
            SparkJobInfo info = status.getJobInfo(job);
            if (info == null) {
                continue;
            }
            if (info.status() == JobExecutionStatus.RUNNING) {
                return true;
            }
            for (int stage : info.stageIds()) {
                SparkStageInfo s = status.getStageInfo(stage);
                if (s != null && s.numActiveTasks() > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int cut = s.indexOf("\n\tat ");
        return cut < 0 ? s : s.substring(0, cut);
    }

    @Override
    public String toString() {
        return "Spark " + spark.master() + " (" + spark.defaultParallelism() + " cores)";
    }

    /** Handler of one task's results on the driver. */
    @FunctionalInterface
    private interface ResultHandler<U extends Serializable, R extends Serializable> {
        void handle(int index, ArrayList<UnitWork.Result<U, R>> results);
    }

    /** The driver-side result callback in Scala form. */
    private static final class Handler<U extends Serializable, R extends Serializable>
            extends AbstractFunction2<Object, ArrayList<UnitWork.Result<U, R>>, BoxedUnit> {
        private final ResultHandler<U, R> handler;

        Handler(ResultHandler<U, R> handler) {
            this.handler = handler;
        }

        @Override
        public BoxedUnit apply(Object index, ArrayList<UnitWork.Result<U, R>> results) {
            handler.handle((Integer) index, results);
            return BoxedUnit.UNIT;
        }
    }

    /** What one Spark task does on its executor: run its slice of units, one after another. */
    private static final class RunUnits<U extends Serializable, R extends Serializable>
            extends AbstractFunction2<TaskContext, Iterator<U>, ArrayList<UnitWork.Result<U, R>>> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Broadcast<UnitWork<U, R>> work;

        RunUnits(Broadcast<UnitWork<U, R>> work) {
            this.work = work;
        }

        @Override
        public ArrayList<UnitWork.Result<U, R>> apply(TaskContext context, Iterator<U> units) {
            UnitWork<U, R> w = work.value();
            ArrayList<UnitWork.Result<U, R>> out = new ArrayList<>();
            while (units.hasNext()) {
                context.killTaskIfInterrupted();     // the job was cancelled: leave the rest undone
                U unit = units.next();
                try {
                    out.add(w.run(unit));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted on " + executor(), e);
                } catch (IOException e) {
                    throw new UncheckedIOException("on " + executor() + ": " + e.getMessage(), e);
                } catch (Exception e) {
                    throw new IllegalStateException("on " + executor() + ": " + e.getMessage(), e);
                }
            }
            return out;
        }
    }

    /** Host and executor id of this process, for error messages. */
    static String executor() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "an unknown host";
        }
        SparkEnv env = SparkEnv.get();
        return "executor " + (env == null ? "?" : env.executorId()) + " on host " + host;
    }

    /** Counts failed Spark task attempts (lost executors, errors) for the driver's messages. */
    private static final class TaskCounter extends SparkListener {
        private volatile long failed;

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskInfo() != null && end.taskInfo().failed()) {
                failed++;
            }
        }
    }
}

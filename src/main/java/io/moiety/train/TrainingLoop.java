package io.moiety.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.moiety.data.Frame;
import io.moiety.metrics.ErrorAccumulator;
import io.moiety.model.EnergyHead;
import io.moiety.model.EnergyModel;
import io.moiety.model.Prediction;
import io.moiety.model.nn.GradMode;
import io.moiety.model.nn.Gradients;
import io.moiety.train.prior.EnergyPrior;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The optimisation loop: shuffled mini-batches, loss, backward, global-norm clipping, Adam/AdamW
 * step with the scheduled learning rate, EMA update; after each epoch validation with the EMA
 * weights, schedule update and listener callbacks (progress, metrics, checkpoints, early stopping).
 * Every step's arrays live in a per-step manager closed at the end of the step.
 *
 * <p>State that must survive a restart is exposed through {@link #snapshot()} and restored through
 * {@link #restore}; shuffling depends only on (seed, epoch), so a resumed run repeats exactly the
 * batches of the uninterrupted one.
 */
public final class TrainingLoop implements AutoCloseable, TrainingView {

    /**
     * Run-level facts the loop records in checkpoints; {@code prior} is the Δ-learning prior whose
     * residual the training frames hold, or null.
     */
    public record RunInfo(String modelName, String modelConfigYaml, long seed, EnergyHead head,
                          RunMetadata metadata, EnergyPrior prior) {
        /** Without a prior. */
        public RunInfo(String modelName, String modelConfigYaml, long seed, EnergyHead head,
                       RunMetadata metadata) {
            this(modelName, modelConfigYaml, seed, head, metadata, null);
        }
    }

    private final EnergyModel model;
    private final TrainingConfig config;
    private final RunInfo info;
    private final List<Frame> train;
    private final List<Frame> valid;
    private final List<TrainingListener> listeners;
    private final NDManager manager;
    private final AdamOptimizer optimizer;
    private final ExponentialMovingAverage ema;
    private final LearningRateSchedule schedule;
    private final EnergyForceLoss loss;
    private final int stepsPerEpoch;
    private final List<EpochResult> history = new ArrayList<>();
    private long globalStep;
    private double wallOffset;
    private boolean finished;
    private String stopReason = "";

    /**
     * @param model     the model to train (its parameters are updated in place)
     * @param config    training hyper-parameters
     * @param info      model name, config text, seed, normalisation and metadata for checkpoints
     * @param train     training frames (energies; forces when the force weight is non-zero)
     * @param valid     validation frames (may be empty: the training loss then drives the schedule)
     * @param listeners progress, logging, checkpoint and early-stopping listeners, called in order
     * @param parent    manager for optimiser and EMA state
     */
    public TrainingLoop(EnergyModel model, TrainingConfig config, RunInfo info, List<Frame> train, List<Frame> valid,
                        List<TrainingListener> listeners, NDManager parent) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training frames");
        }
        checkLabels(train, "training", config.forcesWeight() > 0);
        checkLabels(valid, "validation", false);
        this.model = model;
        this.config = config;
        this.info = info;
        this.train = List.copyOf(train);
        this.valid = List.copyOf(valid);
        this.listeners = List.copyOf(listeners);
        this.manager = parent.newSubManager();
        this.optimizer = new AdamOptimizer(config, manager);
        this.ema = config.emaDecay() > 0 ? new ExponentialMovingAverage(config.emaDecay(), model.parameters(), manager)
                : null;
        this.stepsPerEpoch = EpochBatches.count(train.size(), config.batchSize());
        this.schedule = LearningRateSchedule.of(config, stepsPerEpoch);
        this.loss = EnergyForceLoss.of(config);
    }

    private static void checkLabels(List<Frame> frames, String what, boolean needForces) {
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            if (!f.hasEnergy()) {
                throw new IllegalArgumentException(what + " frame " + i + " (" + f.structure().formula()
                        + ") has no energy label");
            }
            if (needForces && !f.hasForces()) {
                throw new IllegalArgumentException(what + " frame " + i + " (" + f.structure().formula()
                        + ") has no forces; set training.forces_weight=0 to train on energies only");
            }
        }
    }

    /** Restores the state of a {@code training} checkpoint (weights, EMA, optimiser, schedule, history). */
    public void restore(CheckpointFile.Loaded ck) {
        CheckpointState s = ck.state();
        Weights.assign(model.parameters(), ck.weights());
        Map<String, NDArray> moments = ck.arrays().get(CheckpointFile.OPTIMIZER);
        optimizer.restore(Weights.toList(moments == null ? Map.of() : moments), s.optimizerSteps());
        if (ema != null) {
            Map<String, NDArray> avg = ck.arrays().get(CheckpointFile.EMA);
            if (avg == null) {
                throw new IllegalArgumentException("checkpoint has no EMA weights but ema_decay > 0");
            }
            ema.restore(avg, s.emaUpdates());
        }
        schedule.restore(s.schedule());
        history.clear();
        history.addAll(s.history());
        globalStep = s.globalStep();
        wallOffset = history.isEmpty() ? 0 : history.get(history.size() - 1).wallSeconds();
        finished = s.finished();
        stopReason = s.stopReason();
        if (finished && (stopReason.startsWith("reached max_epochs") && history.size() < config.maxEpochs()
                || stopReason.startsWith("time limit"))) {
            finished = false; // limits may have been raised: the listeners decide again at the start
            stopReason = "";
        }
    }

    /** Runs until the epoch limit or early stopping; returns the epoch history. */
    public List<EpochResult> run() {
        long start = System.nanoTime();
        listeners.forEach(l -> l.onTrainingStart(this));
        checkStop();
        while (!finished && history.size() < config.maxEpochs()) {
            int epoch = history.size() + 1;
            double lossSum = 0;
            List<int[]> batches = EpochBatches.shuffled(train.size(), config.batchSize(), info.seed(), epoch - 1);
            double lr = Double.NaN;
            for (int b = 0; b < batches.size(); b++) {
                lr = schedule.rate(globalStep);
                StepResult sr = step(batch(batches.get(b)), epoch, b + 1, batches.size(), lr);
                lossSum += sr.loss();
                listeners.forEach(l -> l.onStep(sr));
            }
            double trainLoss = lossSum / batches.size();
            EpochResult r = validate(epoch, lr, trainLoss, wallOffset + (System.nanoTime() - start) / 1e9);
            schedule.onValidation(r.validLoss(), globalStep >= schedule.warmupSteps());
            history.add(r);
            if (history.size() >= config.maxEpochs()) {
                finished = true;
                stopReason = "reached max_epochs=" + config.maxEpochs();
            }
            listeners.forEach(l -> l.onEpochEnd(this, r));
            checkStop();
        }
        listeners.forEach(l -> l.onTrainingEnd(this, stopReason));
        return List.copyOf(history);
    }

    /** Ends the run if a listener (early stopping, time limit) gives a reason. */
    private void checkStop() {
        if (finished) {
            return;
        }
        for (TrainingListener l : listeners) {
            String reason = l.stopReason(this);
            if (reason != null) {
                finished = true;
                stopReason = reason;
                return;
            }
        }
    }

    /** The training frames at {@code indices}, with their labels. */
    private LabelledBatch batch(int[] indices) {
        List<Frame> frames = new ArrayList<>(indices.length);
        for (int i : indices) {
            frames.add(train.get(i));
        }
        return LabelledBatch.of(frames);
    }

    /**
     * One optimisation step on {@code batch} at learning rate {@code lr}, as {@link #run} takes it
     * for every mini-batch: forward with conservative forces, loss, backward, global-norm clipping,
     * optimiser update, EMA update. Counted as a step of the next epoch.
     */
    public StepResult step(LabelledBatch batch, double lr) {
        return step(batch, history.size() + 1, 1, 1, lr);
    }

    private StepResult step(LabelledBatch batch, int epoch, int index, int count, double lr) {
        Map<String, NDArray> params = model.parameters();
        try (NDManager step = manager.newSubManager()) {
            double value;
            // not DJL's GradientCollector: only one of those may exist per JVM, and bench trains cells in parallel
            try (GradMode gm = GradMode.enabled()) {
                EnergyModel.Output out = model.forward(batch.structures(), step, true);
                NDArray l = loss.compute(out, batch, step);
                Gradients.backward(l);
                value = scalar(l);
            }
            if (!Double.isFinite(value)) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "training diverged: loss is %s at epoch %d step %d (lr %.3g); lower training.lr or "
                                + "training.clip_grad_norm", value, epoch, index, lr));
            }
            Map<String, NDArray> grads = new LinkedHashMap<>();
            // squared norms summed on the device in double and read once: one device sync per step, not
            // one per parameter (the same arithmetic as adding the per-parameter sums on the host)
            NDArray normSqSum = null;
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                if (!e.getValue().hasGradient()) {
                    continue;
                }
                // null when the parameter took no part in the loss: skipped, as torch.optim does
                NDArray g = JniUtils.getGradient((PtNDArray) e.getValue());
                if (g == null) {
                    continue;
                }
                g.attach(step);
                grads.put(e.getKey(), g);
                NDArray sq = g.square().sum().toType(DataType.FLOAT64, false);
                normSqSum = normSqSum == null ? sq : normSqSum.add(sq);
            }
            double norm = normSqSum == null ? 0 : Math.sqrt(normSqSum.getDouble());
            double scale = config.clipGradNorm() > 0 && norm > config.clipGradNorm()
                    ? config.clipGradNorm() / (norm + 1e-12) : 1.0;
            optimizer.setLearningRate(lr);
            optimizer.setGradientScale(scale);
            grads.forEach((name, g) -> optimizer.update(name, params.get(name), g));
            if (ema != null) {
                ema.update(params);
            }
            globalStep++;
            return new StepResult(epoch, index, count, globalStep, lr, value, norm);
        }
    }

    private static double scalar(NDArray a) {
        return a.getDataType() == DataType.FLOAT64 ? a.getDouble() : a.toType(DataType.FLOAT64, false).getDouble();
    }

    private EpochResult validate(int epoch, double lr, double trainLoss, double wall) {
        if (valid.isEmpty()) {
            return new EpochResult(epoch, lr, trainLoss, trainLoss, Double.NaN, Double.NaN, Double.NaN, wall);
        }
        List<Prediction> predicted = withInferenceWeights(() ->
                model.predict(valid.stream().map(Frame::structure).toList(), config.validBatchSize()));
        ErrorAccumulator stats = new ErrorAccumulator();
        for (int i = 0; i < valid.size(); i++) {
            stats.add(valid.get(i), predicted.get(i).energy(), predicted.get(i).forces());
        }
        return new EpochResult(epoch, lr, trainLoss, loss.of(stats),
                stats.energyMaePerAtom(), stats.energyMae(), stats.forceMae(), wall);
    }

    /** Runs {@code body} with the EMA weights swapped into the network (plain weights without EMA). */
    public <T> T withInferenceWeights(Supplier<T> body) {
        if (ema == null) {
            return body.get();
        }
        try (NDManager tmp = manager.newSubManager()) {
            Map<String, NDArray> live = Weights.snapshot(model.parameters(), tmp);
            Weights.assign(model.parameters(), ema.averages());
            try {
                return body.get();
            } finally {
                Weights.assign(model.parameters(), live);
            }
        }
    }

    @Override
    public Map<String, NDArray> weights() {
        return model.parameters();
    }

    @Override
    public Map<String, NDArray> emaWeights() {
        return ema == null ? null : ema.averages();
    }

    @Override
    public Map<String, NDArray> optimizerMoments() {
        return Weights.toMap(optimizer.moments());
    }

    @Override
    public CheckpointState state() {
        int best = EarlyStopping.bestEpochIndex(history);
        return new CheckpointState(CheckpointFile.FORMAT_VERSION, "training", info.modelName(),
                info.modelConfigYaml(), config.toMap(), info.seed(), history.size(), globalStep, finished, stopReason,
                info.head(), schedule.state(), optimizer.stepCounts(), ema == null ? 0 : ema.updates(),
                best + 1, best < 0 ? Double.POSITIVE_INFINITY : history.get(best).validLoss(), List.copyOf(history),
                info.metadata(), info.prior());
    }

    @Override
    public List<EpochResult> history() { return List.copyOf(history); }

    @Override
    public int maxEpochs() { return config.maxEpochs(); }

    /** Whether the run has ended. */
    public boolean finished() { return finished; }

    @Override
    public int stepsPerEpoch() { return stepsPerEpoch; }

    @Override
    public void close() {
        optimizer.close();
        if (ema != null) {
            ema.close();
        }
        manager.close();
    }
}

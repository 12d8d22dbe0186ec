package io.moiety.train;

/**
 * One optimisation step.
 *
 * @param epoch        1-based epoch
 * @param step         1-based step within the epoch
 * @param stepsInEpoch steps in this epoch
 * @param globalStep   steps since the run started (1-based)
 * @param learningRate learning rate used
 * @param loss         batch loss (eV²-weighted, see {@link TrainingConfig})
 * @param gradNorm     global gradient norm before clipping
 */
public record StepResult(int epoch, int step, int stepsInEpoch, long globalStep, double learningRate,
                         double loss, double gradNorm) {}

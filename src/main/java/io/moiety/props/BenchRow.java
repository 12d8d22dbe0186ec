package io.moiety.props;

/**
 * One model on one test set of the property benchmark, with its predictions (target units).
 *
 * @param dataset     dataset name
 * @param descriptors descriptor source name ({@code file} or the descriptor file's name)
 * @param model       model name
 * @param split       interpolation, property, cluster or similarity
 * @param nIn         nominal training size N_in
 * @param seed        split seed
 * @param fold        cross-validation fold (0 for extrapolation)
 * @param metrics     test-set errors
 * @param fitSeconds  wall time of the fit
 * @param trainRef    training targets
 * @param trainPred   predictions on the training molecules
 * @param testRef     test targets
 * @param testPred    predictions on the test molecules
 */
public record BenchRow(String dataset, String descriptors, String model, String split, int nIn, long seed, int fold,
        int nTrain, Metrics metrics, double fitSeconds, double[] trainRef, double[] trainPred, double[] testRef,
        double[] testPred) {
}

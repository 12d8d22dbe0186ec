package io.moiety.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.model.EnergyHead;
import io.moiety.model.Prediction;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Network} without training over frames in batches, each batch in its own
 * manager closed right after, and returns plain Java predictions.
 */
public final class NetworkPredictor {
    private NetworkPredictor() {}

    /**
     * @param network   the network (current weights)
     * @param frames    structures to predict (labels ignored)
     * @param batchSize frames per forward pass
     * @param parent    manager under which per-batch managers are opened
     */
    public static List<Prediction> predict(Network network, List<Frame> frames, int batchSize, NDManager parent) {
        List<Prediction> out = new ArrayList<>(frames.size());
        for (int[] batch : EpochBatches.sequential(frames.size(), batchSize)) {
            List<Structure> structures = new ArrayList<>(batch.length);
            for (int i : batch) {
                structures.add(frames.get(i).structure());
            }
            try (NDManager step = parent.newSubManager()) {
                Network.Output o = network.forward(structures, step, false);
                double[] e = EnergyHead.totalEnergies(doubles(o.relativeEnergies()), o.referenceEnergies());
                double[] f = doubles(o.forces());
                int off = 0;
                for (int k = 0; k < batch.length; k++) {
                    int n3 = 3 * structures.get(k).size();
                    double[] fk = new double[n3];
                    System.arraycopy(f, off, fk, 0, n3);
                    off += n3;
                    out.add(new Prediction(e[k], fk));
                }
            }
        }
        return out;
    }

    /** Values of a float32 or float64 array as doubles. */
    static double[] doubles(NDArray a) {
        if (a.getDataType() == DataType.FLOAT64) {
            return a.toDoubleArray();
        }
        float[] f = a.toType(DataType.FLOAT32, false).toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}

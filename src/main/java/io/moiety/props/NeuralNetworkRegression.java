package io.moiety.props;

import io.moiety.data.Nd4jThread;
import io.moiety.data.SplitMix64;
import io.moiety.descriptors.PropertyTable;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A multilayer perceptron on the descriptors ("mlp"), with DeepLearning4J on the ND4J CPU backend:
 * standardised descriptors and target (ddof = 0), two hidden layers of {@code hidden} tanh units,
 * linear output, mean squared error, Adam (learning rate {@code learningRate}), L2 weight decay
 * {@code l2}, full-batch training for a fixed number of {@code epochs}, float64, weights seeded.
 * Runs on its own thread, away from PyTorch's OpenMP threads.
 */
public final class NeuralNetworkRegression implements PropertyModel {
    private final int hidden;
    private final int epochs;
    private final double learningRate;
    private final double l2;

    public NeuralNetworkRegression(int hidden, int epochs, double learningRate, double l2) {
        this.hidden = hidden;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.l2 = l2;
    }

    /** The bench defaults: 2 × 64 tanh units, 400 full-batch epochs, learning rate 5·10⁻³, L2 10⁻³. */
    public static NeuralNetworkRegression defaults() {
        return new NeuralNetworkRegression(64, 400, 5e-3, 1e-3);
    }

    @Override
    public String name() {
        return "mlp";
    }

    /**
     * The seed handed to DeepLearning4J: DL4J treats a zero seed as "no seed" and draws the initial
     * weights at random, so every seed, 0 included, is mixed (SplitMix64 finaliser) to a non-zero value.
     */
    static long dl4jSeed(long seed) {
        long z = SplitMix64.mix(seed + 0x9E3779B97F4A7C15L);
        return z == 0 ? 1 : z;
    }

    @Override
    public Fitted fit(PropertyTable train, long seed) {
        Standardization xs = Standardization.centring(train.descriptors(), 0);
        Standardization ys = Standardization.ofVector(train.target(), 0);
        double[][] x = xs.apply(train.descriptors());
        double[] y = ys.applyToVector(train.target());
        int p = x[0].length;
        MultiLayerNetwork net = Nd4jThread.call(() -> {
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                    .seed(dl4jSeed(seed))
                    .dataType(DataType.DOUBLE)
                    .updater(new Adam(learningRate))
                    .l2(l2)
                    .weightInit(WeightInit.XAVIER)
                    .list()
                    .layer(new DenseLayer.Builder().nIn(p).nOut(hidden).activation(Activation.TANH).build())
                    .layer(new DenseLayer.Builder().nIn(hidden).nOut(hidden).activation(Activation.TANH).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(hidden).nOut(1)
                            .activation(Activation.IDENTITY).build())
                    .build();
            MultiLayerNetwork n = new MultiLayerNetwork(conf);
            n.init();
            INDArray features = Nd4j.createFromArray(x);
            INDArray labels = Nd4j.createFromArray(y).reshape(y.length, 1);
            for (int e = 0; e < epochs; e++) {
                n.fit(features, labels);
            }
            return n;
        });
        return molecules -> {
            double[][] z = xs.apply(molecules.descriptors());
            double[] out = Nd4jThread.call(() -> net.output(Nd4j.createFromArray(z)).reshape(z.length).toDoubleVector());
            return ys.invertVector(out);
        };
    }
}

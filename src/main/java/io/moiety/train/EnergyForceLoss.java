package io.moiety.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.moiety.metrics.ErrorAccumulator;
import io.moiety.model.EnergyModel;

/**
 * The training loss {@code w_E · mean_b((Ê_b − E_b)/N_b)² + w_F · mean_{i,α}(F̂_iα − F_iα)²} in
 * eV and eV/Å, or with absolute values in place of the squares ({@code loss: mae}: the mean absolute
 * errors that the benchmark paper trained on, and the metric that reports force accuracy). The
 * energy residual is formed as {@code Ê_rel − (E_b − Σ E_ref)} with the label's reference sum
 * subtracted in double, so that float32 training does not round large total
 * energies (one float32 step is 0.49 meV at −4 200 eV, ethanol at DFT level). Labels and weights
 * are created as arrays in the step's manager (never DJL's scalar overloads), so they stay alive
 * through backward.
 */
public final class EnergyForceLoss {
    private final boolean absolute;
    private final double energyWeight;
    private final double forcesWeight;

    /**
     * @param absolute     mean absolute errors instead of mean squared errors
     * @param energyWeight weight of the per-atom energy term
     * @param forcesWeight weight of the force-component term (0: energies only)
     */
    public EnergyForceLoss(boolean absolute, double energyWeight, double forcesWeight) {
        this.absolute = absolute;
        this.energyWeight = energyWeight;
        this.forcesWeight = forcesWeight;
    }

    /** The loss of this config's form and weights. */
    public static EnergyForceLoss of(TrainingConfig c) {
        return new EnergyForceLoss(c.absoluteErrors(), c.energyWeight(), c.forcesWeight());
    }

    /**
     * Scalar loss for a batch.
     *
     * @param out   network output for {@code batch.structures()}
     * @param batch the structures' labels (energies and, if the force weight is non-zero, forces)
     * @param step  the step's manager (owns labels and constants)
     */
    public NDArray compute(EnergyModel.Output out, LabelledBatch batch, NDManager step) {
        DataType dt = out.relativeEnergies().getDataType();
        double[] ref = out.referenceEnergies();
        int b = batch.size();
        double[] e = new double[b];
        double[] n = new double[b];
        for (int k = 0; k < b; k++) {
            e[k] = batch.energies()[k] - ref[k];
            n[k] = batch.structures().get(k).size();
        }
        NDArray energyTerm = mean(out.relativeEnergies().sub(array(step, e, new Shape(b), dt))
                .div(array(step, n, new Shape(b), dt)));
        NDArray loss = energyTerm.mul(array(step, new double[] {energyWeight}, new Shape(), dt));
        if (forcesWeight > 0) {
            if (batch.forces() == null) {
                throw new IllegalArgumentException("force weight " + forcesWeight + " but the batch has no force labels");
            }
            NDArray forceTerm = mean(out.forces().sub(array(step, batch.forces(), new Shape(batch.atoms(), 3), dt)));
            loss = loss.add(forceTerm.mul(array(step, new double[] {forcesWeight}, new Shape(), dt)));
        }
        return loss;
    }

    /**
     * The same formula on accumulated errors (missing energies or forces count as 0): the
     * validation loss, comparable with the training loss.
     */
    public double of(ErrorAccumulator errors) {
        double e = errors.energyCount() == 0 ? 0
                : absolute ? errors.energyMaePerAtom() : errors.energyMsePerAtom();
        double f = errors.forceComponentCount() == 0 ? 0 : absolute ? errors.forceMae() : errors.forceMse();
        return energyWeight * e + forcesWeight * f;
    }

    /** Mean of the squared or absolute residuals. */
    private NDArray mean(NDArray residual) {
        return (absolute ? residual.abs() : residual.square()).mean();
    }

    private static NDArray array(NDManager m, double[] v, Shape shape, DataType dt) {
        NDArray a = m.create(v, shape).toDevice(m.getDevice(), false);
        return dt == DataType.FLOAT64 ? a : a.toType(dt, false);
    }
}

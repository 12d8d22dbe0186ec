package io.moiety.train;

import io.moiety.data.Frame;
import io.moiety.model.Prediction;
import java.util.List;

/**
 * Accumulates prediction errors against labelled frames: energy MAE/RMSE (total, eV, and per
 * atom, eV/atom) and force-component MAE/RMSE (eV/Å), plus the training-loss formula evaluated on
 * the same frames. Unlabelled energies or forces are skipped.
 */
public final class ErrorStats {
    private long energyCount;
    private double energyAbs;
    private double energySq;
    private double energyAbsPerAtom;
    private double energySqPerAtom;
    private long forceCount;
    private double forceAbs;
    private double forceSq;

    /** Adds one prediction for one labelled frame. */
    public void add(Frame frame, Prediction p) {
        if (frame.hasEnergy()) {
            double d = p.energy() - frame.energy();
            energyCount++;
            energyAbs += Math.abs(d);
            energySq += d * d;
            double a = d / frame.size();
            energyAbsPerAtom += Math.abs(a);
            energySqPerAtom += a * a;
        }
        if (frame.hasForces() && p.hasForces()) {
            double[] f = frame.forces();
            double[] q = p.forces();
            for (int i = 0; i < f.length; i++) {
                double d = q[i] - f[i];
                forceAbs += Math.abs(d);
                forceSq += d * d;
            }
            forceCount += f.length;
        }
    }

    /** Adds predictions for frames, in order. */
    public ErrorStats addAll(List<Frame> frames, List<Prediction> predictions) {
        for (int i = 0; i < frames.size(); i++) {
            add(frames.get(i), predictions.get(i));
        }
        return this;
    }

    public long energyCount() { return energyCount; }

    public long forceComponentCount() { return forceCount; }

    /** Energy MAE (eV); NaN without energy labels. */
    public double energyMae() { return energyCount == 0 ? Double.NaN : energyAbs / energyCount; }

    /** Energy RMSE (eV). */
    public double energyRmse() { return energyCount == 0 ? Double.NaN : Math.sqrt(energySq / energyCount); }

    /** Energy MAE per atom (eV/atom). */
    public double energyMaePerAtom() { return energyCount == 0 ? Double.NaN : energyAbsPerAtom / energyCount; }

    /** Energy RMSE per atom (eV/atom). */
    public double energyRmsePerAtom() {
        return energyCount == 0 ? Double.NaN : Math.sqrt(energySqPerAtom / energyCount);
    }

    /** Force-component MAE (eV/Å); NaN without force labels. */
    public double forceMae() { return forceCount == 0 ? Double.NaN : forceAbs / forceCount; }

    /** Force-component RMSE (eV/Å). */
    public double forceRmse() { return forceCount == 0 ? Double.NaN : Math.sqrt(forceSq / forceCount); }

    /**
     * {@code wE·MSE(E/N) + wF·MSE(F)} over the accumulated frames, or with MAEs when {@code absolute}
     * (missing parts count as 0): the training loss of {@link EnergyForceLoss} on these frames.
     */
    public double loss(boolean absolute, double energyWeight, double forcesWeight) {
        double e = energyCount == 0 ? 0 : (absolute ? energyAbsPerAtom : energySqPerAtom) / energyCount;
        double f = forceCount == 0 ? 0 : (absolute ? forceAbs : forceSq) / forceCount;
        return energyWeight * e + forcesWeight * f;
    }
}

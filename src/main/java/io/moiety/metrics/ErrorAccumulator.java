package io.moiety.metrics;

import io.moiety.data.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Accumulates reference-vs-prediction errors frame by frame: the sums behind every error metric of
 * the project (validation during training, {@code moiety predict}, benchmark splits). Gives the
 * plain means ({@link #energyMae()}, {@link #forceMae()}, ...), the benchmark's
 * {@link SplitMetrics}, per-environment force errors and a {@link ParitySample}. Frames without a
 * reference energy are left out of the energy sums; force sums cover the frames with both reference
 * and predicted forces. Energies in eV, forces in eV/Å.
 */
public final class ErrorAccumulator {
    private static final double TINY = 1e-12;

    private final Map<String, Long> trainingEnvironments;
    private final ToDoubleFunction<int[]> energyOffset;
    private final int maxForcePoints;
    private final Random sampler = new Random(12345);

    private int frames;
    private long atoms;
    private long energyCount;
    private boolean forcesMissing;
    private double absE, sqE, absEAtom, sqEAtom;
    private final Welford refE = new Welford();
    private final Welford refEAtom = new Welford();
    private final Welford refF = new Welford();
    private double absF, sqF, cosSum;
    private long components, cosCount;
    private final Map<String, EnvSums> envs = new TreeMap<>();
    private final List<Double> eRef = new ArrayList<>();
    private final List<Double> ePred = new ArrayList<>();
    private final double[] fRefSample;
    private final double[] fPredSample;
    private long forceSeen;

    /** Totals only: no environment breakdown and no force parity sample. */
    public ErrorAccumulator() {
        this(Map.of(), 0);
    }

    /**
     * @param trainingEnvironments atoms per environment label in the training frames (for marking unseen motifs)
     * @param maxForcePoints       size of the force-component reservoir kept for parity plots
     */
    public ErrorAccumulator(Map<String, Long> trainingEnvironments, int maxForcePoints) {
        this(trainingEnvironments, maxForcePoints, z -> 0.0);
    }

    /**
     * @param energyOffset energy (eV) subtracted from reference and prediction in the parity sample only,
     *                     e.g. the per-element reference energies of the composition, so that the plot
     *                     shows the interesting part of E/atom rather than the composition
     */
    public ErrorAccumulator(Map<String, Long> trainingEnvironments, int maxForcePoints,
                            ToDoubleFunction<int[]> energyOffset) {
        this.energyOffset = energyOffset;
        this.trainingEnvironments = trainingEnvironments == null ? Map.of() : trainingEnvironments;
        this.maxForcePoints = maxForcePoints;
        this.fRefSample = new double[maxForcePoints];
        this.fPredSample = new double[maxForcePoints];
    }

    /** Adds one frame without an environment breakdown. */
    public void add(Frame reference, double energy, double[] forces) {
        add(reference, energy, forces, null);
    }

    /**
     * Adds one frame.
     *
     * @param reference    the labelled frame
     * @param energy       predicted total energy, eV
     * @param forces       predicted forces, eV/Å, {@code [N*3]}, or null for an energy-only model
     * @param environments per-atom environment labels (null: no breakdown for this frame)
     */
    public void add(Frame reference, double energy, double[] forces, String[] environments) {
        int n = reference.size();
        frames++;
        atoms += n;
        if (reference.hasEnergy()) {
            addEnergy(reference, energy);
        }
        double[] fr = reference.forces();
        double[] fp = forces;
        boolean haveForces = fr != null && fp != null;
        if (!haveForces) {
            forcesMissing = true;
        }
        for (int a = 0; a < n; a++) {
            EnvSums env = environments == null ? null
                    : envs.computeIfAbsent(environments[a], k -> new EnvSums());
            if (env != null) {
                env.atoms++;
            }
            if (fr != null) {
                for (int k = 0; k < 3; k++) {
                    refF.add(fr[3 * a + k]);
                }
            }
            if (!haveForces) {
                continue;
            }
            double dot = 0, nr = 0, np = 0, aAbs = 0, aSq = 0;
            for (int k = 0; k < 3; k++) {
                double r = fr[3 * a + k];
                double p = fp[3 * a + k];
                double d = p - r;
                absF += Math.abs(d);
                sqF += d * d;
                aAbs += Math.abs(d);
                aSq += d * d;
                dot += r * p;
                nr += r * r;
                np += p * p;
                sample(r, p);
            }
            components += 3;
            double cos = Double.NaN;
            if (nr > TINY && np > TINY) {
                cos = dot / Math.sqrt(nr * np);
                cosSum += cos;
                cosCount++;
            }
            if (env != null) {
                env.abs += aAbs;
                env.sq += aSq;
                env.components += 3;
                if (!Double.isNaN(cos)) {
                    env.cos += cos;
                    env.cosCount++;
                }
            }
        }
    }

    private void addEnergy(Frame reference, double energy) {
        int n = reference.size();
        energyCount++;
        double err = energy - reference.energy();
        double perAtom = err / n;
        absE += Math.abs(err);
        sqE += err * err;
        absEAtom += Math.abs(perAtom);
        sqEAtom += perAtom * perAtom;
        refE.add(reference.energy());
        refEAtom.add(reference.energy() / n);
        double offset = energyOffset.applyAsDouble(reference.structure().atomicNumbers());
        eRef.add((reference.energy() - offset) / n);
        ePred.add((energy - offset) / n);
    }

    private void sample(double r, double p) {
        long i = forceSeen++;
        if (i < maxForcePoints) {
            fRefSample[(int) i] = r;
            fPredSample[(int) i] = p;
        } else {
            long j = (long) (sampler.nextDouble() * (i + 1));
            if (j < maxForcePoints) {
                fRefSample[(int) j] = r;
                fPredSample[(int) j] = p;
            }
        }
    }

    /** Frames with a reference energy. */
    public long energyCount() { return energyCount; }

    /** Force components with both a reference and a prediction. */
    public long forceComponentCount() { return components; }

    /** Energy MAE (eV); NaN without energy labels. */
    public double energyMae() { return energyCount == 0 ? Double.NaN : absE / energyCount; }

    /** Energy RMSE (eV). */
    public double energyRmse() { return Math.sqrt(energyMse()); }

    private double energyMse() { return energyCount == 0 ? Double.NaN : sqE / energyCount; }

    /** Energy MAE per atom (eV/atom). */
    public double energyMaePerAtom() { return energyCount == 0 ? Double.NaN : absEAtom / energyCount; }

    /** Mean squared energy error per atom ((eV/atom)²). */
    public double energyMsePerAtom() { return energyCount == 0 ? Double.NaN : sqEAtom / energyCount; }

    /** Energy RMSE per atom (eV/atom). */
    public double energyRmsePerAtom() { return Math.sqrt(energyMsePerAtom()); }

    /** Force-component MAE (eV/Å) over the frames with forces on both sides; NaN without any. */
    public double forceMae() { return components == 0 ? Double.NaN : absF / components; }

    /** Mean squared force-component error ((eV/Å)²). */
    public double forceMse() { return components == 0 ? Double.NaN : sqF / components; }

    /** Force-component RMSE (eV/Å). */
    public double forceRmse() { return Math.sqrt(forceMse()); }

    /**
     * The split's metrics; force metrics are NaN if any frame lacked predicted or reference forces
     * (a split is compared on all of its frames or not at all).
     */
    public SplitMetrics metrics() {
        EnumMap<Metric, Double> v = new EnumMap<>(Metric.class);
        if (frames == 0) {
            return new SplitMetrics(0, 0, v);
        }
        v.put(Metric.ENERGY_MAE, energyMae());
        v.put(Metric.ENERGY_RMSE, energyRmse());
        v.put(Metric.ENERGY_MAE_PER_ATOM, energyMaePerAtom());
        v.put(Metric.ENERGY_RMSE_PER_ATOM, energyRmsePerAtom());
        v.put(Metric.ENERGY_STD, refE.std());
        v.put(Metric.ENERGY_RMSE_OVER_STD, energyRmse() / refE.std());
        v.put(Metric.ENERGY_RMSE_PER_ATOM_OVER_STD, energyRmsePerAtom() / refEAtom.std());
        if (refF.count() > 0) {
            v.put(Metric.FORCE_STD, refF.std());
        }
        if (!forcesMissing && components > 0) {
            v.put(Metric.FORCE_MAE, forceMae());
            v.put(Metric.FORCE_RMSE, forceRmse());
            v.put(Metric.FORCE_RMSE_OVER_STD, forceRmse() / refF.std());
            v.put(Metric.FORCE_COSINE, cosCount == 0 ? Double.NaN : cosSum / cosCount);
        }
        return new SplitMetrics(frames, atoms, v);
    }

    /** Force errors per environment label, sorted by label. */
    public List<EnvironmentError> environments() {
        List<EnvironmentError> out = new ArrayList<>();
        boolean forces = !forcesMissing;
        envs.forEach((label, s) -> out.add(new EnvironmentError(label, s.atoms,
                trainingEnvironments.getOrDefault(label, 0L),
                forces && s.components > 0 ? s.abs / s.components : Double.NaN,
                forces && s.components > 0 ? Math.sqrt(s.sq / s.components) : Double.NaN,
                forces && s.cosCount > 0 ? s.cos / s.cosCount : Double.NaN)));
        return out;
    }

    /** Energies per atom of every frame and a reservoir sample of force components. */
    public ParitySample paritySample() {
        int nf = forcesMissing ? 0 : (int) Math.min(forceSeen, maxForcePoints);
        return new ParitySample(eRef.stream().mapToDouble(Double::doubleValue).toArray(),
                ePred.stream().mapToDouble(Double::doubleValue).toArray(),
                Arrays.copyOf(fRefSample, nf), Arrays.copyOf(fPredSample, nf));
    }

    private static final class EnvSums {
        long atoms, components, cosCount;
        double abs, sq, cos;
    }

    /** Running mean and population standard deviation (Welford). */
    static final class Welford {
        private long n;
        private double mean, m2;

        void add(double x) {
            n++;
            double d = x - mean;
            mean += d / n;
            m2 += d * (x - mean);
        }

        long count() { return n; }

        double std() { return n == 0 ? Double.NaN : Math.sqrt(m2 / n); }
    }
}

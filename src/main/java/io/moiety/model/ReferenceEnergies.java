package io.moiety.model;

import io.moiety.chem.Element;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Per-element reference energies E_ref(Z) (eV), added to a network's output:
 * {@code E = … + Σ_i E_ref(Z_i)}. Fitted by least squares on training energies
 * ({@link #fit}) or taken from isolated-atom calculations ({@link #fromIsolatedAtoms}).
 * Elements without a value contribute 0.
 */
public final class ReferenceEnergies {
    private final double[] byZ;

    private ReferenceEnergies(double[] byZ) {
        this.byZ = byZ;
    }

    /** All zero. */
    public static ReferenceEnergies zero() {
        return new ReferenceEnergies(new double[Element.values().length + 2]);
    }

    /** From a map Z → eV. */
    public static ReferenceEnergies of(Map<Integer, Double> values) {
        ReferenceEnergies r = zero();
        values.forEach((z, e) -> r.byZ[checkZ(z)] = e);
        return r;
    }

    private static int checkZ(int z) {
        if (z < 1 || z > 118) {
            throw new IllegalArgumentException("atomic number " + z + " outside 1…118");
        }
        return z;
    }

    /**
     * Least-squares fit of {@code E_frame ≈ Σ_Z n_Z(frame)·E_ref(Z)} over the labelled frames
     * (eV); {@code lambda} is a ridge strength (0 for plain least squares).
     */
    public static ReferenceEnergies fit(List<Frame> frames, double lambda) {
        return fit(frames, (x, y) -> LeastSquares.solve(x, y, lambda));
    }

    /**
     * The minimum-norm least-squares fit ({@link LeastSquares#minimumNorm}): energy references of
     * elements whose counts the training compositions do not determine separately (e.g. C and H
     * when every molecule is CnH2n+2) share the undetermined part evenly instead of drifting.
     */
    public static ReferenceEnergies fitMinimumNorm(List<Frame> frames) {
        return fit(frames, LeastSquares::minimumNorm);
    }

    /**
     * Isolated-atom energies corrected by the training energies where the training compositions
     * determine a correction: {@code E_ref = E_iso + δ}, δ the minimum-norm least-squares fit of
     * {@code E_frame − Σ_i E_iso(Z_i)} (eV). Any composition in the span of the training
     * compositions gets the least-squares reference sum; along directions the training
     * compositions leave open, the references stay at the isolated-atom values.
     */
    public static ReferenceEnergies anchored(List<Frame> frames, ReferenceEnergies isolated) {
        return fit(frames, LeastSquares::minimumNorm, isolated);
    }

    private static ReferenceEnergies fit(List<Frame> frames, BiFunction<double[][], double[], double[]> solver) {
        return fit(frames, solver, zero());
    }

    private static ReferenceEnergies fit(List<Frame> frames, BiFunction<double[][], double[], double[]> solver,
                                         ReferenceEnergies anchor) {
        TreeSet<Integer> elements = new TreeSet<>();
        List<Frame> labelled = new ArrayList<>();
        for (Frame f : frames) {
            if (f.hasEnergy()) {
                labelled.add(f);
                for (int z : f.structure().atomicNumbers()) {
                    elements.add(z);
                }
            }
        }
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("no frame with an energy to fit reference energies");
        }
        int[] zs = elements.stream().mapToInt(Integer::intValue).toArray();
        int[] col = new int[119];
        Arrays.fill(col, -1);
        for (int k = 0; k < zs.length; k++) {
            col[zs[k]] = k;
        }
        double[][] x = new double[labelled.size()][zs.length];
        double[] y = new double[labelled.size()];
        for (int r = 0; r < labelled.size(); r++) {
            for (int z : labelled.get(r).structure().atomicNumbers()) {
                x[r][col[z]] += 1;
            }
            y[r] = labelled.get(r).energy() - anchor.total(labelled.get(r).structure().atomicNumbers());
        }
        double[] w = solver.apply(x, y);
        ReferenceEnergies out = zero();
        for (int k = 0; k < zs.length; k++) {
            out.byZ[zs[k]] = anchor.byZ[zs[k]] + w[k];
        }
        return out;
    }

    /** From single-atom frames (e.g. {@code isolated_atoms.xyz}): E_ref(Z) = energy of the lone atom Z. */
    public static ReferenceEnergies fromIsolatedAtoms(List<Frame> frames) {
        ReferenceEnergies out = zero();
        for (Frame f : frames) {
            if (f.size() != 1) {
                throw new IllegalArgumentException("isolated-atom frame with " + f.size() + " atoms (" + f.structure().formula() + ")");
            }
            if (!f.hasEnergy()) {
                throw new IllegalArgumentException("isolated-atom frame " + f.structure().formula() + " has no energy");
            }
            out.byZ[f.structure().atomicNumbers()[0]] = f.energy();
        }
        return out;
    }

    /** E_ref(Z) = the isolated-atom energy of Z. */
    public static ReferenceEnergies fromIsolatedAtoms(IsolatedAtoms atoms) {
        return of(atoms.energies());
    }

    /**
     * Reads the isolated-atom energies of any dataset file readable by {@link DatasetFiles}: those it
     * stores as such (Moiety HDF5 group, extended-XYZ {@code config_type=IsolatedAtom} frames), or else
     * its molecules, which must then all be single atoms.
     */
    public static ReferenceEnergies fromIsolatedAtoms(Path file) throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (Dataset d = DatasetFiles.open(file)) {
            if (!d.isolatedAtoms().isEmpty()) {
                return fromIsolatedAtoms(d.isolatedAtoms());
            }
            for (MoleculeRecord m : d) {
                frames.addAll(m.frames());
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return fromIsolatedAtoms(frames);
    }

    /** E_ref(Z), eV (0 when unset). */
    public double of(int z) { return byZ[z]; }

    /** Σ_i E_ref(Z_i), eV. */
    public double total(int[] atomicNumbers) {
        double s = 0;
        for (int z : atomicNumbers) {
            s += byZ[z];
        }
        return s;
    }

    /** Non-zero entries, Z → eV (for persistence and display). */
    public Map<Integer, Double> asMap() {
        Map<Integer, Double> m = new LinkedHashMap<>();
        for (int z = 1; z < byZ.length; z++) {
            if (byZ[z] != 0) {
                m.put(z, byZ[z]);
            }
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceEnergies r && Arrays.equals(byZ, r.byZ);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(byZ); }

    @Override
    public String toString() { return "ReferenceEnergies" + asMap(); }
}

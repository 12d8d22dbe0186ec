package io.moiety.eval;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import io.moiety.metrics.AtomEnvironments;
import io.moiety.metrics.CovalentBonds;
import io.moiety.task.TaskSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test molecules: straight zig-zag carbon chains with hydrogens, optionally ending in a hydroxyl
 * group (alcohols, diols), with plausible bond lengths so geometric bond perception finds the
 * intended graph. Labels come from a harmonic-bond model (energies in eV, forces in eV/Å, exact
 * analytic gradients) on top of per-environment constant energies.
 */
public final class SyntheticChains {
    private SyntheticChains() {}

    /** Equilibrium structure of C_n H_(2n+2-k) (OH)_k with k hydroxyls at the chain ends (k = 0, 1, 2). */
    public static Structure chain(int carbons, int hydroxyls) {
        List<Integer> z = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        for (int i = 0; i < carbons; i++) {
            z.add(6);
            x.add(new double[] {1.27 * i, i % 2 == 0 ? 0 : 0.85, 0});
        }
        for (int i = 0; i < carbons; i++) {
            double[] c = x.get(i);
            double s = i % 2 == 0 ? -1 : 1;
            for (double sz : new double[] {-1, 1}) {
                z.add(1);
                x.add(new double[] {c[0], c[1] + s * 1.09 * 0.57, sz * 1.09 * 0.82});
            }
            boolean first = i == 0;
            boolean last = i == carbons - 1;
            if (first || last) {
                double dir = first ? -1 : 1;
                boolean hydroxyl = (first && hydroxyls >= 1) || (last && hydroxyls >= 2 && carbons > 1);
                if (hydroxyl) {
                    double[] o = {c[0] + dir * 1.43 * 0.94, c[1] + s * 1.43 * 0.34, 0};
                    z.add(8);
                    x.add(o);
                    z.add(1);
                    x.add(new double[] {o[0] + dir * 0.96 * 0.3, o[1] - s * 0.96 * 0.95, 0});
                } else {
                    z.add(1);
                    x.add(new double[] {c[0] + dir * 1.09 * 0.94, c[1] + s * 1.09 * 0.34, 0});
                }
            }
        }
        int[] zs = z.stream().mapToInt(Integer::intValue).toArray();
        double[] pos = new double[zs.length * 3];
        for (int i = 0; i < zs.length; i++) {
            System.arraycopy(x.get(i), 0, pos, 3 * i, 3);
        }
        return Structure.molecule(zs, pos);
    }

    /** Harmonic bonds around the equilibrium graph plus per-environment constants. */
    public record HarmonicModel(double k, Map<String, Double> environmentEnergy) {
        /** Energy (eV) and forces (eV/Å) of {@code s} with the bond graph {@code bonds} and rest lengths {@code r0}. */
        public Frame label(Structure s, int[][] bonds, double[] r0, String[] env) {
            double[] x = s.positions();
            double[] f = new double[x.length];
            double e = 0;
            for (String t : env) {
                e += environmentEnergy.getOrDefault(t, 0.0);
            }
            for (int b = 0; b < bonds.length; b++) {
                int i = bonds[b][0], j = bonds[b][1];
                double[] d = new double[3];
                double r2 = 0;
                for (int c = 0; c < 3; c++) {
                    d[c] = x[3 * i + c] - x[3 * j + c];
                    r2 += d[c] * d[c];
                }
                double r = Math.sqrt(r2);
                double dr = r - r0[b];
                e += k * dr * dr;
                for (int c = 0; c < 3; c++) {
                    double g = 2 * k * dr * d[c] / r;
                    f[3 * i + c] -= g;
                    f[3 * j + c] += g;
                }
            }
            return Frame.of(s, e, f);
        }
    }

    /** A molecule with {@code frames} thermal-like random displacements (σ Å) labelled by {@code model}. */
    public static MoleculeRecord molecule(String id, Structure eq, int frames, double sigma, HarmonicModel model, long seed) {
        int[][] nb = CovalentBonds.neighbours(eq);
        List<int[]> bonds = new ArrayList<>();
        for (int i = 0; i < nb.length; i++) {
            for (int j : nb[i]) {
                if (j > i) {
                    bonds.add(new int[] {i, j});
                }
            }
        }
        int[][] b = bonds.toArray(new int[0][]);
        double[] r0 = new double[b.length];
        double[] x0 = eq.positions();
        for (int i = 0; i < b.length; i++) {
            double r2 = 0;
            for (int c = 0; c < 3; c++) {
                double d = x0[3 * b[i][0] + c] - x0[3 * b[i][1] + c];
                r2 += d * d;
            }
            r0[i] = Math.sqrt(r2);
        }
        String[] env = AtomEnvironments.labels(eq.atomicNumbers(), nb);
        Random rnd = new Random(seed);
        List<Frame> out = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            double[] x = x0.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] += sigma * rnd.nextGaussian();
            }
            out.add(model.label(eq.withPositions(x), b, r0, env));
        }
        return new MoleculeRecord(id, "", eq.formula(), 0, 1, "harmonic test model", "SyntheticChains", out);
    }

    /** Default labelling model: k = 20 eV/Å², per-environment constants of plausible size. */
    public static HarmonicModel defaultModel() {
        return new HarmonicModel(20.0, Map.of(
                "C(C,H,H,H)", -150.2, "C(C,C,H,H)", -149.6, "C(C,H,H,O)", -150.9,
                "H(C)", -13.1, "H(O)", -13.9, "O(C,H)", -430.7, "C(H,H,H,O)", -151.3));
    }

    /**
     * A small chain-extension-like task: train on C2–C4 alkanes and alcohols, OOD on C5–C6
     * alkanes and the C4 diol (a new environment mix).
     */
    public static TaskSplit task(String name, int framesPerMolecule) {
        HarmonicModel m = defaultModel();
        List<MoleculeRecord> train = new ArrayList<>();
        List<MoleculeRecord> val = new ArrayList<>();
        List<MoleculeRecord> id = new ArrayList<>();
        List<MoleculeRecord> ood = new ArrayList<>();
        long seed = 1;
        for (int n = 2; n <= 4; n++) {
            for (int oh = 0; oh <= 1; oh++) {
                Structure s = chain(n, oh);
                String mid = "C" + n + (oh == 1 ? "-ol" : "");
                train.add(molecule(mid, s, framesPerMolecule, 0.03, m, seed++));
                MoleculeRecord second = molecule(mid, s, framesPerMolecule, 0.03, m, seed++);
                int v = Math.max(1, framesPerMolecule / 5);
                val.add(second.withFrames(second.frames().subList(0, v)));
                id.add(second.withFrames(second.frames().subList(v, second.frames().size())));
            }
        }
        ood.add(molecule("C5", chain(5, 0), framesPerMolecule, 0.03, m, seed++));
        ood.add(molecule("C6", chain(6, 0), framesPerMolecule, 0.03, m, seed++));
        ood.add(molecule("C4-diol", chain(4, 2), framesPerMolecule, 0.03, m, seed++));
        return new TaskSplit(name, train, val, id, ood);
    }
}

package io.moiety.cli;

import io.moiety.chem.Element;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Running statistics over a dataset for {@code moiety inspect}: counts, elements, energies (eV,
 * total and per atom) and force components (eV/Å).
 */
final class DatasetSummary {
    /** Streaming mean, standard deviation, minimum and maximum (Welford). */
    static final class Moments {
        long n;
        double mean;
        double m2;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double x) {
            n++;
            double d = x - mean;
            mean += d / n;
            m2 += d * (x - mean);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }

        double std() {
            return n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
        }
    }

    long molecules;
    long frames;
    long atoms;
    int minAtoms = Integer.MAX_VALUE;
    int maxAtoms;
    long unlabelled;
    long withoutForces;
    final TreeMap<Integer, long[]> elements = new TreeMap<>();
    final Moments energy = new Moments();
    final Moments energyPerAtom = new Moments();
    long forceComponents;
    double sumAbsForce;
    double sumSqForce;
    double maxForceNorm;

    void add(MoleculeRecord m) {
        molecules++;
        for (int z : m.atomicNumbers()) {
            elements.computeIfAbsent(z, k -> new long[2])[0] += m.frames().size();
        }
        for (int z : new TreeSet<>(Arrays.stream(m.atomicNumbers()).boxed().toList())) {
            elements.get(z)[1]++;
        }
        for (Frame f : m.frames()) {
            add(f);
        }
    }

    private void add(Frame f) {
        int n = f.size();
        frames++;
        atoms += n;
        minAtoms = Math.min(minAtoms, n);
        maxAtoms = Math.max(maxAtoms, n);
        if (f.hasEnergy()) {
            energy.add(f.energy());
            energyPerAtom.add(f.energy() / n);
        } else {
            unlabelled++;
        }
        double[] forces = f.forces();
        if (forces == null) {
            withoutForces++;
            return;
        }
        for (int a = 0; a < n; a++) {
            double x = forces[3 * a];
            double y = forces[3 * a + 1];
            double z = forces[3 * a + 2];
            sumAbsForce += Math.abs(x) + Math.abs(y) + Math.abs(z);
            double sq = x * x + y * y + z * z;
            sumSqForce += sq;
            maxForceNorm = Math.max(maxForceNorm, Math.sqrt(sq));
        }
        forceComponents += 3L * n;
    }

    void print(PrintWriter out) {
        row(out, "molecules", Long.toString(molecules));
        row(out, "frames", frames + (unlabelled > 0 ? " (" + unlabelled + " without energy)" : "")
                + (withoutForces > 0 ? " (" + withoutForces + " without forces)" : ""));
        row(out, "atoms", frames == 0 ? "0" : String.format(Locale.ROOT, "%d in all, %.1f per frame (%d to %d)",
                atoms, (double) atoms / frames, minAtoms, maxAtoms));
        StringBuilder el = new StringBuilder();
        elements.forEach((z, c) -> el.append(el.length() == 0 ? "" : ", ").append(Element.ofZ(z).symbol())
                .append(' ').append(count(c[0], "atom")).append(" in ").append(count(c[1], "molecule")));
        row(out, "elements", el.toString());
        if (energy.n > 0) {
            row(out, "energy", stats(energy, "eV"));
            row(out, "energy/atom", stats(energyPerAtom, "eV/atom"));
        }
        if (forceComponents > 0) {
            row(out, "forces", String.format(Locale.ROOT, "mean |F_i| %.4f, RMS %.4f, max |F| %.4f eV/Å (%d components)",
                    sumAbsForce / forceComponents, Math.sqrt(sumSqForce / forceComponents), maxForceNorm, forceComponents));
        }
    }

    private static String stats(Moments m, String unit) {
        return String.format(Locale.ROOT, "min %.6f, max %.6f, mean %.6f, std %.6f %s (%d frames)",
                m.min, m.max, m.mean, m.std(), unit, m.n);
    }

    /** {@code 1 atom}, {@code 2 atoms}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static void row(PrintWriter out, String label, String value) {
        out.printf(Locale.ROOT, "%-12s %s%n", label, value);
    }
}

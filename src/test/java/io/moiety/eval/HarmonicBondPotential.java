package io.moiety.eval;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.metrics.CovalentBonds;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import java.util.ArrayList;
import java.util.List;

/**
 * A real (if crude) force field for tests: harmonic bonds on the geometric bond graph with one
 * stiffness {@code k} (eV/Å²) and rest lengths from covalent radii, plus a constant energy per atom.
 * Its forces are the exact negative gradient, so it is a fair stand-in for a trained network.
 */
final class HarmonicBondPotential implements Potential {
    private final String name;
    private final double k;
    private final double perAtom;

    HarmonicBondPotential(String name, double k, double perAtom) {
        this.name = name;
        this.k = k;
        this.perAtom = perAtom;
    }

    @Override public String name() { return name; }

    @Override public boolean predictsForces() { return true; }

    @Override
    public List<Prediction> predict(List<Frame> frames) {
        List<Prediction> out = new ArrayList<>();
        for (Frame fr : frames) {
            Structure s = fr.structure();
            int[][] nb = CovalentBonds.neighbours(s);
            double[] x = s.positions();
            double[] f = new double[x.length];
            double e = perAtom * s.size();
            for (int i = 0; i < nb.length; i++) {
                for (int j : nb[i]) {
                    if (j <= i) {
                        continue;
                    }
                    double r0 = io.moiety.chem.Element.ofZ(s.atomicNumbers()[i]).covalentRadius()
                            + io.moiety.chem.Element.ofZ(s.atomicNumbers()[j]).covalentRadius();
                    double[] d = new double[3];
                    double r2 = 0;
                    for (int c = 0; c < 3; c++) {
                        d[c] = x[3 * i + c] - x[3 * j + c];
                        r2 += d[c] * d[c];
                    }
                    double r = Math.sqrt(r2);
                    e += k * (r - r0) * (r - r0);
                    for (int c = 0; c < 3; c++) {
                        double g = 2 * k * (r - r0) * d[c] / r;
                        f[3 * i + c] -= g;
                        f[3 * j + c] += g;
                    }
                }
            }
            out.add(new Prediction(e, f));
        }
        return out;
    }
}

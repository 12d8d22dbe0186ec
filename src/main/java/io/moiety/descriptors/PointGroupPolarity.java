package io.moiety.descriptors;

import io.moiety.chem.Element;
import io.moiety.chem.Structure;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a molecule's point group is polar (C1, Cs, Cn or Cnv, the groups that allow a dipole
 * moment), from a 3D structure (Å), within {@link #TOLERANCE} Å per atom. A symmetry operation
 * is accepted when it maps every atom onto an atom of the same element within the tolerance.
 * The group is non-polar when the structure has an inversion centre, a rotation axis Cn (n ≥ 2)
 * with a mirror plane perpendicular to it, two perpendicular C2 axes, or three equal principal
 * moments of inertia (spherical top: T, O, I groups). Candidate axes are the principal axes of
 * inertia, and for a symmetric top also the directions to atoms and atom-pair midpoints in the
 * plane perpendicular to its unique axis.
 */
public final class PointGroupPolarity {
    /** Largest displacement (Å) of an atom under an accepted operation (pymatgen's default). */
    public static final double TOLERANCE = 0.3;
    /** Relative difference below which two principal moments count as equal. */
    static final double EQUAL_MOMENTS = 0.01;

    private PointGroupPolarity() {}

    /** True when the point group of {@code s} is polar. */
    public static boolean polar(Structure s) {
        int n = s.size();
        if (n == 1) {
            return false;
        }
        double[][] x = centred(s);
        int[] z = s.atomicNumbers();
        if (maps(x, z, p -> new double[] {-p[0], -p[1], -p[2]})) {
            return false;
        }
        double[][] inertia = new double[3][3];
        for (int a = 0; a < n; a++) {
            double m = Element.ofZ(z[a]).mass();
            double r2 = x[a][0] * x[a][0] + x[a][1] * x[a][1] + x[a][2] * x[a][2];
            for (int i = 0; i < 3; i++) {
                inertia[i][i] += m * r2;
                for (int j = 0; j < 3; j++) {
                    inertia[i][j] -= m * x[a][i] * x[a][j];
                }
            }
        }
        double[] moments = new double[3];
        double[][] axes = eigen(inertia, moments);
        double scale = Math.max(moments[0], Math.max(moments[1], moments[2]));
        boolean e01 = Math.abs(moments[0] - moments[1]) < EQUAL_MOMENTS * scale;
        boolean e12 = Math.abs(moments[1] - moments[2]) < EQUAL_MOMENTS * scale;
        boolean e02 = Math.abs(moments[0] - moments[2]) < EQUAL_MOMENTS * scale;
        if (e01 && e12 && scale > 1e-6) {
            return false;
        }
        List<double[]> candidates = new ArrayList<>(List.of(axes));
        if (e01 || e12 || e02) {
            double[] unique = e01 ? axes[2] : e12 ? axes[0] : axes[1];
            for (int a = 0; a < n; a++) {
                addInPlane(candidates, x[a], unique);
                for (int b = a + 1; b < n; b++) {
                    if (z[a] == z[b]) {
                        addInPlane(candidates, new double[] {(x[a][0] + x[b][0]) / 2, (x[a][1] + x[b][1]) / 2, (x[a][2] + x[b][2]) / 2}, unique);
                    }
                }
            }
        }
        List<double[]> c2 = new ArrayList<>();
        for (double[] u : candidates) {
            boolean mirror = maps(x, z, p -> reflect(p, u));
            for (int order = 2; order <= 6; order++) {
                double angle = 2 * Math.PI / order;
                if (maps(x, z, p -> rotate(p, u, angle))) {
                    if (mirror) {
                        return false;
                    }
                    if (order % 2 == 0) {
                        for (double[] v : c2) {
                            if (Math.abs(dot(u, v)) < 0.05) {
                                return false;
                            }
                        }
                        c2.add(u);
                    }
                }
            }
        }
        return true;
    }

    private static void addInPlane(List<double[]> out, double[] p, double[] unique) {
        double d = dot(p, unique);
        double[] q = {p[0] - d * unique[0], p[1] - d * unique[1], p[2] - d * unique[2]};
        double norm = Math.sqrt(dot(q, q));
        if (norm > 0.1) {
            out.add(new double[] {q[0] / norm, q[1] / norm, q[2] / norm});
        }
    }

    private interface Op {
        double[] apply(double[] p);
    }

    private static boolean maps(double[][] x, int[] z, Op op) {
        for (int a = 0; a < x.length; a++) {
            double[] y = op.apply(x[a]);
            boolean found = false;
            for (int b = 0; b < x.length && !found; b++) {
                if (z[b] == z[a]) {
                    double dx = y[0] - x[b][0];
                    double dy = y[1] - x[b][1];
                    double dz = y[2] - x[b][2];
                    found = dx * dx + dy * dy + dz * dz <= TOLERANCE * TOLERANCE;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] reflect(double[] p, double[] u) {
        double d = 2 * dot(p, u);
        return new double[] {p[0] - d * u[0], p[1] - d * u[1], p[2] - d * u[2]};
    }

    /** Rodrigues rotation of {@code p} by {@code angle} about unit vector {@code u}. */
    private static double[] rotate(double[] p, double[] u, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double d = dot(u, p);
        double[] cross = {u[1] * p[2] - u[2] * p[1], u[2] * p[0] - u[0] * p[2], u[0] * p[1] - u[1] * p[0]};
        double[] r = new double[3];
        for (int k = 0; k < 3; k++) {
            r[k] = p[k] * c + cross[k] * s + u[k] * d * (1 - c);
        }
        return r;
    }

    /** Positions relative to the centre of mass. */
    private static double[][] centred(Structure s) {
        int n = s.size();
        double[] p = s.positions();
        double[] c = new double[3];
        double mass = 0;
        for (int a = 0; a < n; a++) {
            double m = Element.ofZ(s.atomicNumbers()[a]).mass();
            mass += m;
            for (int k = 0; k < 3; k++) {
                c[k] += m * p[3 * a + k];
            }
        }
        double[][] x = new double[n][3];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < 3; k++) {
                x[a][k] = p[3 * a + k] - c[k] / mass;
            }
        }
        return x;
    }

    /** Eigenvectors (rows, unit length) of a symmetric 3×3 matrix by cyclic Jacobi rotations; eigenvalues into {@code values}. */
    static double[][] eigen(double[][] m, double[] values) {
        double[][] a = {m[0].clone(), m[1].clone(), m[2].clone()};
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            if (off < 1e-22 * (a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2]) + 1e-300) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < 3; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < 3; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < 3; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[][] vectors = new double[3][3];
        for (int i = 0; i < 3; i++) {
            values[i] = a[i][i];
            for (int k = 0; k < 3; k++) {
                vectors[i][k] = v[k][i];
            }
        }
        return vectors;
    }
}

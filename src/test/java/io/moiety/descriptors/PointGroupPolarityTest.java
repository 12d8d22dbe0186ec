package io.moiety.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.moiety.chem.Structure;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Point-group polarity of idealised geometries, unchanged by a rigid rotation and translation. */
class PointGroupPolarityTest {

    private static Structure mol(int[] z, double... xyz) {
        return Structure.molecule(z, xyz);
    }

    /** The structure rotated by a random rotation and shifted. */
    private static Structure moved(Structure s, long seed) {
        Random r = new Random(seed);
        double a = r.nextDouble() * 6, b = r.nextDouble() * 6, c = r.nextDouble() * 6;
        double[][] rx = {{1, 0, 0}, {0, Math.cos(a), -Math.sin(a)}, {0, Math.sin(a), Math.cos(a)}};
        double[][] ry = {{Math.cos(b), 0, Math.sin(b)}, {0, 1, 0}, {-Math.sin(b), 0, Math.cos(b)}};
        double[][] rz = {{Math.cos(c), -Math.sin(c), 0}, {Math.sin(c), Math.cos(c), 0}, {0, 0, 1}};
        double[] p = s.positions();
        double[] q = new double[p.length];
        for (int i = 0; i < s.size(); i++) {
            double[] v = {p[3 * i], p[3 * i + 1], p[3 * i + 2]};
            for (double[][] m : new double[][][] {rx, ry, rz}) {
                v = new double[] {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2], m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
                    m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
            }
            q[3 * i] = v[0] + 3;
            q[3 * i + 1] = v[1] - 2;
            q[3 * i + 2] = v[2] + 1;
        }
        return s.withPositions(q);
    }

    private static void check(boolean polar, Structure s, String what) {
        assertEquals(polar, PointGroupPolarity.polar(s), what);
        assertEquals(polar, PointGroupPolarity.polar(moved(s, what.hashCode())), what + " rotated and shifted");
    }

    @Test
    void polarAndNonPolarGroups() {
        double t = 1.0 / Math.sqrt(3);
        check(true, mol(new int[] {8, 1, 1}, 0, 0, 0.12, 0.76, 0, -0.47, -0.76, 0, -0.47), "water C2v");
        check(false, mol(new int[] {6, 8, 8}, 0, 0, 0, 0, 0, 1.16, 0, 0, -1.16), "CO2 D∞h");
        check(true, mol(new int[] {1, 6, 7}, 0, 0, -1.07, 0, 0, 0, 0, 0, 1.16), "HCN C∞v");
        check(false, mol(new int[] {6, 1, 1, 1, 1}, 0, 0, 0, t, t, t, -t, -t, t, -t, t, -t, t, -t, -t), "methane Td");
        check(true, mol(new int[] {7, 1, 1, 1}, 0, 0, 0.12, 0.94, 0, -0.27, -0.47, 0.814, -0.27, -0.47, -0.814, -0.27), "ammonia C3v");
        check(false, mol(new int[] {5, 9, 9, 9}, 0, 0, 0, 1.31, 0, 0, -0.655, 1.1345, 0, -0.655, -1.1345, 0), "BF3 D3h");
        check(false, mol(new int[] {6, 6, 17, 17, 1, 1}, 0.67, 0, 0, -0.67, 0, 0, 1.5, 1.4, 0, -1.5, -1.4, 0, 1.2, -0.95, 0, -1.2, 0.95, 0),
                "trans-1,2-dichloroethene C2h");
        check(true, mol(new int[] {6, 6, 17, 17, 1, 1}, 0.67, 0, 0, -0.67, 0, 0, 1.5, 1.4, 0, -1.5, 1.4, 0, 1.2, -0.95, 0, -1.2, -0.95, 0),
                "cis-1,2-dichloroethene C2v");
        check(true, mol(new int[] {6, 1, 9, 17, 35}, 0, 0, 0, t, t, t, -t, -t, t, -t, t, -t, t, -t, -t), "CHFClBr C1");
    }

    @Test
    void symmetricEigenvectors() {
        double[][] m = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 1}};
        double[] values = new double[3];
        double[][] v = PointGroupPolarity.eigen(m, values);
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                double mv = m[k][0] * v[i][0] + m[k][1] * v[i][1] + m[k][2] * v[i][2];
                assertEquals(values[i] * v[i][k], mv, 1e-10);
            }
        }
        assertEquals(8.0, values[0] + values[1] + values[2], 1e-10, "trace");
    }
}

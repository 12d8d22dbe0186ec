package io.moiety.model.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.moiety.chem.Structure;
import io.moiety.model.nn.ForceGrad;
import io.moiety.model.nn.GradMode;
import io.moiety.model.nn.IndexAddKernel;
import io.moiety.model.nn.Tensors;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pairing of directed edges, pair lengths and pair-ordered segment sums against the per-edge arrays. */
class EdgePairsTest {

    private static Structure molecule(int n, long seed) {
        Random r = new Random(seed);
        int[] z = new int[n];
        double[] x = new double[3 * n];
        Arrays.fill(z, 6);
        for (int i = 0; i < 3 * n; i++) {
            x[i] = r.nextDouble() * 4.0;
        }
        return Structure.molecule(z, x);
    }

    /** A small skewed cell (3.1–3.4 Å) with a 4 Å cutoff: several images of the same pair and self images. */
    private static Structure periodic() {
        return new Structure(new int[] {6, 8, 1}, new double[] {0.1, 0.2, 0.3, 1.4, 0.1, 0.2, 0.3, 1.2, 0.9}, 0, 1,
                new double[] {3.2, 0, 0, 0.3, 3.4, 0, 0, 0.2, 3.1});
    }

    @Test
    void everyEdgeHasExactlyOneReverse() {
        for (Structure s : List.of(molecule(9, 1), periodic())) {
            Edges e = NeighbourList.auto().build(s, 4.0);
            int[] rev = EdgePairs.reverse(e.src(), e.dst(), e.shiftVectors(s.cell()), s.size());
            for (int k = 0; k < e.size(); k++) {
                int q = rev[k];
                assertEquals(k, rev[q], "reverse is an involution");
                assertEquals(e.src()[k], e.dst()[q]);
                assertEquals(e.dst()[k], e.src()[q]);
                for (int d = 0; d < 3; d++) {
                    assertEquals(e.shift()[3 * k + d], -e.shift()[3 * q + d], "reverse edge has the opposite shift");
                }
            }
        }
    }

    @Test
    void edgeWithoutReverseIsRejected() {
        int[] src = {1, 0, 2};
        int[] dst = {0, 1, 1};
        assertThrows(IllegalStateException.class, () -> EdgePairs.reverse(src, dst, new double[9], 3));
    }

    @Test
    void pairLengthsAndPairOrderedSumsMatchTheEdgeList() {
        List<Structure> batch = List.of(molecule(7, 2), periodic(), molecule(5, 3));
        try (NDManager root = NDManager.newBaseManager(); IndexAddKernel kernel = IndexAddKernel.load(root);
             ForceGrad grad = ForceGrad.load(root)) {
            for (IndexAddKernel k : Arrays.asList(null, kernel)) {
                try (GradMode g = GradMode.enabled();
                     GraphBatch b = GraphBatch.of(batch, 4.0, NeighbourList.auto(), root, Device.cpu(), DataType.FLOAT64, true, k)) {
                    EdgePairs p = b.edgePairs();
                    assertEquals(b.numEdges(), 2 * p.count());
                    double[] edgeLen = b.edgeLengths().toDoubleArray();
                    double[] pairLen = p.lengths().toDoubleArray();
                    double[] sortedEdges = edgeLen.clone();
                    double[] doubled = new double[2 * pairLen.length];
                    for (int i = 0; i < pairLen.length; i++) {
                        doubled[2 * i] = pairLen[i];
                        doubled[2 * i + 1] = pairLen[i];
                    }
                    Arrays.sort(sortedEdges);
                    Arrays.sort(doubled);
                    assertArrayEquals(sortedEdges, doubled, 1e-12, "each pair length is the length of its two edges");
                    // message = feature of the source atom times a function of the length: the
                    // per-pair layout and the per-edge layout must give the same atom sums
                    int n = b.numAtoms();
                    double[] feat = new double[2 * n];
                    for (int i = 0; i < feat.length; i++) {
                        feat[i] = Math.sin(1.7 * i + 0.3);
                    }
                    NDArray h = b.constants().array(feat, new Shape(n, 2));
                    NDArray perEdge = b.edgesToAtoms().sum(
                            Tensors.gather(h, b.edgeSrc(), b.manager()).mul(b.edgeLengths().exp().expandDims(1)));
                    NDArray perPair = p.toAtoms().sum(Tensors.gather(h, p.ends(), b.manager())
                            .reshape(2, p.count(), 2).mul(p.lengths().exp().expandDims(1)).reshape(2L * p.count(), 2));
                    double[] pe = perEdge.toDoubleArray();
                    assertArrayEquals(pe, perPair.toDoubleArray(), 1e-13 * Arrays.stream(pe).map(Math::abs).max().orElse(1.0));
                    // and the same forces (gradient of the summed messages w.r.t. positions)
                    NDArray fe = grad.forces(perEdge.square(), b.positions(), true);
                    NDArray fp = grad.forces(perPair.square(), b.positions(), true);
                    double[] fev = fe.toDoubleArray();
                    double scale = Arrays.stream(fev).map(Math::abs).max().orElse(1.0);
                    assertArrayEquals(fev, fp.toDoubleArray(), 1e-13 * scale);
                }
            }
        }
    }
}

package io.moiety.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.model.Prediction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committee uncertainty from the stored predictions of several seed cells. */
class CommitteeUncertaintyTest {

    @TempDir
    Path dir;

    private static final Structure H2 = Structure.molecule(new int[] {1, 1}, new double[] {0, 0, 0, 0.74, 0, 0});

    /**
     * Writes one member's predictions: every frame has reference energy 0 and zero forces; member
     * {@code m} predicts energy {@code offset_i · (m − 1)} and force x-component {@code offset_i · m}
     * on atom 0 of frame i, so the spread of frame i grows with its offset.
     */
    private Path member(String name, int m, double[] idOffsets, double[] oodOffsets) throws IOException {
        Path cell = dir.resolve(name);
        for (Split s : Split.values()) {
            double[] offsets = s == Split.ID ? idOffsets : oodOffsets;
            List<Frame> frames = new ArrayList<>();
            List<Prediction> preds = new ArrayList<>();
            for (double o : offsets) {
                frames.add(Frame.of(H2, 0.0, new double[6]));
                double[] f = new double[6];
                f[0] = o * m;
                preds.add(new Prediction(o * (m - 1), f));
            }
            PredictionFiles files = new PredictionFiles();
            files.add("mol,\"x\"", frames, preds, 0);
            files.write(cell, s);
        }
        return cell;
    }

    @Test
    void spreadErrorAucAndCorrelationsFromStoredPredictions() throws IOException {
        double[] id = {0.01, 0.02, 0.03};
        double[] ood = {0.5, 0.025, 2.0, 1.0};
        List<Path> cells = List.of(member("s1", 0, id, ood), member("s2", 1, id, ood), member("s3", 2, id, ood));
        CommitteeUncertainty c = CommitteeUncertainty.of("t", "m", List.of(1L, 2L, 3L), cells);
        CommitteeUncertainty.Frames o = c.frames().get(Split.OOD);
        assertEquals(List.of("mol,\"x\"", "mol,\"x\"", "mol,\"x\"", "mol,\"x\""), o.molecules());
        // energies −o, 0, +o: mean 0 (error 0), sample σ = o; force x on atom 0: 0, o, 2o: mean o, σ = o
        for (int i = 0; i < ood.length; i++) {
            assertEquals(ood[i], o.energyStd()[i], 1e-6 * ood[i]);
            assertEquals(0.0, o.energyError()[i], 1e-9);
            // per-atom σ norm: atom 0 has σ_x = o, atom 1 none: frame mean o / 2; error |mean| = o on atom 0 -> o / 2
            assertEquals(ood[i] / 2, o.forceStd()[i], 1e-6 * ood[i]);
            assertEquals(ood[i] / 2, o.forceError()[i], 1e-6 * ood[i]);
        }
        // OOD σ {0.5, 0.025, 2, 1} against ID {0.01, 0.02, 0.03}: 0.025 beats two of three, the rest all -> 11/12
        assertEquals(11.0 / 12.0, c.energyAuc(), 1e-12);
        assertEquals(11.0 / 12.0, c.forceAuc(), 1e-12);
        assertEquals(1.0, c.forceSpearmanOod(), 1e-12);
        assertEquals(1.0, c.forcePearsonOod(), 1e-6);
        c.write(dir.resolve("out"));
        List<String> lines = Files.readAllLines(dir.resolve("out").resolve("frames-ood.csv"));
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("\"mol,\"\"x\"\"\",0,2,"), lines.get(1));
    }

    @Test
    void membersMustHoldTheSameFrames() throws IOException {
        Path a = member("a", 0, new double[] {0.1, 0.2}, new double[] {1});
        Path b = member("b", 1, new double[] {0.1}, new double[] {1});
        IOException e = assertThrows(IOException.class,
                () -> CommitteeUncertainty.of("t", "m", List.of(1L, 2L), List.of(a, b)));
        assertTrue(e.getMessage().contains("frames differ"), e.getMessage());
    }
}

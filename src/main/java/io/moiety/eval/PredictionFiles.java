package io.moiety.eval;

import io.moiety.data.AtomicFile;
import io.moiety.data.Frame;
import io.moiety.model.Prediction;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compact per-cell prediction dumps for one split:
 * <ul>
 *   <li>{@code predictions-<split>.csv}: one row per frame — molecule, frame index, atoms,
 *       first atom's row in the force array, reference and predicted energy (eV);</li>
 *   <li>{@code forces-<split>.npy}: float32 NumPy array {@code [atoms_total, 7]} — atomic number,
 *       reference Fx Fy Fz, predicted Fx Fy Fz (eV/Å); only for models that predict forces.</li>
 * </ul>
 */
public final class PredictionFiles {
    private final List<String> rows = new ArrayList<>();
    private final List<float[]> forceRows = new ArrayList<>();
    private long atomRow;

    /** Adds the frames of one molecule. */
    public void add(String molecule, List<Frame> frames, List<Prediction> predictions, int firstFrameIndex) {
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            Prediction p = predictions.get(i);
            rows.add(String.format(Locale.ROOT, "%s,%d,%d,%d,%.8f,%.8f", csv(molecule), firstFrameIndex + i,
                    f.size(), p.hasForces() ? atomRow : -1, f.energy(), p.energy()));
            if (p.hasForces() && f.hasForces()) {
                int[] z = f.structure().atomicNumbers();
                for (int a = 0; a < f.size(); a++) {
                    float[] r = new float[7];
                    r[0] = z[a];
                    for (int k = 0; k < 3; k++) {
                        r[1 + k] = (float) f.forces()[3 * a + k];
                        r[4 + k] = (float) p.forces()[3 * a + k];
                    }
                    forceRows.add(r);
                }
                atomRow += f.size();
            }
        }
    }

    /** Writes the files for {@code split} into {@code dir} (atomically, replacing older ones). */
    public void write(Path dir, Split split) throws IOException {
        Files.createDirectories(dir);
        AtomicFile.write(dir.resolve("predictions-" + split.key() + ".csv"), true, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("molecule,frame,atoms,force_row,energy_reference_eV,energy_predicted_eV\n");
                for (String r : rows) {
                    w.write(r);
                    w.write('\n');
                }
            }
        });
        if (!forceRows.isEmpty()) {
            AtomicFile.write(dir.resolve("forces-" + split.key() + ".npy"), true, tmp -> {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    writeNpy(out, forceRows, 7);
                }
            });
        }
    }

    /** Writes a float32 little-endian NPY (version 1.0) array of shape {@code [rows, cols]}. */
    static void writeNpy(OutputStream out, List<float[]> data, int cols) throws IOException {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + data.size() + ", " + cols + "), }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        DataOutputStream d = new DataOutputStream(out);
        d.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int len = header.length();
        d.write(len & 0xff);
        d.write((len >> 8) & 0xff);
        d.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buf = ByteBuffer.allocate(cols * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : data) {
            buf.clear();
            for (float v : row) {
                buf.putFloat(v);
            }
            d.write(buf.array());
        }
        d.flush();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

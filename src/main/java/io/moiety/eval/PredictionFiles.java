package io.moiety.eval;

import io.moiety.data.AtomicFile;
import io.moiety.data.CsvField;
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
            rows.add(String.format(Locale.ROOT, "%s,%d,%d,%d,%.8f,%.8f", CsvField.of(molecule), firstFrameIndex + i,
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

    /**
     * One split's stored predictions read back ({@link #read}).
     *
     * @param molecules molecule id per frame
     * @param frames    frame index within its molecule, per frame
     * @param atoms     atoms per frame
     * @param forceRow  first row of the frame's atoms in {@code forces}, or −1 (no forces)
     * @param reference reference energy per frame, eV
     * @param predicted predicted energy per frame, eV
     * @param forces    rows {atomic number, reference Fx Fy Fz, predicted Fx Fy Fz} (eV/Å); null
     *                  when the model predicts no forces
     */
    public record Stored(List<String> molecules, int[] frames, int[] atoms, long[] forceRow, double[] reference,
                         double[] predicted, float[][] forces) {
        /** Number of frames. */
        public int size() { return frames.length; }

        /** Reference (0) or predicted (1) forces of frame {@code i}, flattened {@code [N*3]}; null without forces. */
        public double[] frameForces(int i, boolean predictedForces) {
            if (forces == null || forceRow[i] < 0) {
                return null;
            }
            double[] out = new double[3 * atoms[i]];
            int first = Math.toIntExact(forceRow[i]);
            for (int a = 0; a < atoms[i]; a++) {
                float[] row = forces[first + a];
                for (int k = 0; k < 3; k++) {
                    out[3 * a + k] = row[(predictedForces ? 4 : 1) + k];
                }
            }
            return out;
        }
    }

    /** Reads the files {@link #write} wrote for {@code split} in {@code dir}; errors name the file and line. */
    public static Stored read(Path dir, Split split) throws IOException {
        Path csv = dir.resolve("predictions-" + split.key() + ".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int n = Math.max(0, lines.size() - 1);
        List<String> molecules = new ArrayList<>(n);
        int[] frames = new int[n];
        int[] atoms = new int[n];
        long[] forceRow = new long[n];
        double[] reference = new double[n];
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            String line = lines.get(i + 1);
            int cut = line.startsWith("\"") ? closingQuote(line) + 1 : line.indexOf(',');
            String[] rest = cut < 0 || cut >= line.length() ? new String[0] : line.substring(cut + 1).split(",", -1);
            if (cut < 0 || cut >= line.length() || line.charAt(cut) != ',' || rest.length != 5) {
                throw new IOException(csv + ":" + (i + 2) + ": expected 6 columns, got '" + line + "'");
            }
            String mol = line.substring(0, cut);
            molecules.add(mol.startsWith("\"") ? mol.substring(1, mol.length() - 1).replace("\"\"", "\"") : mol);
            try {
                frames[i] = Integer.parseInt(rest[0]);
                atoms[i] = Integer.parseInt(rest[1]);
                forceRow[i] = Long.parseLong(rest[2]);
                reference[i] = Double.parseDouble(rest[3]);
                predicted[i] = Double.parseDouble(rest[4]);
            } catch (NumberFormatException e) {
                throw new IOException(csv + ":" + (i + 2) + ": not a number: " + e.getMessage(), e);
            }
        }
        Path npy = dir.resolve("forces-" + split.key() + ".npy");
        float[][] forces = Files.isRegularFile(npy) ? readNpy(npy, 7) : null;
        return new Stored(List.copyOf(molecules), frames, atoms, forceRow, reference, predicted, forces);
    }

    private static int closingQuote(String line) {
        int i = 1;
        while (i < line.length()) {
            if (line.charAt(i) == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return line.length();
    }

    /** Reads a float32 little-endian NPY array of shape {@code [rows, cols]} written by {@link #writeNpy}. */
    static float[][] readNpy(Path file, int cols) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 10 || b.get(0) != (byte) 0x93 || b.get(1) != 'N') {
            throw new IOException(file + ": not an NPY file");
        }
        int headerLength = (b.get(8) & 0xff) | (b.get(9) & 0xff) << 8;
        String header = new String(b.array(), 10, headerLength, StandardCharsets.US_ASCII);
        if (!header.contains("'<f4'") || !header.contains(", " + cols + ")")) {
            throw new IOException(file + ": expected a float32 array with " + cols + " columns, header " + header.trim());
        }
        b.position(10 + headerLength);
        int rows = b.remaining() / (4 * cols);
        float[][] out = new float[rows][cols];
        for (float[] row : out) {
            for (int c = 0; c < cols; c++) {
                row[c] = b.getFloat();
            }
        }
        return out;
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
}

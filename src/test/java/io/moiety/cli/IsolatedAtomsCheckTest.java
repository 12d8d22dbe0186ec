package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jhdf.HdfFile;
import io.moiety.data.Dataset;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The independent check of the committed default dataset's isolated-atom energies: each equals a
 * fresh GFN2-xTB single point of that atom in its ground-state spin, run here with xtb directly
 * (not through Moiety's labelling code), and {@code moiety convert} writes them to extended XYZ as
 * {@code config_type=IsolatedAtom} frames. The file is read with jhdf and the XYZ as plain text.
 */
class IsolatedAtomsCheckTest {
    private static final Path DEFAULT = Path.of("data/moiety-default.h5");
    /** Hartree in eV (CODATA 2018). */
    private static final double HARTREE_EV = 27.211386245988;
    /** Unpaired electrons of the ground-state atoms (NIST term symbols ²S, ³P, ⁴S, ³P, ²P, ³P, ²P). */
    private static final Map<Integer, Integer> UNPAIRED = Map.of(1, 1, 6, 2, 7, 3, 8, 2, 9, 1, 16, 2, 17, 1);
    private static final Map<Integer, String> SYMBOL = Map.of(1, "H", 6, "C", 7, "N", 8, "O", 9, "F", 16, "S", 17, "Cl");
    private static final Pattern TOTAL_ENERGY = Pattern.compile("TOTAL ENERGY\\s+(-?\\d+\\.\\d+)\\s+Eh");

    @TempDir Path tmp;

    @Test
    void storedEnergiesAreFreshXtbSinglePointsAndConvertWritesThemAsIsolatedAtomFrames() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v xtb").start().waitFor() == 0, "needs xtb (CI installs it)");
        int[] z;
        double[] energy;
        int[] multiplicity;
        try (HdfFile h5 = new HdfFile(DEFAULT)) {
            z = ints(h5.getDatasetByPath("/isolated_atoms/atomic_numbers").getData());
            energy = (double[]) h5.getDatasetByPath("/isolated_atoms/energy").getData();
            multiplicity = ints(h5.getDatasetByPath("/isolated_atoms/multiplicity").getData());
            Object level = h5.getByPath("/isolated_atoms").getAttribute("level_of_theory").getData();
            assertEquals("GFN2-xTB", level.getClass().isArray() ? Array.get(level, 0) : level);
        }
        TreeSet<Integer> inMolecules = new TreeSet<>();
        try (Dataset d = DatasetFiles.open(DEFAULT)) {
            for (MoleculeRecord m : d) {
                for (int a : m.atomicNumbers()) {
                    inMolecules.add(a);
                }
            }
        }
        TreeSet<Integer> stored = new TreeSet<>();
        Map<Integer, Double> byZ = new TreeMap<>();
        for (int i = 0; i < z.length; i++) {
            stored.add(z[i]);
            byZ.put(z[i], energy[i]);
            int uhf = UNPAIRED.get(z[i]);
            assertEquals(uhf + 1, multiplicity[i], SYMBOL.get(z[i]) + ": ground-state multiplicity");
            double fresh = xtbSinglePoint(SYMBOL.get(z[i]), uhf) * HARTREE_EV;
            assertEquals(fresh, energy[i], 1e-6, SYMBOL.get(z[i]) + ": stored vs fresh GFN2-xTB energy (eV)");
        }
        assertEquals(inMolecules, stored, "one isolated atom per element of the molecules");

        Path xyz = tmp.resolve("default.xyz");
        CliRun r = CliRun.of("convert", DEFAULT.toString(), xyz.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String[] lines = Files.readString(xyz).split("\n");
        Map<Integer, Double> frames = new TreeMap<>();
        for (int i = 0; i < lines.length; ) {
            int n = Integer.parseInt(lines[i].trim());
            String header = lines[i + 1];
            if (header.contains("config_type=IsolatedAtom")) {
                assertEquals(1, n, header);
                Matcher e = Pattern.compile("(?:^| )energy=(\\S+)").matcher(header);
                assertTrue(e.find(), header);
                String[] atom = lines[i + 2].trim().split("\\s+");
                assertEquals(7, atom.length, "species, position and forces: " + lines[i + 2]);
                for (int k = 4; k < 7; k++) {
                    assertEquals(0.0, Double.parseDouble(atom[k]), 0.0, "zero forces");
                }
                int zi = SYMBOL.entrySet().stream().filter(s -> s.getValue().equals(atom[0])).findFirst().orElseThrow().getKey();
                frames.put(zi, Double.parseDouble(e.group(1)));
            }
            i += n + 2;
        }
        assertEquals(byZ, frames, "one IsolatedAtom frame per stored energy, same values");
    }

    /** GFN2-xTB total energy (Eh) of one neutral atom with {@code uhf} unpaired electrons. */
    private double xtbSinglePoint(String symbol, int uhf) throws Exception {
        Path dir = Files.createTempDirectory(tmp, symbol + "-");
        Files.writeString(dir.resolve("atom.xyz"), "1\n\n" + symbol + " 0.0 0.0 0.0\n");
        ProcessBuilder pb = new ProcessBuilder("xtb", "atom.xyz", "--gfn", "2", "--chrg", "0", "--uhf", Integer.toString(uhf),
                "--sp", "--norestart").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "xtb finished");
        assertEquals(0, p.exitValue(), out);
        Matcher m = TOTAL_ENERGY.matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    private static int[] ints(Object array) {
        int[] out = new int[Array.getLength(array)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) Array.get(array, i)).intValue();
        }
        return out;
    }
}

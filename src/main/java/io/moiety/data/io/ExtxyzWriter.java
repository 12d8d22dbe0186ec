package io.moiety.data.io;

import io.moiety.chem.Element;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.PredictionInfo;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes extended XYZ that ASE reads and that {@link ExtxyzReader} reads back identically:
 * numbers with {@link Double#toString} (shortest exact form), molecule metadata as the
 * header keys {@code molecule}, {@code smiles}, {@code charge}, {@code multiplicity},
 * {@code level_of_theory} and {@code source}, frame info sorted by key. Isolated-atom energies
 * come first, as single-atom frames with {@code config_type=IsolatedAtom} ({@link IsolatedAtomFrames}).
 */
final class ExtxyzWriter {
    private ExtxyzWriter() {}

    static void write(Path out, Iterable<MoleculeRecord> molecules, IsolatedAtoms isolated, WriteOptions options)
            throws IOException {
        String energyKey = options.energyKey() == null ? "energy" : options.energyKey();
        String forcesKey = options.forcesKey() == null ? "forces" : options.forcesKey();
        Set<String> reserved = Set.of("Lattice", "Properties", energyKey, ExtxyzReader.MOLECULE, ExtxyzReader.SMILES,
                ExtxyzReader.CHARGE, ExtxyzReader.MULTIPLICITY, ExtxyzReader.LEVEL, ExtxyzReader.SOURCE,
                PredictionInfo.FORCES_STD);
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(1 << 16);
            IsolatedAtomFrames.write(sb, isolated, energyKey, forcesKey, reserved);
            for (MoleculeRecord m : molecules) {
                for (Frame f : m.frames()) {
                    frame(sb, m, f, energyKey, forcesKey, reserved);
                    if (sb.length() > (1 << 16)) {
                        w.append(sb);
                        sb.setLength(0);
                    }
                }
            }
            w.append(sb);
        }
    }

    private static void frame(StringBuilder sb, MoleculeRecord m, Frame f, String energyKey, String forcesKey,
                              Set<String> reserved) {
        Structure s = f.structure();
        int n = s.size();
        sb.append(n).append('\n');
        if (s.cell() != null) {
            sb.append("Lattice=\"");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : " ").append(s.cell()[i]);
            }
            sb.append("\" ");
        } else if (f.info().containsKey("Lattice")) {
            sb.append("Lattice=").append(ExtxyzHeader.quote(f.info().get("Lattice"))).append(' ');
        }
        sb.append("Properties=species:S:1:pos:R:3");
        if (f.hasForces()) {
            sb.append(':').append(forcesKey).append(":R:3");
        }
        double[] forcesStd = f.info().containsKey(PredictionInfo.FORCES_STD)
                ? PredictionInfo.decode(f.info().get(PredictionInfo.FORCES_STD), n, PredictionInfo.FORCES_STD) : null;
        if (forcesStd != null) {
            sb.append(':').append(PredictionInfo.FORCES_STD).append(":R:1");
        }
        sb.append(' ').append(ExtxyzReader.MOLECULE).append('=').append(ExtxyzHeader.quote(m.id()));
        keyValue(sb, ExtxyzReader.SMILES, m.smiles());
        if (s.charge() != 0) {
            sb.append(' ').append(ExtxyzReader.CHARGE).append('=').append(s.charge());
        }
        if (s.multiplicity() != 1) {
            sb.append(' ').append(ExtxyzReader.MULTIPLICITY).append('=').append(s.multiplicity());
        }
        keyValue(sb, ExtxyzReader.LEVEL, m.levelOfTheory());
        keyValue(sb, ExtxyzReader.SOURCE, m.source());
        if (f.hasEnergy()) {
            sb.append(' ').append(energyKey).append('=').append(f.energy());
        }
        for (Map.Entry<String, String> e : new TreeMap<>(f.info()).entrySet()) {
            if (!reserved.contains(e.getKey())) {
                sb.append(' ').append(ExtxyzHeader.quote(e.getKey())).append('=').append(ExtxyzHeader.quote(e.getValue()));
            }
        }
        sb.append('\n');
        int[] z = s.atomicNumbers();
        double[] p = s.positions();
        double[] fr = f.forces();
        for (int a = 0; a < n; a++) {
            sb.append(Element.ofZ(z[a]).symbol());
            for (int k = 0; k < 3; k++) {
                sb.append(' ').append(p[3 * a + k]);
            }
            if (fr != null) {
                for (int k = 0; k < 3; k++) {
                    sb.append(' ').append(fr[3 * a + k]);
                }
            }
            if (forcesStd != null) {
                sb.append(' ').append(forcesStd[a]);
            }
            sb.append('\n');
        }
    }

    private static void keyValue(StringBuilder sb, String key, String value) {
        if (value != null && !value.isEmpty()) {
            sb.append(' ').append(key).append('=').append(ExtxyzHeader.quote(value));
        }
    }
}

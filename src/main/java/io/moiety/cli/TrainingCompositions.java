package io.moiety.cli;

import io.moiety.chem.CompositionSpan;
import io.moiety.chem.Element;
import io.moiety.data.AtomicFile;
import io.moiety.data.Frame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The distinct compositions a run was trained on, kept in the run directory as
 * {@code training-compositions.txt} (one composition per line, {@code C:2 H:6 O:1}), so that
 * {@code predict} can tell which molecules the training set does not determine.
 */
final class TrainingCompositions {
    static final String FILE = "training-compositions.txt";

    private TrainingCompositions() {}

    /** Writes the distinct compositions of {@code frames} into {@code runDir}. */
    static void write(Path runDir, List<Frame> frames) throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        for (Frame f : frames) {
            TreeMap<Integer, Integer> counts = new TreeMap<>();
            for (int z : f.structure().atomicNumbers()) {
                counts.merge(z, 1, Integer::sum);
            }
            StringBuilder sb = new StringBuilder();
            counts.forEach((z, n) -> sb.append(sb.length() == 0 ? "" : " ").append(Element.ofZ(z).symbol()).append(':').append(n));
            lines.add(sb.toString());
        }
        String text = "# compositions of the training frames (element:count); read by moiety predict\n"
                + String.join("\n", lines) + "\n";
        AtomicFile.write(runDir.resolve(FILE), true, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /**
     * The span of the compositions recorded for the run that holds {@code runOrCheckpoint} (a run
     * directory or a checkpoint file in one); empty when the run has no record.
     */
    static Optional<CompositionSpan> read(Path runOrCheckpoint) throws IOException {
        Path dir = Files.isDirectory(runOrCheckpoint) ? runOrCheckpoint : runOrCheckpoint.toAbsolutePath().getParent();
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<int[]> compositions = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<Integer> atoms = new ArrayList<>();
            for (String part : line.split("\\s+")) {
                String[] kv = part.split(":");
                try {
                    int z = Element.ofSymbol(kv[0]).z();
                    int n = Integer.parseInt(kv[1]);
                    for (int k = 0; k < n; k++) {
                        atoms.add(z);
                    }
                } catch (RuntimeException e) {
                    throw new IOException(file + ":" + (i + 1) + ": expected ELEMENT:COUNT, got '" + part + "'", e);
                }
            }
            compositions.add(atoms.stream().mapToInt(Integer::intValue).toArray());
        }
        return Optional.of(CompositionSpan.of(compositions));
    }
}

package io.moiety.descriptors;

import io.moiety.label.WorkStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The resumable work directory of {@code moiety props descriptors --source xtb}. One directory
 * per molecule and calculation recipe, each result a small file written atomically, so an
 * interrupted run leaves only complete results and a re-run never recomputes them:
 * <pre>
 * WORK/qmex/HASH/values.txt   smiles=…, recipe=…, then one {@code column=value} line per descriptor (exact decimals; NaN when undefined)
 * WORK/qmex/HASH/failed.txt   why the molecule has no descriptors (delete it to try again)
 * WORK/tmp/                   private directories of running xtb and obabel calls
 * </pre>
 * HASH is derived from the canonical SMILES and the recipe, so a changed recipe computes anew.
 */
public final class QmexStore {
    private final Path root;

    public QmexStore(Path root) {
        this.root = root;
    }

    public Path root() { return root; }

    /** Scratch directory for external calls. */
    public Path scratch() { return root.resolve("tmp"); }

    /** Directory of one molecule (canonical SMILES) under one recipe. */
    public Path molecule(String canonicalSmiles, String recipe) {
        return root.resolve("qmex").resolve(WorkStore.hash(canonicalSmiles + "|" + recipe).substring(0, 16));
    }

    /** Stored values of a molecule, when computed before. */
    public Optional<double[]> values(Path dir) throws IOException {
        Optional<String> text = WorkStore.get(dir.resolve("values.txt"));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        double[] v = new double[QmexDescriptor.values().length];
        int found = 0;
        for (String line : text.get().split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq);
            for (QmexDescriptor d : QmexDescriptor.values()) {
                if (d.column().equals(key)) {
                    v[d.ordinal()] = Double.parseDouble(line.substring(eq + 1).strip());
                    found++;
                }
            }
        }
        if (found != v.length) {
            throw new IllegalStateException(dir.resolve("values.txt") + ": corrupt (" + found + " of " + v.length + " descriptors)");
        }
        return Optional.of(v);
    }

    /** Stored failure reason, when the molecule failed before. */
    public Optional<String> failure(Path dir) throws IOException {
        return WorkStore.get(dir.resolve("failed.txt")).map(String::strip);
    }

    public void putValues(Path dir, String smiles, String recipe, double[] v) throws IOException {
        StringBuilder sb = new StringBuilder("smiles=").append(smiles).append('\n').append("recipe=").append(recipe).append('\n');
        for (QmexDescriptor d : QmexDescriptor.values()) {
            sb.append(d.column()).append('=').append(v[d.ordinal()]).append('\n');
        }
        WorkStore.put(dir.resolve("values.txt"), sb.toString());
    }

    public void putFailure(Path dir, String reason) throws IOException {
        WorkStore.put(dir.resolve("failed.txt"), reason + "\n");
    }
}

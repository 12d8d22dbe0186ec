package io.moiety.descriptors;

import java.io.IOException;
import java.util.List;

/**
 * Where a property model's descriptors come from: read from the dataset's own columns
 * ({@link FileDescriptorSource}) or computed from each molecule's SMILES
 * ({@link XtbDescriptorSource}). A source returns one row per SMILES, in order.
 */
public interface DescriptorSource {

    /** Short name used on the command line ({@code file}, {@code xtb}). */
    String name();

    /** Descriptors of the molecules {@code smiles} (row i for {@code smiles.get(i)}). */
    DescriptorTable descriptors(List<String> smiles) throws IOException, InterruptedException;
}

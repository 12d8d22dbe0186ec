package io.moiety.label;

import io.moiety.chem.SmilesGraph;
import io.moiety.chem.Structure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * 3D embedding of a SMILES string with Open Babel ({@code obabel -:SMILES --gen3d -oxyz}),
 * which builds correct ring geometries and respects stereo, unlike CDK's 3D builder. Open Babel
 * 3.1's conformer search is randomly seeded (not reproducible); the pipeline therefore caches the
 * embedding in its work directory.
 */
public final class OpenBabel extends ScratchProgram {
    public OpenBabel(Path executable, Path scratch, Duration timeout) {
        super(executable, scratch, timeout);
    }

    /** obabel found on PATH (or {@code MOIETY_OBABEL}); throws naming the Debian package when missing. */
    public static OpenBabel locate(Path scratch, Duration timeout) {
        return new OpenBabel(ExternalTool.OBABEL.locate(), scratch, timeout);
    }

    /** 3D structure with explicit hydrogens (Å), charge and multiplicity from the graph. */
    public Structure embed(SmilesGraph molecule) throws IOException, InterruptedException {
        try (ToolRun run = newRun("obabel-")) {
            int rc = run.exec(List.of(executable.toString(), "-:" + molecule.input().strip(), "-h", "--gen3d",
                    "-oxyz", "-O", "embedded.xyz"), timeout);
            String xyz = run.read("embedded.xyz");
            if (rc != 0 || xyz.isBlank()) {
                throw new ToolFailure("obabel --gen3d failed (exit " + rc + "): " + run.errorSummary());
            }
            Structure s = XyzText.read(xyz, "obabel output", molecule.charge(), molecule.multiplicity()).get(0).structure();
            if (!s.formula().equals(molecule.formula())) {
                throw new ToolFailure("obabel produced " + s.formula() + " for " + molecule.formula());
            }
            double[] x = s.positions();
            boolean allZero = true;
            for (double v : x) {
                allZero &= v == 0.0;
            }
            if (allZero && s.size() > 1) {
                throw new ToolFailure("obabel produced no 3D coordinates for " + molecule.canonicalSmiles());
            }
            return s;
        }
    }
}

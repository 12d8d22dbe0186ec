package io.moiety.model.equivariant;

import io.moiety.chem.Element;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the first frames of the shared rMD17 ethanol extended-XYZ files (test helper, eV and Å). */
final class EthanolFrames {
    private static final Pattern ENERGY = Pattern.compile("(?<![A-Za-z_])energy=([-+0-9.eE]+)");

    private EthanolFrames() {}

    static Path file(String name) {
        return io.moiety.data.io.SharedData.dir().resolve("data/botnet-ethanol").resolve(name);
    }

    /** The first {@code count} frames (species, positions, forces if present; energy from the comment line). */
    static List<Frame> read(String name, int count) throws IOException {
        Path path = file(name);
        List<String> lines = Files.readAllLines(path);
        List<Frame> frames = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && frames.size() < count) {
            int n = Integer.parseInt(lines.get(i).trim());
            Matcher m = ENERGY.matcher(lines.get(i + 1));
            if (!m.find()) {
                throw new IOException(path + ":" + (i + 2) + ": no energy= field");
            }
            double energy = Double.parseDouble(m.group(1));
            int[] z = new int[n];
            double[] x = new double[3 * n];
            double[] f = new double[3 * n];
            boolean hasForces = true;
            for (int a = 0; a < n; a++) {
                String[] t = lines.get(i + 2 + a).trim().split("\\s+");
                z[a] = Element.ofSymbol(t[0]).z();
                hasForces &= t.length >= 7;
                for (int k = 0; k < 3; k++) {
                    x[3 * a + k] = Double.parseDouble(t[1 + k]);
                    f[3 * a + k] = hasForces ? Double.parseDouble(t[4 + k]) : 0;
                }
            }
            frames.add(Frame.of(Structure.molecule(z, x), energy, hasForces ? f : null));
            i += n + 2;
        }
        return frames;
    }
}

package io.moiety.label;

import io.moiety.chem.Element;
import io.moiety.chem.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain XYZ text as exchanged with xtb and Open Babel (positions in Å), single- and multi-frame
 * (xtb's {@code xtb.trj}). Positions are written with 14 decimals, the precision of xtb's own
 * trajectory, so a frame read from a trajectory and written again is unchanged.
 */
public final class XyzText {
    private XyzText() {}

    /** One frame as XYZ text with the given comment line. */
    public static String write(Structure s, String comment) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.size()).append('\n').append(comment == null ? "" : comment.replace('\n', ' ')).append('\n');
        double[] x = s.positions();
        for (int i = 0; i < s.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%-2s %22.14f %22.14f %22.14f%n",
                    Element.ofZ(s.atomicNumbers()[i]).symbol(), x[3 * i], x[3 * i + 1], x[3 * i + 2]));
        }
        return sb.toString();
    }

    /** A frame read from XYZ text and its comment line. */
    public record Entry(Structure structure, String comment) {}

    /**
     * All frames of a (multi-frame) XYZ text; {@code what} names the source in error messages.
     * Charge and multiplicity are set from the arguments.
     */
    public static List<Entry> read(String text, String what, int charge, int multiplicity) {
        String[] lines = text.split("\r?\n", -1);
        List<Entry> frames = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            int n;
            try {
                n = Integer.parseInt(lines[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " line " + (i + 1) + ": expected atom count, got '" + lines[i].strip() + "'");
            }
            if (i + 1 + n >= lines.length + (lines.length > 0 && lines[lines.length - 1].isEmpty() ? 0 : 1)) {
                throw new IllegalArgumentException(what + " line " + (i + 1) + ": truncated frame (" + n + " atoms announced)");
            }
            String comment = lines[i + 1];
            int[] z = new int[n];
            double[] pos = new double[3 * n];
            for (int a = 0; a < n; a++) {
                int ln = i + 2 + a;
                String[] f = lines[ln].strip().split("\\s+");
                if (f.length < 4) {
                    throw new IllegalArgumentException(what + " line " + (ln + 1) + ": expected 'symbol x y z'");
                }
                try {
                    z[a] = Element.ofSymbol(f[0]).z();
                    for (int k = 0; k < 3; k++) {
                        pos[3 * a + k] = Double.parseDouble(f[1 + k].replace('D', 'E').replace('d', 'e'));
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(what + " line " + (ln + 1) + ": " + e.getMessage(), e);
                }
            }
            frames.add(new Entry(new Structure(z, pos, charge, multiplicity, null), comment));
            i += 2 + n;
        }
        return frames;
    }
}

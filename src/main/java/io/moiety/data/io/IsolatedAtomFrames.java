package io.moiety.data.io;

import io.moiety.data.IsolatedAtoms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Isolated-atom energies as extended-XYZ frames, the convention of MACE users' training files: one
 * single-atom frame per element with {@code config_type=IsolatedAtom} (also recognised:
 * {@code isolated_atom}, any case), the energy in the header, zero forces and no periodic cell.
 * Moiety adds {@code multiplicity} (2S+1) and the provenance entries as header keys; reading collects
 * such frames into {@link IsolatedAtoms} instead of molecules.
 */
final class IsolatedAtomFrames {
    /** Header key and value marking an isolated-atom frame. */
    static final String CONFIG_TYPE = "config_type", ISOLATED_ATOM = "IsolatedAtom";
    /** Provenance keys in the order files show them; others follow alphabetically. */
    static final List<String> PROVENANCE_ORDER = List.of("level_of_theory", "program", "method", "command", "date", "source");
    /** Header keys that describe the frame rather than the calculation. */
    private static final Set<String> NOT_PROVENANCE = Set.of(CONFIG_TYPE, "pbc", "Lattice");

    private final Path file;
    private final List<IsolatedAtoms.Atom> atoms = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();
    private final Map<String, List<String>> provenance = new LinkedHashMap<>();

    IsolatedAtomFrames(Path file) {
        this.file = file;
    }

    /** Whether a frame's header marks it as an isolated atom. */
    static boolean marks(Map<String, String> info) {
        String t = info.get(CONFIG_TYPE);
        return t != null && t.replace("_", "").toLowerCase(Locale.ROOT).equals("isolatedatom");
    }

    /**
     * Adds one isolated-atom frame read at {@code headerLine}; {@code multiplicity} 0 when the
     * header gives none. Errors name the line: more than one atom, a charge, no energy, an element twice.
     */
    void add(long headerLine, int[] species, double energy, int charge, int multiplicity, Map<String, String> info,
             String level, String source, String energyKey) {
        if (species.length != 1) {
            throw DataFileException.atLine(file, headerLine, CONFIG_TYPE, "an IsolatedAtom frame must hold one atom, this one has "
                    + species.length);
        }
        if (charge != 0) {
            throw DataFileException.atLine(file, headerLine, ExtxyzReader.CHARGE, "an IsolatedAtom frame is a neutral atom, got charge " + charge);
        }
        if (Double.isNaN(energy)) {
            throw DataFileException.atLine(file, headerLine, energyKey, "missing: an IsolatedAtom frame needs its energy");
        }
        for (int i = 0; i < atoms.size(); i++) {
            if (atoms.get(i).z() == species[0]) {
                throw DataFileException.atLine(file, headerLine, CONFIG_TYPE, "second IsolatedAtom frame for "
                        + atoms.get(i).symbol() + " (the first is at line " + lines.get(i) + ")");
            }
        }
        atoms.add(new IsolatedAtoms.Atom(species[0], multiplicity, energy));
        lines.add(headerLine);
        Map<String, String> p = new LinkedHashMap<>();
        if (!level.isEmpty()) {
            p.put("level_of_theory", level);
        }
        if (!source.isEmpty()) {
            p.put("source", source);
        }
        info.forEach((k, v) -> {
            if (!NOT_PROVENANCE.contains(k)) {
                p.put(k, v);
            }
        });
        p.forEach((k, v) -> {
            List<String> values = provenance.computeIfAbsent(k, x -> new ArrayList<>());
            if (!values.contains(v)) {
                values.add(v);
            }
        });
    }

    /** The frames read, as isolated-atom energies; a provenance key whose value differs between frames keeps all values, joined by " | ". */
    IsolatedAtoms result() {
        Map<String, String> p = new LinkedHashMap<>();
        provenance.forEach((k, v) -> p.put(k, String.join(" | ", v)));
        return new IsolatedAtoms(atoms, ordered(p), file.toString());
    }

    /** Provenance with the keys of {@link #PROVENANCE_ORDER} first, in that order, then the others alphabetically. */
    static Map<String, String> ordered(Map<String, String> provenance) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : PROVENANCE_ORDER) {
            if (provenance.containsKey(k)) {
                out.put(k, provenance.get(k));
            }
        }
        new TreeMap<>(provenance).forEach(out::putIfAbsent);
        return out;
    }

    /**
     * Appends the frames of {@code isolated} in the convention above; provenance keys that the
     * header already uses ({@code reserved}) are left out.
     */
    static void write(StringBuilder sb, IsolatedAtoms isolated, String energyKey, String forcesKey, Set<String> reserved) {
        for (IsolatedAtoms.Atom a : isolated.atoms()) {
            sb.append("1\n");
            sb.append("Properties=species:S:1:pos:R:3:").append(forcesKey).append(":R:3 ")
                    .append(CONFIG_TYPE).append('=').append(ISOLATED_ATOM);
            if (a.multiplicity() > 0) {
                sb.append(' ').append(ExtxyzReader.MULTIPLICITY).append('=').append(a.multiplicity());
            }
            isolated.provenance().forEach((k, v) -> {
                boolean mapped = k.equals(ExtxyzReader.LEVEL) || k.equals(ExtxyzReader.SOURCE);
                if (mapped || !reserved.contains(k) && !NOT_PROVENANCE.contains(k) && !k.equals(ExtxyzReader.MULTIPLICITY)) {
                    sb.append(' ').append(ExtxyzHeader.quote(k)).append('=').append(ExtxyzHeader.quote(v));
                }
            });
            sb.append(' ').append(energyKey).append('=').append(a.energy());
            sb.append(" pbc=\"F F F\"\n");
            sb.append(a.symbol()).append(" 0.0 0.0 0.0 0.0 0.0 0.0\n");
        }
    }
}

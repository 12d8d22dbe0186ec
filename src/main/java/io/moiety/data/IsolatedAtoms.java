package io.moiety.data;

import io.moiety.chem.Element;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Energies of single neutral atoms in vacuum at the dataset's level of theory (eV): the physical
 * per-element reference energies E0(Z) a potential can add to its network output. Stored in a
 * Moiety HDF5 file as the group {@code isolated_atoms} and in extended XYZ as single-atom frames with
 * {@code config_type=IsolatedAtom}; never part of the molecules.
 *
 * @param atoms      one entry per element, sorted by atomic number
 * @param provenance how the energies were computed ({@code level_of_theory}, {@code program},
 *                   {@code method}, {@code command}, {@code date}, …), in a fixed order
 * @param origin     where they were read from (a file), for messages; empty when made in memory
 */
public record IsolatedAtoms(List<Atom> atoms, Map<String, String> provenance, String origin) {

    /**
     * One isolated atom.
     *
     * @param z            atomic number
     * @param multiplicity spin multiplicity 2S+1 of the calculation (unpaired electrons + 1); 0 when unknown
     * @param energy       total energy (eV)
     */
    public record Atom(int z, int multiplicity, double energy) {
        public Atom {
            Element.ofZ(z);
            if (multiplicity < 0) {
                throw new IllegalArgumentException(Element.ofZ(z) + ": multiplicity must be ≥ 0 (0 = unknown), got " + multiplicity);
            }
            if (!Double.isFinite(energy)) {
                throw new IllegalArgumentException(Element.ofZ(z) + ": isolated-atom energy is " + energy);
            }
        }

        /** Element symbol. */
        public String symbol() { return Element.ofZ(z).symbol(); }
    }

    public IsolatedAtoms {
        List<Atom> sorted = new ArrayList<>(atoms);
        sorted.sort(Comparator.comparingInt(Atom::z));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).z() == sorted.get(i - 1).z()) {
                throw new IllegalArgumentException("two isolated-atom energies for " + sorted.get(i).symbol());
            }
        }
        atoms = List.copyOf(sorted);
        provenance = provenance == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        origin = origin == null ? "" : origin;
    }

    /** None (a dataset without isolated-atom energies), read from {@code origin}. */
    public static IsolatedAtoms none(String origin) {
        return new IsolatedAtoms(List.of(), Map.of(), origin);
    }

    /** Whether there are no energies. */
    public boolean isEmpty() { return atoms.isEmpty(); }

    /** E0(Z) in eV, when present. */
    public OptionalDouble energy(int z) {
        for (Atom a : atoms) {
            if (a.z() == z) {
                return OptionalDouble.of(a.energy());
            }
        }
        return OptionalDouble.empty();
    }

    /** Z → E0 (eV), sorted by Z. */
    public Map<Integer, Double> energies() {
        Map<Integer, Double> m = new TreeMap<>();
        atoms.forEach(a -> m.put(a.z(), a.energy()));
        return m;
    }

    /** Elements of {@code z} without an energy here, in the order met, each once. */
    public List<Integer> missing(Iterable<Integer> z) {
        List<Integer> out = new ArrayList<>();
        for (int zi : z) {
            if (energy(zi).isEmpty() && !out.contains(zi)) {
                out.add(zi);
            }
        }
        return out;
    }

    /** {@code "H -10.707 eV (doublet), C -48.847 eV (triplet)"}: for logs and reports. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Atom a : atoms) {
            parts.add(a.symbol() + " " + String.format(Locale.ROOT, "%.6f", a.energy()) + " eV"
                    + (a.multiplicity() > 0 ? " (2S+1 = " + a.multiplicity() + ")" : ""));
        }
        return String.join(", ", parts);
    }
}

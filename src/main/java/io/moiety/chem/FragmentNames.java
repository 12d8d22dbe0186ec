package io.moiety.chem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names a chemist reads for heavy-atom environments ({@link MolecularGraph#heavyAtomEnvironments()}
 * labels such as {@code C(H2;C,O)}: a carbon with two hydrogens bonded to a C and an O) and for
 * groups of them that always occur together: {@code COOH}, {@code CHO}, {@code CH3}, …
 * Environments without a common name keep their label.
 */
public final class FragmentNames {
    private static final Map<Set<String>, String> GROUPS = Map.ofEntries(
            Map.entry(Set.of("C(H0;C,O,O)", "O(H0;C)", "O(H1;C)"), "COOH"),
            Map.entry(Set.of("C(H1;O,O)", "O(H0;C)", "O(H1;C)"), "HCOOH"),
            Map.entry(Set.of("C(H0;C,O,O)", "O(H0;C)"), "C(=O) of COOH"),
            Map.entry(Set.of("C(H1;C,O)", "O(H0;C)"), "CHO"),
            Map.entry(Set.of("C(H2;O)", "O(H0;C)"), "H2C=O"),
            Map.entry(Set.of("C(H2;C,O)", "O(H1;C)"), "CH2OH"),
            Map.entry(Set.of("C(H3;O)", "O(H1;C)"), "CH3OH"),
            Map.entry(Set.of("C(H0;C,N,O)", "N(H2;C)", "O(H0;C)"), "CONH2"),
            Map.entry(Set.of("C(H1;N,O)", "N(H2;C)", "O(H0;C)"), "HCONH2"),
            Map.entry(Set.of("C(H2;C,N)", "N(H2;C)"), "CH2NH2"),
            Map.entry(Set.of("C(H3;N)", "N(H2;C)"), "CH3NH2"));
    private static final Map<String, String> SINGLE = Map.of(
            "C(H3;C)", "CH3", "C(H2;C,C)", "CH2", "C(H4;)", "CH4", "O(H1;C)", "OH", "N(H2;C)", "NH2");

    private FragmentNames() {}

    /** Whether the environments form one named group (COOH, CHO, …). */
    public static boolean isGroup(List<String> environments) {
        return GROUPS.containsKey(Set.copyOf(environments));
    }

    /** Name of a set of environments that occur together, e.g. COOH; else the single names joined by " + ". */
    public static String of(List<String> environments) {
        String group = GROUPS.get(Set.copyOf(environments));
        if (group != null) {
            return group;
        }
        List<String> names = new ArrayList<>();
        for (String e : environments) {
            names.add(SINGLE.getOrDefault(e, e));
        }
        return String.join(" + ", names);
    }
}

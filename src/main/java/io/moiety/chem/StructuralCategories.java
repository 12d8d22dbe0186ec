package io.moiety.chem;

import java.util.Set;
import java.util.TreeSet;

/**
 * Structural categories of a molecule graph used by the group-additivity energy model: which
 * functional groups are present and the chain length (number of carbon atoms).
 *
 * <p>Groups are recognised on each carbon from its heteroatom neighbours: {@code carboxylic-acid}
 * (C bonded to a terminal O and to an O–H), {@code amide} (terminal O and N), {@code aldehyde}
 * (terminal O and an H), {@code ketone} (terminal O, no H), {@code alcohol} (one O–H only);
 * and on each nitrogen or oxygen: {@code amine} (N with at least one H), {@code ether} (O between
 * two carbons).
 *
 * @param groups  functional groups present
 * @param carbons number of carbon atoms
 */
public record StructuralCategories(Set<String> groups, int carbons) {

    /** Every group name this class can report. */
    public static final Set<String> ALL_GROUPS = Set.of(
            "carboxylic-acid", "amide", "aldehyde", "ketone", "alcohol", "amine", "ether");

    /** Categories of a molecule graph. */
    public static StructuralCategories of(int[] z, int[][] neighbours) {
        Set<String> groups = new TreeSet<>();
        int carbons = 0;
        for (int i = 0; i < z.length; i++) {
            if (z[i] == 6) {
                carbons++;
                int terminalO = 0, hydroxylO = 0, n = 0, h = 0;
                for (int j : neighbours[i]) {
                    switch (z[j]) {
                        case 1 -> h++;
                        case 7 -> n++;
                        case 8 -> {
                            int heavy = 0, hyd = 0;
                            for (int k : neighbours[j]) {
                                if (z[k] == 1) {
                                    hyd++;
                                } else {
                                    heavy++;
                                }
                            }
                            if (heavy == 1 && hyd == 0) {
                                terminalO++;
                            } else if (heavy == 1 && hyd == 1) {
                                hydroxylO++;
                            }
                        }
                        default -> { }
                    }
                }
                if (terminalO >= 1 && hydroxylO >= 1) {
                    groups.add("carboxylic-acid");
                } else if (terminalO >= 1 && n >= 1) {
                    groups.add("amide");
                } else if (terminalO >= 1 && h >= 1) {
                    groups.add("aldehyde");
                } else if (terminalO >= 1) {
                    groups.add("ketone");
                } else if (hydroxylO >= 1) {
                    groups.add("alcohol");
                }
            } else if (z[i] == 7 || z[i] == 8) {
                int c = 0, h = 0;
                for (int j : neighbours[i]) {
                    if (z[j] == 6) {
                        c++;
                    } else if (z[j] == 1) {
                        h++;
                    }
                }
                if (z[i] == 7 && h >= 1 && c >= 1 && !amideNitrogen(z, neighbours, i)) {
                    groups.add("amine");
                } else if (z[i] == 8 && c == 2) {
                    groups.add("ether");
                }
            }
        }
        return new StructuralCategories(Set.copyOf(groups), carbons);
    }

    private static boolean amideNitrogen(int[] z, int[][] nb, int n) {
        for (int c : nb[n]) {
            if (z[c] != 6) {
                continue;
            }
            for (int o : nb[c]) {
                if (z[o] == 8 && nb[o].length == 1) {
                    return true;
                }
            }
        }
        return false;
    }
}

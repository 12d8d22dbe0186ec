package io.moiety.descriptors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smarts.SmartsPattern;

/**
 * Ionisable sites of a molecule: the atoms that lose a proton (acid sites) or gain one (base
 * sites) according to the table of site SMARTS of Wu et al., MF-SuP-pKa (Acta Pharm. Sin. B 2022,
 * MIT licence; the table ships as {@code smarts_pattern_ionized.txt} with {@code LICENSE-smarts}
 * beside this class). Each row gives a SMARTS, the position(s) of the site atom in the pattern
 * ({@code new_index}, one or two comma-separated 0-based query-atom positions) and {@code A} or
 * {@code B}. A molecule's sites are the union of the site atoms of every match of every row of
 * its kind, matched on the molecule with explicit hydrogens. The table's atom-map labels
 * (numbered from 0, which CDK rejects) are removed: {@code new_index} counts query atoms in
 * pattern order, which does not need them.
 */
public final class AcidBaseSites {
    /** Resource name of the shipped SMARTS table. */
    public static final String RESOURCE = "smarts_pattern_ionized.txt";

    /** One SMARTS row. */
    public record Rule(int line, String smarts, int[] siteAtoms, boolean acid, SmartsPattern pattern) { }

    /** Site atoms (indices into the explicit-hydrogen container, ascending). */
    public record Sites(List<Integer> acid, List<Integer> base) {
        public boolean hasAcid() { return !acid.isEmpty(); }
        public boolean hasBase() { return !base.isEmpty(); }
    }

    private final List<Rule> rules;

    private AcidBaseSites(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The shipped table. */
    public static AcidBaseSites standard() {
        try (InputStream in = AcidBaseSites.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the tab-separated table (header row, then {@code id, SMARTS, new_index, Index,
     * Acid_or_base}; fields may be wrapped in double quotes).
     */
    public static AcidBaseSites parse(String text, String what) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split("\t");
            if (f.length < 5) {
                throw new IllegalArgumentException(what + ":" + (i + 1) + ": expected 5 tab-separated fields, got " + f.length);
            }
            String smarts = unquote(f[1]).replaceAll(":\\d+\\]", "]");
            String kind = unquote(f[4]).strip();
            if (!kind.equals("A") && !kind.equals("B")) {
                throw new IllegalArgumentException(what + ":" + (i + 1) + ": Acid_or_base '" + kind + "' is neither A nor B");
            }
            String[] idx = unquote(f[2]).split(",");
            int[] sites = new int[idx.length];
            for (int k = 0; k < idx.length; k++) {
                try {
                    sites[k] = Integer.parseInt(idx[k].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(what + ":" + (i + 1) + ": new_index '" + f[2] + "' is not a list of integers");
                }
            }
            SmartsPattern p;
            try {
                p = SmartsPattern.create(smarts);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ":" + (i + 1) + ": SMARTS '" + smarts + "': " + e.getMessage(), e);
            }
            rules.add(new Rule(i + 1, smarts, sites, kind.equals("A"), p));
        }
        return new AcidBaseSites(rules);
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    public List<Rule> rules() { return rules; }

    /**
     * Sites of {@code withHydrogens} (all hydrogens explicit atoms, aromaticity perceived as
     * {@link MoleculeGraphs#withExplicitHydrogens} does).
     */
    public Sites find(IAtomContainer withHydrogens) {
        TreeSet<Integer> acid = new TreeSet<>();
        TreeSet<Integer> base = new TreeSet<>();
        for (Rule r : rules) {
            for (int[] m : r.pattern().matchAll(withHydrogens)) {
                for (int s : r.siteAtoms()) {
                    if (s < m.length) {
                        (r.acid() ? acid : base).add(m[s]);
                    }
                }
            }
        }
        return new Sites(List.copyOf(acid), List.copyOf(base));
    }
}

package io.moiety.descriptors;

import java.util.List;

/**
 * The 22 QMex descriptors of Shimakawa, Kumada &amp; Sato (npj Comput. Mater. 10, 11 (2024)) with
 * the authors' column names, in their order, and the units Moiety writes them in. The units
 * follow the authors' values (Gaussian-style atomic units for volume, polarisability and
 * ⟨R²⟩; eV for energies of orbitals, ionisation and reaction; Hartree for the Gibbs energy;
 * GHz for the rotational constant). Definitions of the xtb quantities are in {@code docs/props.md}.
 */
public enum QmexDescriptor {
    MW("mw", "g/mol", "molecular weight from the formula (IUPAC standard atomic weights)"),
    NE_NA("Ne/Na", "1", "sum of atomic numbers of the heavy atoms / number of atoms including H"),
    HOMO("homo", "eV", "highest occupied orbital energy"),
    LUMO("lumo", "eV", "lowest unoccupied orbital energy"),
    EIV("Eiv", "eV", "vertical ionisation potential"),
    EAV("Eav", "eV", "vertical electron affinity"),
    VM("Vm", "bohr^3", "molecular volume"),
    ALPHA("alpha", "bohr^3", "isotropic static polarisability"),
    ALPHA_VM("alpha/Vm", "1", "polarisability over molecular volume"),
    LOG_R2("log10(R2)", "log10(bohr^2)", "log10 of the electronic spatial extent <R^2>"),
    G("G", "Eh", "Gibbs free energy at 298.15 K, 1 atm"),
    LOG_Q("log10(Q)", "log10(1)", "log10 of the total molecular partition function at 298.15 K, 1 atm"),
    LOG_RA("log10(RA)", "log10(GHz)", "log10 of the largest rotational constant A"),
    MU("mu", "D", "dipole moment"),
    MIN_ESP("min(esp)", "e", "most negative atomic partial charge"),
    MAX_ESP("max(esp)", "e", "most positive atomic partial charge"),
    MIN_MBO("min(mbo)", "1", "smallest bond order over the bonds"),
    MAX_MBO("max(mbo)", "1", "largest bond order over the bonds"),
    DEW("dEw", "eV", "solvation free energy in water"),
    DEO("dEo", "eV", "solvation free energy in 1-octanol"),
    DEACID("dEacid", "eV", "deprotonation energy E(A-) - E(AH) in water at the most acidic site"),
    DEBASE("dEbase", "eV", "protonation energy E(B) - E(BH+) in water at the most basic site");

    private final String column;
    private final String unit;
    private final String definition;

    QmexDescriptor(String column, String unit, String definition) {
        this.column = column;
        this.unit = unit;
        this.definition = definition;
    }

    /** Column name as the authors write it. */
    public String column() { return column; }

    /** Unit as written in Moiety's header ({@code 1} for dimensionless). */
    public String unit() { return unit; }

    /** One-line definition. */
    public String definition() { return definition; }

    /** The header cell {@code name [unit]}. */
    public String header() { return column + " [" + unit + "]"; }

    /** All 22, in the authors' order. */
    public static List<QmexDescriptor> all() { return List.of(values()); }
}

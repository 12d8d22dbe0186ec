package io.moiety.chem;

/**
 * Unit conversions used at file boundaries. Inside Moiety everything is Å, eV and eV/Å.
 *
 * <p>CODATA 2018 values (as used by ASE ≥ 3.22).
 */
public final class Units {
    /** One Hartree in eV. */
    public static final double HARTREE_EV = 27.211386245988;
    /** One bohr in Å. */
    public static final double BOHR_ANGSTROM = 0.529177210903;
    /** One kcal/mol in eV. */
    public static final double KCAL_MOL_EV = 0.0433641043;
    /** Hartree/bohr in eV/Å. */
    public static final double HARTREE_PER_BOHR_EV_PER_ANGSTROM = HARTREE_EV / BOHR_ANGSTROM;

    private Units() {}
}

package io.moiety.chem;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Atoms of one configuration: atomic numbers, Cartesian positions (Å, flattened {@code [N*3]}),
 * total charge (e) and spin multiplicity (2S+1). Optionally a periodic cell ({@code [9]} row
 * vectors in Å, null for a molecule in vacuum).
 */
public record Structure(int[] atomicNumbers, double[] positions, int charge, int multiplicity, double[] cell) implements Serializable {

    public Structure {
        if (atomicNumbers == null || positions == null) {
            throw new IllegalArgumentException("atomic numbers and positions are required");
        }
        if (positions.length != atomicNumbers.length * 3) {
            throw new IllegalArgumentException("positions has " + positions.length + " values for "
                    + atomicNumbers.length + " atoms (expected " + atomicNumbers.length * 3 + ")");
        }
        for (int z : atomicNumbers) {
            Element.ofZ(z);
        }
        if (multiplicity < 1) {
            throw new IllegalArgumentException("spin multiplicity must be ≥ 1, got " + multiplicity);
        }
        if (cell != null && cell.length != 9) {
            throw new IllegalArgumentException("cell must have 9 values, got " + cell.length);
        }
    }

    /** A neutral closed-shell molecule in vacuum. */
    public static Structure molecule(int[] atomicNumbers, double[] positions) {
        return new Structure(atomicNumbers, positions, 0, 1, null);
    }

    /** Number of atoms. */
    public int size() { return atomicNumbers.length; }

    /** Whether a periodic cell is set. */
    public boolean periodic() { return cell != null; }

    /** Same atoms, charge and multiplicity at new positions (Å). */
    public Structure withPositions(double[] newPositions) {
        return new Structure(atomicNumbers, newPositions, charge, multiplicity, cell);
    }

    /** Hill-order formula, e.g. {@code C2H6O}. */
    public String formula() {
        return Formula.hill(atomicNumbers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Structure s && Arrays.equals(atomicNumbers, s.atomicNumbers)
                && Arrays.equals(positions, s.positions) && charge == s.charge
                && multiplicity == s.multiplicity && Arrays.equals(cell, s.cell);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(atomicNumbers) + Arrays.hashCode(positions);
    }

    @Override
    public String toString() {
        return "Structure[" + formula() + ", " + size() + " atoms, charge " + charge + ", mult " + multiplicity + "]";
    }
}

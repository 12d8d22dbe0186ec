package io.moiety.chem;

/**
 * Spin of a neutral atom in its ground state, from its electron configuration: subshells filled
 * in Madelung order (1s 2s 2p 3s 3p 4s 3d 4p 5s 4d 5p …), and in the one open subshell Hund's
 * first rule (one electron per orbital before any is doubly occupied). Exact for every element
 * Moiety knows (H–Ar, Br, I: no Madelung exceptions among them): H 1 unpaired electron, C 2,
 * N 3, O 2, F 1, S 2, Cl 1, noble gases 0.
 */
public final class AtomGroundState {
    private AtomGroundState() {}

    /** Number of unpaired electrons (xtb's {@code --uhf}) of the neutral atom Z in its ground state. */
    public static int unpairedElectrons(int z) {
        Element.ofZ(z);
        int left = z;
        int unpaired = 0;
        // Madelung order: by n + l, then by n
        for (int sum = 1; left > 0; sum++) {
            for (int l = (sum - 1) / 2; l >= 0 && left > 0; l--) {
                int n = sum - l;
                if (n <= l) {
                    continue;
                }
                int orbitals = 2 * l + 1;
                int electrons = Math.min(left, 2 * orbitals);
                left -= electrons;
                unpaired = electrons <= orbitals ? electrons : 2 * orbitals - electrons;
            }
        }
        return unpaired;
    }

    /** Spin multiplicity 2S+1 of the neutral atom Z in its ground state. */
    public static int multiplicity(int z) {
        return unpairedElectrons(z) + 1;
    }
}

package io.moiety.model.equivariant;

/**
 * Unitary change of basis from complex spherical harmonics (Condon–Shortley phase) to the real
 * ones of {@link SphericalHarmonics}: {@code Y_real[a] = Σ_m U[a][m] Y_complex[m]}, rows
 * {@code a = m_real + l}, columns {@code m + l}. For {@code μ > 0}:
 * {@code Y_{l,μ} = (Y^{-μ} + (-1)^μ Y^{μ})/√2}, {@code Y_{l,-μ} = i (Y^{-μ} - (-1)^μ Y^{μ})/√2}.
 *
 * @param re real part of {@code U}, {@code [2l+1][2l+1]}
 * @param im imaginary part of {@code U}
 */
public record RealBasis(int l, double[][] re, double[][] im) {

    /** The change of basis for degree {@code l}. */
    public static RealBasis of(int l) {
        int n = 2 * l + 1;
        double[][] re = new double[n][n];
        double[][] im = new double[n][n];
        double h = 1 / Math.sqrt(2);
        re[l][l] = 1;
        for (int mu = 1; mu <= l; mu++) {
            double sign = (mu & 1) == 0 ? 1 : -1;
            re[l + mu][l - mu] = h;
            re[l + mu][l + mu] = sign * h;
            im[l - mu][l - mu] = h;
            im[l - mu][l + mu] = -sign * h;
        }
        return new RealBasis(l, re, im);
    }
}

package io.moiety.model;

/**
 * A committee's output for one frame: the members' mean prediction and its spread.
 *
 * @param mean       mean energy (eV) and mean forces (eV/Å, {@code [N*3]}; null when the members
 *                   predict no forces)
 * @param members    number of members K
 * @param energyStd  sample standard deviation (K − 1 in the denominator) of the members' total
 *                   energies, eV
 * @param atomForceStd per atom, the norm of the vector of the three force components' sample
 *                   standard deviations, {@code sqrt(σ²_x + σ²_y + σ²_z)}, eV/Å ({@code [N]}; null
 *                   without forces)
 */
public record CommitteePrediction(Prediction mean, int members, double energyStd, double[] atomForceStd) {

    /**
     * The frame's force uncertainty, eV/Å: the mean over atoms of {@link #atomForceStd}; NaN
     * without forces.
     */
    public double forceStd() {
        if (atomForceStd == null || atomForceStd.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : atomForceStd) {
            s += v;
        }
        return s / atomForceStd.length;
    }

    /**
     * Mean and spread of one frame's member predictions.
     *
     * @param energies per member, eV
     * @param forces   per member, flattened {@code [N*3]} eV/Å; null (or any null entry) when the
     *                 members predict no forces
     */
    public static CommitteePrediction of(double[] energies, double[][] forces) {
        int k = energies.length;
        if (k < 2) {
            throw new IllegalArgumentException("a committee needs at least 2 members, got " + k);
        }
        double[] e = meanAndStd(energies);
        boolean withForces = forces != null;
        if (withForces) {
            if (forces.length != k) {
                throw new IllegalArgumentException(k + " member energies but " + forces.length + " member forces");
            }
            for (double[] f : forces) {
                withForces &= f != null;
            }
        }
        if (!withForces) {
            return new CommitteePrediction(new Prediction(e[0], null), k, e[1], null);
        }
        int n3 = forces[0].length;
        double[] mean = new double[n3];
        double[] atomStd = new double[n3 / 3];
        double[] column = new double[k];
        for (int c = 0; c < n3; c++) {
            for (int m = 0; m < k; m++) {
                if (forces[m].length != n3) {
                    throw new IllegalArgumentException("member " + m + " has " + forces[m].length
                            + " force components, member 0 " + n3);
                }
                column[m] = forces[m][c];
            }
            double[] ms = meanAndStd(column);
            mean[c] = ms[0];
            atomStd[c / 3] += ms[1] * ms[1];
        }
        for (int a = 0; a < atomStd.length; a++) {
            atomStd[a] = Math.sqrt(atomStd[a]);
        }
        return new CommitteePrediction(new Prediction(e[0], mean), k, e[1], atomStd);
    }

    /** {mean, sample standard deviation} of at least two values. */
    private static double[] meanAndStd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new double[] {mean, Math.sqrt(ss / (v.length - 1))};
    }
}

package io.moiety.causal;

import java.util.SplittableRandom;

/** Samples from a known linear non-Gaussian structural model {@code x = B x + e}, for tests. */
record SyntheticLingam(double[][] b, int[] order, double[] noiseScales) {

    /** Six variables in causal order 3, 0, 5, 1, 4, 2 with seven edges of mixed sign. */
    static SyntheticLingam sixVariables() {
        double[][] b = new double[6][6];
        b[0][3] = 0.8;
        b[5][0] = -1.2;
        b[1][3] = 0.6;
        b[1][5] = 0.9;
        b[4][0] = -0.7;
        b[2][1] = 1.1;
        b[2][4] = 0.5;
        return new SyntheticLingam(b, new int[] {3, 0, 5, 1, 4, 2}, new double[] {1.0, 0.7, 1.3, 1.5, 0.8, 1.0});
    }

    /**
     * A random model over {@code p} variables: a random causal order, each earlier variable a
     * parent with probability {@code density}, weights of magnitude 0.5–1.5 and random sign,
     * noise scales 0.5–1.5.
     */
    static SyntheticLingam random(int p, double density, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
        }
        for (int i = p - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[][] b = new double[p][p];
        for (int k = 1; k < p; k++) {
            for (int l = 0; l < k; l++) {
                if (random.nextDouble() < density) {
                    double w = 0.5 + random.nextDouble();
                    b[order[k]][order[l]] = random.nextBoolean() ? w : -w;
                }
            }
        }
        double[] scales = new double[p];
        for (int i = 0; i < p; i++) {
            scales[i] = 0.5 + random.nextDouble();
        }
        return new SyntheticLingam(b, order, scales);
    }

    /** Rows of the model with uniform (laplace = false) or Laplace noise of the given scales. */
    double[][] sample(int n, long seed, boolean laplace) {
        SplittableRandom random = new SplittableRandom(seed);
        int p = b.length;
        double[][] x = new double[n][p];
        for (int r = 0; r < n; r++) {
            for (int i : order) {
                double u = random.nextDouble() - 0.5;
                double e = laplace ? -Math.signum(u) * Math.log(1 - 2 * Math.abs(u)) : 2 * u;
                double s = noiseScales[i] * e;
                for (int j = 0; j < p; j++) {
                    s += b[i][j] * x[r][j];
                }
                x[r][i] = s;
            }
        }
        return x;
    }

    /** Whether {@code estimated} puts every true cause before its effects. */
    boolean consistentWith(int[] estimated) {
        int p = b.length;
        int[] position = new int[p];
        for (int k = 0; k < p; k++) {
            position[estimated[k]] = k;
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                if (b[i][j] != 0 && position[j] > position[i]) {
                    return false;
                }
            }
        }
        return true;
    }
}

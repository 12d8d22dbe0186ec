/**
 * Causal discovery and interventions on tabular data, pure numerics (no chemistry, no file
 * formats): DirectLiNGAM with the pairwise likelihood-ratio ordering and sink prior knowledge,
 * adaptive-lasso edge weights on a LARS path, a Gaussian mixture for splitting data into pools,
 * distances between weighted DAGs, and the interventional effects of features on a linear
 * prediction. Rows are samples and columns variables throughout; a weighted DAG is a
 * {@link io.moiety.causal.CausalGraph} whose {@code b[i][j]} is the direct effect of variable
 * {@code j} on variable {@code i}, in the units of the data it was fitted on.
 */
package io.moiety.causal;

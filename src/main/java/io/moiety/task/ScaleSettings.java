package io.moiety.task;

/**
 * Trajectory lengths of one data scale ({@code default} = the small embedded dataset,
 * {@code paper} = the published benchmark's size) and the xtb Hamiltonian of its MD.
 *
 * @param mdMethod         {@code gfn2} or a cheaper {@code gfnff}/{@code gfn1}/{@code gfn0} for sampling (labels are always GFN2-xTB)
 * @param equilibrationFs  simulated and discarded before the first kept snapshot (fs)
 * @param dumpFs           spacing of kept snapshots (fs)
 * @param primaryFrames    snapshots of every molecule's primary trajectory
 * @param secondaryFrames  snapshots of the training molecules' independent second trajectory
 */
public record ScaleSettings(String mdMethod, double equilibrationFs, double dumpFs, int primaryFrames, int secondaryFrames) {}

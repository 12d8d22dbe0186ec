package io.moiety.task;

/**
 * Trajectory lengths of one data scale ({@code default} = the small embedded dataset,
 * {@code paper} = the published benchmark's size).
 *
 * @param equilibrationFs  simulated and discarded before the first kept snapshot (fs)
 * @param dumpFs           spacing of kept snapshots (fs)
 * @param primaryFrames    snapshots of every molecule's primary trajectory
 * @param secondaryFrames  snapshots of the training molecules' independent second trajectory
 */
public record ScaleSettings(double equilibrationFs, double dumpFs, int primaryFrames, int secondaryFrames) {}

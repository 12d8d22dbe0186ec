package io.moiety.label;

import java.io.Serializable;

/**
 * A recorded failure: a molecule (frame −1, trajectory null when it failed before MD), a whole
 * trajectory (frame −1) or one frame's single point, with the reason.
 */
public record Failure(String molecule, Trajectory trajectory, int frame, String reason) implements Serializable {
    @Override
    public String toString() {
        return molecule + (trajectory == null ? "" : " " + trajectory.label()) + (frame >= 0 ? " frame " + frame : "") + ": " + reason;
    }
}

package io.moiety.label;

/**
 * An external-program call that did not produce a usable result (crash, non-zero exit, SCF not
 * converged, timeout, unparsable output); the message is the reason recorded in the work
 * directory and the generation summary.
 */
public class ToolFailure extends RuntimeException {
    public ToolFailure(String reason) {
        super(reason);
    }

    public ToolFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}

package io.moiety.train;

import io.moiety.model.Potential;
import java.io.IOException;

/**
 * Trains a network potential. CONTRACT (owned by the training work, issue #4): the signature is
 * fixed so the benchmark runner can be written against it; the body is to be implemented.
 */
public final class Training {
    private Training() {}

    /**
     * Trains (or resumes) the run and returns the best-validation potential, with reference
     * energies and normalisation folded in so that it predicts total energies (eV) and forces (eV/Å).
     * The caller closes the returned potential.
     */
    public static Potential train(TrainRequest request) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}

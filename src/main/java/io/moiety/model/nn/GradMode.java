package io.moiety.model.nn;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Scoped switch of PyTorch's thread-local grad mode. DJL runs with grad mode off outside a
 * {@code GradientCollector}; computing forces at inference still needs the graph from
 * positions to the energy, so wrap such code in {@code try (GradMode g = GradMode.enabled()) {...}}.
 * The previous mode is restored on close.
 */
public final class GradMode implements AutoCloseable {
    private final boolean previous;

    private GradMode(boolean on) {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(on);
    }

    /** Turns grad mode on until {@link #close()}. */
    public static GradMode enabled() { return new GradMode(true); }

    /** Turns grad mode off until {@link #close()}. */
    public static GradMode disabled() { return new GradMode(false); }

    @Override
    public void close() { JniUtils.setGradMode(previous); }
}

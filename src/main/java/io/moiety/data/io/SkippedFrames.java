package io.moiety.data.io;

/** A reader that drops frames its format marks as missing (e.g. ANI-1x NaN labels) and counts them. */
public interface SkippedFrames {
    /** Frames skipped so far among the molecules read. */
    long skippedFrames();
}

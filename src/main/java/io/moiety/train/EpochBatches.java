package io.moiety.train;

import io.moiety.data.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Shuffled mini-batches of frame indices for one epoch. The permutation depends only on the run
 * seed and the epoch number, so a resumed run sees exactly the batches the uninterrupted run saw
 * without storing any random-generator state.
 */
public final class EpochBatches {
    private EpochBatches() {}

    /**
     * @param count     number of frames
     * @param batchSize frames per batch (the last batch may be smaller)
     * @param seed      run seed
     * @param epoch     0-based epoch
     * @return batches of indices into the frame list
     */
    public static List<int[]> shuffled(int count, int batchSize, long seed, int epoch) {
        int[] order = IntStream.range(0, count).toArray();
        SplittableRandom rng = new SplittableRandom(mix(seed, epoch));
        for (int i = count - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return chunks(order, batchSize);
    }

    /** Number of batches per epoch. */
    public static int count(int frames, int batchSize) {
        return (frames + batchSize - 1) / batchSize;
    }

    private static List<int[]> chunks(int[] order, int batchSize) {
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            int[] b = new int[end - start];
            System.arraycopy(order, start, b, 0, b.length);
            out.add(b);
        }
        return out;
    }

    private static long mix(long seed, int epoch) {
        return SplitMix64.mix(seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL);
    }
}

package io.moiety.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Chooses the DJL device: {@code cpu}, {@code gpu} (fails clearly without CUDA) or {@code auto}
 * (GPU when PyTorch sees one, else CPU). The CPU engine comes from Maven Central natives and
 * works offline; CUDA needs DJL's CUDA 12.8 build of PyTorch 2.7.1 (downloaded by DJL when online)
 * or an existing libtorch 2.7.1 named by {@code PYTORCH_LIBRARY_PATH}.
 */
public final class Devices {
    private Devices() {}

    /** The device for {@code name} (case-insensitive: cpu, gpu, cuda, auto). */
    public static Device select(String name) {
        String n = name == null ? "auto" : name.trim().toLowerCase(java.util.Locale.ROOT);
        switch (n) {
            case "cpu":
                return Device.cpu();
            case "gpu":
            case "cuda":
                int gpus = Engine.getInstance().getGpuCount();
                if (gpus == 0) {
                    throw new IllegalStateException("device 'gpu' requested but the PyTorch engine sees no CUDA GPU "
                            + "(engine " + Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion()
                            + "). Use a CUDA build of PyTorch 2.7.1: run online once so DJL fetches its cu128 build, "
                            + "or set PYTORCH_LIBRARY_PATH to a libtorch 2.7.1 with CUDA; or use --device cpu");
                }
                return Device.gpu();
            case "auto":
                return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            default:
                throw new IllegalArgumentException("unknown device '" + name + "' (use cpu, gpu or auto)");
        }
    }

    /**
     * Sets PyTorch's intra-op thread count (1 is fastest for small molecules on 2 cores). The
     * inter-op count can only be set before the engine starts: use the system properties
     * {@code -Dai.djl.pytorch.num_threads=N -Dai.djl.pytorch.num_interop_threads=M} for both.
     */
    public static void setIntraOpThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be ≥ 1, got " + threads);
        }
        Engine.getInstance(); // make sure the engine (and its property-based settings) is loaded first
        ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
    }

    /** PyTorch's current intra-op thread count. */
    public static int intraOpThreads() {
        Engine.getInstance();
        return ai.djl.pytorch.jni.JniUtils.getNumThreads();
    }
}

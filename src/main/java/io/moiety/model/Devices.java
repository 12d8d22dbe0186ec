package io.moiety.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the DJL device: {@code cpu}, {@code gpu} (fails clearly without CUDA) or {@code auto}
 * (GPU when PyTorch sees one, else CPU). The CPU engine comes from Maven Central natives and
 * works offline; CUDA needs a libtorch 2.7.1 built for CUDA 12.8 named by
 * {@code PYTORCH_LIBRARY_PATH} (with {@code PYTORCH_VERSION=2.7.1}, {@code PYTORCH_FLAVOR=cu128}):
 * DJL never downloads its CUDA build while the CPU natives are on the class path, as they are in
 * {@code moiety.jar}.
 */
public final class Devices {
    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    /** How to get the CUDA engine, for messages. */
    static final String CUDA_HOWTO = "set PYTORCH_LIBRARY_PATH to the lib folder of a libtorch 2.7.1 built for CUDA 12.8, "
            + "with PYTORCH_VERSION=2.7.1 and PYTORCH_FLAVOR=cu128 (DJL does not download its CUDA build while "
            + "pytorch-native-cpu is on the class path, as in moiety.jar; see README, CPU and GPU)";

    private Devices() {}

    /** The device for {@code name} (case-insensitive: cpu, gpu, cuda, auto). */
    public static Device select(String name) {
        String n = name == null ? "auto" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "cpu":
                return Device.cpu();
            case "gpu":
            case "cuda":
                int gpus = Engine.getInstance().getGpuCount();
                if (gpus == 0) {
                    throw new IllegalStateException("device 'gpu' requested but the PyTorch engine sees no CUDA GPU "
                            + "(engine " + Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion()
                            + (nvidiaDevicePresent() ? "), although this machine has an NVIDIA device" : ")")
                            + ". For CUDA, " + CUDA_HOWTO + "; or use --device cpu");
                }
                return Device.gpu();
            case "auto":
                if (Engine.getInstance().getGpuCount() > 0) {
                    return Device.gpu();
                }
                if (nvidiaDevicePresent()) {
                    LOG.warn("--device auto: this machine has an NVIDIA device but the PyTorch engine is a CPU build, "
                            + "so this runs on the CPU. For CUDA, {}", CUDA_HOWTO);
                }
                return Device.cpu();
            default:
                throw new IllegalArgumentException("unknown device '" + name + "' (use cpu, gpu or auto)");
        }
    }

    /** Whether the NVIDIA driver exposes a device here (Linux: {@code /dev/nvidia0}). */
    static boolean nvidiaDevicePresent() {
        return Files.exists(Path.of("/dev/nvidia0"));
    }
}

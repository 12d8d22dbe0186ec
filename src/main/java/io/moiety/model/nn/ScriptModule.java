package io.moiety.model.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A TorchScript module shipped as a classpath resource, loaded in training mode into its own
 * sub-manager (closed with it). Used for the few operations DJL lacks ({@link ForceGrad},
 * {@link IndexAddKernel}).
 */
final class ScriptModule implements AutoCloseable {
    private final NDManager manager;
    private final PtSymbolBlock module;

    private ScriptModule(NDManager manager, PtSymbolBlock module) {
        this.manager = manager;
        this.module = module;
    }

    /**
     * Loads {@code resource} onto {@code parent}'s device.
     *
     * @param buildScript the script that builds the resource, named in the error when it is missing
     */
    static ScriptModule load(NDManager parent, String resource, String buildScript) {
        NDManager m = parent.newSubManager();
        try (InputStream in = ScriptModule.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (run " + buildScript + ")");
            }
            PtSymbolBlock block = JniUtils.loadModule((PtNDManager) m, in, true, false);
            JniUtils.enableTrainingMode(block);
            return new ScriptModule(m, block);
        } catch (IOException e) {
            m.close();
            throw new UncheckedIOException("cannot load " + resource, e);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Runs the module's forward with gradient recording. */
    NDList forward(NDList inputs) {
        return IValueUtils.forward(module, inputs, true);
    }

    @Override
    public void close() {
        module.close();
        manager.close();
    }
}

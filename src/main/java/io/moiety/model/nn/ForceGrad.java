package io.moiety.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Forces {@code F = −∂(Σ E)/∂x} through a tiny TorchScript module
 * ({@code io/moiety/model/force_grad.pt}, built by {@code src/main/python/build_force_module.py})
 * that calls {@code torch.autograd.grad}. With {@code createGraph = true} the result stays
 * differentiable (a force loss can be back-propagated to the parameters); DJL's own
 * {@code backward(createGraph=true)} leaks native memory per step, this module does not.
 * With {@code createGraph = false} the graph is freed (inference).
 * Grad mode must be on while the energy is computed (see {@link GradMode}).
 */
public final class ForceGrad implements AutoCloseable {
    /** Classpath location of the TorchScript module. */
    public static final String RESOURCE = "/io/moiety/model/force_grad.pt";

    private final ScriptModule module;

    private ForceGrad(ScriptModule module) {
        this.module = module;
    }

    /** Loads the module onto {@code parent}'s device; it lives in a sub-manager closed by {@link #close()}. */
    public static ForceGrad load(NDManager parent) {
        return new ForceGrad(ScriptModule.load(parent, RESOURCE, "src/main/python/build_force_module.py"));
    }

    /**
     * {@code −∂(Σ energy)/∂positions}, shaped like {@code positions}; attached to the positions' manager.
     *
     * @param energy      any-shaped energies (summed), computed from {@code positions} with grad mode on
     * @param positions   leaf array with {@code requiresGradient}
     * @param createGraph keep the graph (training with a force loss) or free it (inference)
     */
    public NDArray forces(NDArray energy, NDArray positions, boolean createGraph) {
        NDManager home = positions.getManager();
        NDArray flag = home.create(createGraph ? 1L : 0L);
        NDList out = module.forward(new NDList(energy, positions, flag));
        NDArray f = out.singletonOrThrow();
        f.attach(home);
        flag.close();
        return f;
    }

    @Override
    public void close() {
        module.close();
    }
}

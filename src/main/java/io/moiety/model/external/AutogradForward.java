package io.moiety.model.external;

import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Calls a TorchScript module's {@code forward} on {@link IValue} arguments with autograd
 * available. DJL's public {@code IValueUtils.forward(block, IValue...)} runs the module under
 * PyTorch's inference mode, in which a model that computes its forces with
 * {@code torch.autograd.grad} (MACE, NequIP, Allegro) cannot; its NDList entry point allows
 * autograd but cannot return a dictionary holding {@code None} (MACE's outputs do). This class
 * reaches DJL's native {@code moduleRunMethod} with the training flag set, which only means "do
 * not enter inference mode"; the module itself stays in eval mode. Grad mode must be on
 * ({@code GradMode.enabled()}).
 * The module's parameters must not be inference tensors (load it with DJL's {@code trainParam}
 * set, see {@link TorchScriptPotential#load}).
 */
final class AutogradForward {
    private static final Object LIB;
    private static final Method RUN;
    private static final Constructor<IValue> WRAP;

    static {
        try {
            Class<?> lib = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
            Field f = lib.getDeclaredField("LIB");
            f.setAccessible(true);
            LIB = f.get(null);
            RUN = lib.getDeclaredMethod("moduleRunMethod", long.class, String.class, long[].class, boolean.class,
                    boolean.class);
            RUN.setAccessible(true);
            WRAP = IValue.class.getDeclaredConstructor(long.class);
            WRAP.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("this DJL PyTorch engine lacks the native entry point "
                    + "PyTorchLibrary.moduleRunMethod(long, String, long[], boolean, boolean): " + e);
        }
    }

    private AutogradForward() {}

    /** {@code module.forward(inputs...)}; the caller closes the result. */
    static IValue forward(PtSymbolBlock module, IValue... inputs) {
        long[] handles = Arrays.stream(inputs).mapToLong(IValue::getHandle).toArray();
        try {
            long out = (Long) RUN.invoke(LIB, module.getHandle(), "forward", handles, true, false);
            return WRAP.newInstance(out);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

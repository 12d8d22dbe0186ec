package io.moiety.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Copying named parameter values in place without touching autograd: writes into a parameter
 * array happen with gradient recording off, so the leaf stays a leaf and keeps requiring grad.
 * Used by EMA swaps, best-weight snapshots and checkpoint restore.
 */
public final class Weights {
    private Weights() {}

    /** Copies {@code source} into {@code target} (same shape) in place. */
    public static void assign(NDArray target, NDArray source) {
        if (!target.getShape().equals(source.getShape())) {
            throw new IllegalArgumentException("cannot copy " + source.getShape() + " into " + target.getShape()
                    + (target.getName() == null ? "" : " for parameter " + target.getName()));
        }
        noGrad(() -> {
            target.set(new NDIndex("..."), source);
            return null;
        });
    }

    /** Copies every named array of {@code values} into the parameter of the same name. */
    public static void assign(Map<String, NDArray> parameters, Map<String, NDArray> values) {
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray v = values.get(e.getKey());
            if (v == null) {
                throw new IllegalArgumentException("no value for parameter '" + e.getKey() + "' (have "
                        + values.keySet() + ")");
            }
            assign(e.getValue(), v);
        }
    }

    /**
     * A copy of {@code source} on {@code device} that owns its storage, named {@code name} and
     * attached to {@code manager}; for state that is later updated in place (optimiser moments, EMA).
     * DJL's {@code toDevice(device, true)} does not copy when the device is unchanged: it returns a
     * second handle on the same storage. For an array decoded from a checkpoint (or created from
     * Java data) that storage is a Java direct buffer, freed once the decoding manager is closed and
     * the buffer collected, so in-place writes through such a handle corrupt the native heap.
     */
    public static NDArray ownedCopy(NDArray source, Device device, NDManager manager, String name) {
        NDArray c = noGrad(() -> source.getDevice().equals(device) ? source.duplicate() : source.toDevice(device, true));
        c.attach(manager);
        c.setName(name);
        return c;
    }

    /** Detached copies of all parameters, attached to {@code manager}. */
    public static Map<String, NDArray> snapshot(Map<String, NDArray> parameters, NDManager manager) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        noGrad(() -> {
            parameters.forEach((k, p) -> {
                NDArray c = p.duplicate();
                c.setRequiresGradient(false);
                c.attach(manager);
                c.setName(k);
                out.put(k, c);
            });
            return null;
        });
        return out;
    }

    /** The arrays as an {@link NDList} with their map keys as names (for {@link NDList#encode()}). */
    public static NDList toList(Map<String, NDArray> arrays) {
        NDList list = new NDList();
        arrays.forEach((k, a) -> {
            a.setName(k);
            list.add(a);
        });
        return list;
    }

    /** The arrays of a decoded {@link NDList}, keyed by name. */
    public static Map<String, NDArray> toMap(NDList list) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (NDArray a : list) {
            if (a.getName() == null || out.put(a.getName(), a) != null) {
                throw new IllegalArgumentException("array list has a missing or duplicate name: " + a.getName());
            }
        }
        return out;
    }

    /** Runs {@code body} with PyTorch gradient recording off, restoring the previous mode. */
    public static <T> T noGrad(Supplier<T> body) {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return body.get();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }
}

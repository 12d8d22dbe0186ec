package io.moiety.model.external;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What a TorchScript file says about itself, read without loading it into PyTorch: the
 * {@code _extra_files} metadata (NequIP's {@code r_max}, {@code type_names}, …), the module's
 * tensor attributes (MACE's {@code atomic_numbers} and {@code r_max} buffers), the storage
 * types (float32/float64) and the devices its tensors were saved on. A TorchScript file is a zip
 * of {@code NAME/data.pkl} (the module tree, see {@link Pickle}), {@code NAME/data/KEY} (raw
 * little-endian storages), {@code NAME/code/…} and {@code NAME/extra/…}.
 */
public final class TorchScriptArchive {
    /** A tensor attribute read from the archive: storage type (e.g. {@code DoubleStorage}), device, shape, values. */
    public record StoredTensor(String storage, String device, long[] shape, double[] values) {}

    private final Path file;
    private final Map<String, String> extra;
    private final Object root;
    private final Map<String, byte[]> storages;

    private TorchScriptArchive(Path file, Map<String, String> extra, Object root, Map<String, byte[]> storages) {
        this.file = file;
        this.extra = extra;
        this.root = root;
        this.storages = storages;
    }

    /** Reads {@code file}; throws naming the file when it is not a TorchScript archive. */
    public static TorchScriptArchive read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String prefix = null;
            Map<String, String> extra = new TreeMap<>();
            Map<String, byte[]> storages = new LinkedHashMap<>();
            byte[] pickle = null;
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || e.isDirectory()) {
                    continue;
                }
                String rest = name.substring(slash + 1);
                if (rest.equals("data.pkl")) {
                    prefix = name.substring(0, slash);
                    pickle = bytes(zip, e);
                } else if (rest.startsWith("extra/")) {
                    extra.put(rest.substring("extra/".length()), new String(bytes(zip, e), StandardCharsets.UTF_8));
                } else if (rest.startsWith("data/")) {
                    storages.put(rest.substring("data/".length()), bytes(zip, e));
                }
            }
            if (prefix == null) {
                throw new IOException(file + ": not a TorchScript file (a zip without data.pkl); export the model with"
                        + " torch.jit.script(...).save(...) or the framework's deploy/compile command");
            }
            return new TorchScriptArchive(file, extra, Pickle.read(pickle, file + " (data.pkl)"), storages);
        } catch (ZipException e) {
            throw new IOException(file + ": not a TorchScript file (not a zip archive: " + e.getMessage() + ")", e);
        }
    }

    private static byte[] bytes(ZipFile zip, ZipEntry e) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    /** The file this was read from. */
    public Path file() { return file; }

    /** The {@code _extra_files} entries (name → text), sorted by name; empty when there are none. */
    public Map<String, String> extraFiles() { return Collections.unmodifiableMap(extra); }

    /**
     * The tensor attribute {@code name} of the first module (breadth-first from the top) that has
     * all of {@code names}; empty when no module has them.
     */
    public Optional<Map<String, StoredTensor>> attributes(List<String> names) {
        Deque<Object> queue = new ArrayDeque<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        queue.add(root);
        while (!queue.isEmpty()) {
            Object o = queue.poll();
            if (!(o instanceof Pickle.Instance inst) || !seen.add(inst) || !(inst.state instanceof Map<?, ?> state)) {
                continue;
            }
            if (names.stream().allMatch(n -> tensorCall(state.get(n)) != null)) {
                Map<String, StoredTensor> out = new LinkedHashMap<>();
                for (String n : names) {
                    out.put(n, tensor(tensorCall(state.get(n))));
                }
                return Optional.of(out);
            }
            for (Object v : state.values()) {
                if (v instanceof Pickle.Instance) {
                    queue.add(v);
                }
            }
        }
        return Optional.empty();
    }

    /** Storage type → total bytes, over every tensor in the file (e.g. {@code FloatStorage=81234}). */
    public Map<String, Long> storageBytes() {
        Map<String, Long> out = new TreeMap<>();
        for (List<?> ref : storageRefs()) {
            String type = ((Pickle.Global) ref.get(1)).name();
            byte[] data = storages.get(String.valueOf(ref.get(2)));
            out.merge(type, data == null ? 0L : data.length, Long::sum);
        }
        return out;
    }

    /** Devices the tensors were saved on (e.g. {@code cpu}, {@code cuda:0}). */
    public Set<String> storageDevices() {
        Set<String> out = new TreeSet<>();
        for (List<?> ref : storageRefs()) {
            out.add(String.valueOf(ref.get(3)));
        }
        return out;
    }

    /** Every distinct {@code ('storage', type, key, device, numel)} reference of the module tree. */
    private List<List<?>> storageRefs() {
        Map<String, List<?>> byKey = new LinkedHashMap<>();
        Deque<Object> queue = new ArrayDeque<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        queue.add(root);
        while (!queue.isEmpty()) {
            Object o = queue.poll();
            if (o == null || !seen.add(o)) {
                continue;
            }
            if (o instanceof Pickle.Persistent p && p.id() instanceof List<?> ref && ref.size() >= 4
                    && "storage".equals(ref.get(0)) && ref.get(1) instanceof Pickle.Global) {
                byKey.putIfAbsent(String.valueOf(ref.get(2)), ref);
            } else if (o instanceof Pickle.Instance inst) {
                enqueue(queue, List.of(inst.state == null ? List.of() : inst.state));
            } else if (o instanceof Pickle.Call c) {
                enqueue(queue, c.args());
            } else if (o instanceof Map<?, ?> m) {
                enqueue(queue, m.values());
            } else if (o instanceof List<?> l) {
                enqueue(queue, l);
            }
        }
        return List.copyOf(byKey.values());
    }

    private static void enqueue(Deque<Object> queue, Collection<?> items) {
        for (Object o : items) {
            if (o != null) {
                queue.add(o);
            }
        }
    }

    private static Pickle.Call tensorCall(Object v) {
        return v instanceof Pickle.Call c && c.callable() instanceof Pickle.Global g
                && g.is("torch._utils", "_rebuild_tensor_v2") && c.args().size() >= 4 ? c : null;
    }

    private StoredTensor tensor(Pickle.Call call) {
        List<Object> args = call.args();
        List<?> ref = (List<?>) ((Pickle.Persistent) args.get(0)).id();
        String type = ((Pickle.Global) ref.get(1)).name();
        String key = String.valueOf(ref.get(2));
        long offset = (Long) args.get(1);
        List<?> size = (List<?>) args.get(2);
        long[] shape = new long[size.size()];
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (Long) size.get(i);
            n *= shape[i];
        }
        byte[] raw = storages.get(key);
        if (raw == null) {
            throw new IllegalStateException(file + ": storage data/" + key + " missing");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[(int) n];
        for (int i = 0; i < n; i++) {
            long at = offset + i; // contiguous buffers (attributes registered from Python are)
            values[i] = switch (type) {
                case "LongStorage" -> b.getLong((int) (8 * at));
                case "IntStorage" -> b.getInt((int) (4 * at));
                case "DoubleStorage" -> b.getDouble((int) (8 * at));
                case "FloatStorage" -> b.getFloat((int) (4 * at));
                default -> throw new IllegalStateException(file + ": attribute stored as " + type + " is not supported");
            };
        }
        return new StoredTensor(type, String.valueOf(ref.get(3)), shape, values);
    }
}

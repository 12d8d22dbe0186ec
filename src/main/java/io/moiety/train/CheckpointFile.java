package io.moiety.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.moiety.data.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes checkpoint files: a zip holding {@code checkpoint.json} ({@link CheckpointState})
 * and one {@code <part>.ndlist} per array group (DJL's {@link NDList#encode()} format, arrays named
 * by parameter): {@code weights} (the live weights in {@code last.ckpt}, the EMA weights of the best
 * epoch in {@code best.ckpt}), {@code ema} and {@code optimizer} (Adam moments). Written atomically
 * (temporary file + rename), so a run killed while writing leaves the previous checkpoint intact.
 */
public final class CheckpointFile {
    /** Current format version. */
    public static final int FORMAT_VERSION = 1;
    /** Array group holding the weights to predict with. */
    public static final String WEIGHTS = "weights";
    /** Array group holding the EMA weights. */
    public static final String EMA = "ema";
    /** Array group holding the optimiser moments. */
    public static final String OPTIMIZER = "optimizer";

    private static final String STATE_ENTRY = "checkpoint.json";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    /**
     * A checkpoint read back: its state and array groups (arrays in the caller's manager, each
     * owning its native storage).
     */
    public record Loaded(CheckpointState state, Map<String, Map<String, NDArray>> arrays) {
        /** The weights to predict with. */
        public Map<String, NDArray> weights() {
            Map<String, NDArray> w = arrays.get(WEIGHTS);
            if (w == null) {
                throw new IllegalStateException("checkpoint has no weights");
            }
            return w;
        }
    }

    private CheckpointFile() {}

    /** Writes {@code state} and the array groups to {@code file} atomically, replacing it. */
    public static void write(Path file, CheckpointState state, Map<String, Map<String, NDArray>> arrays)
            throws IOException {
        AtomicFile.write(file, true, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(STATE_ENTRY));
                JSON.writeValue(zip, state);
                zip.closeEntry();
                for (Map.Entry<String, Map<String, NDArray>> g : arrays.entrySet()) {
                    zip.putNextEntry(new ZipEntry(g.getKey() + ".ndlist"));
                    encodeOnHost(g.getValue(), zip);
                    zip.closeEntry();
                }
            }
        });
    }

    /**
     * Encodes arrays from host copies that are freed afterwards. DJL's encoder copies a GPU array to
     * the CPU itself, into a new sub-manager of the array's (long-lived) manager that nobody closes:
     * a leak of every parameter, EMA and Adam array at each checkpoint of a GPU run.
     */
    private static void encodeOnHost(Map<String, NDArray> arrays, OutputStream out) throws IOException {
        List<NDArray[]> copies = new ArrayList<>();
        try {
            Map<String, NDArray> host = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
                NDArray a = e.getValue();
                NDArray h = a.toDevice(Device.cpu(), false);
                if (h != a) {
                    copies.add(new NDArray[] {a, h});
                }
                host.put(e.getKey(), h);
            }
            Weights.toList(host).encode(out);
        } finally {
            for (NDArray[] c : copies) {
                // a device change puts the copy in a fresh sub-manager of the original's; close that
                if (c[1].getManager() != c[0].getManager()) {
                    c[1].getManager().close();
                } else {
                    c[1].close();
                }
            }
        }
    }

    private static IOException unreadable(Path file, IOException e) {
        return new IOException(file + (e instanceof java.io.EOFException
                ? ": truncated checkpoint, the file ends early (interrupted copy or write?): "
                : ": not a readable checkpoint: ") + e.getMessage(), e);
    }

    /** Reads only the state (no arrays): cheap, for inspecting a run directory. */
    public static CheckpointState readState(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(STATE_ENTRY)) {
                    return parseState(file, zip);
                }
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw unreadable(file, e);
        }
        throw new IOException(file + ": not a Moiety checkpoint (no " + STATE_ENTRY + ")");
    }

    /** Reads the state and all array groups; arrays are created in {@code manager}. */
    public static Loaded read(Path file, NDManager manager) throws IOException {
        CheckpointState state = null;
        Map<String, Map<String, NDArray>> arrays = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.equals(STATE_ENTRY)) {
                    state = parseState(file, zip);
                } else if (name.endsWith(".ndlist")) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    zip.transferTo(bytes);
                    try {
                        NDList list = ownStorage(NDList.decode(manager, bytes.toByteArray()));
                        arrays.put(name.substring(0, name.length() - ".ndlist".length()), Weights.toMap(list));
                    } catch (RuntimeException ex) {
                        throw new IOException(file + ": entry " + name + " is damaged: " + ex.getMessage(), ex);
                    }
                }
            }
        } catch (EOFException | ZipException e) {
            throw unreadable(file, e);
        }
        if (state == null) {
            throw new IOException(file + ": not a Moiety checkpoint (no " + STATE_ENTRY + ")");
        }
        return new Loaded(state, arrays);
    }

    /**
     * Copies decoded arrays into storage of their own and closes the decoded ones: DJL decodes into
     * arrays whose tensors point into a Java direct buffer that is freed when the array is closed and
     * the buffer collected, so any other handle on that memory (an alias made by {@code toDevice} on
     * the same device, for example) would outlive it.
     */
    private static NDList ownStorage(NDList decoded) {
        NDList out = new NDList(decoded.size());
        for (NDArray a : decoded) {
            out.add(a.duplicate());
            a.close();
        }
        return out;
    }

    private static CheckpointState parseState(Path file, InputStream in) throws IOException {
        CheckpointState s;
        try {
            s = JSON.readValue(in.readAllBytes(), CheckpointState.class);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw unreadable(file, e);
        } catch (IOException e) {
            throw new IOException(file + ": " + STATE_ENTRY + " is unreadable: " + e.getMessage(), e);
        }
        if (s.formatVersion() > FORMAT_VERSION) {
            throw new IOException(file + ": checkpoint format " + s.formatVersion()
                    + " is newer than this Moiety (reads up to " + FORMAT_VERSION + ")");
        }
        return s;
    }
}

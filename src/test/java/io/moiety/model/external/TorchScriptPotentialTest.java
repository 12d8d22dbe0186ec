package io.moiety.model.external;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.model.Prediction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deployed-model potentials against the same TorchScript modules evaluated in Python
 * ({@code src/test/python/make_external_models.py}): molecules, a cubic box and a triclinic cell
 * thinner than the cutoff, one frame per call and all frames in one batch.
 */
class TorchScriptPotentialTest {
    private static final double TOL = 1e-6;

    private static Path file(String model) {
        return model.equals("mace") ? ExternalModels.mace() : ExternalModels.nequip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mace", "nequip"})
    void energiesAndForcesEqualPython(String model) throws Exception {
        List<ExternalModels.Reference> refs = ExternalModels.references(model);
        for (int batch : new int[] {1, 16}) {
            ExternalOptions opts = new ExternalOptions(null, Double.NaN, List.of(), null, batch);
            try (TorchScriptPotential p = TorchScriptPotential.load("torchscript:" + model, file(model), opts, Device.cpu())) {
                assertEquals(Convention.valueOf(model.toUpperCase()), p.info().convention(), "convention told from the file");
                assertEquals(DataType.FLOAT64, p.info().dtype());
                List<Prediction> pred = p.predict(refs.stream().map(ExternalModels.Reference::frame).toList());
                for (int i = 0; i < refs.size(); i++) {
                    ExternalModels.Reference r = refs.get(i);
                    assertEquals(r.energy(), pred.get(i).energy(), TOL, model + " " + r.name() + " energy (batch " + batch + ")");
                    assertArrayEquals(r.forces(), pred.get(i).forces(), TOL, model + " " + r.name() + " forces (batch " + batch + ")");
                }
            }
        }
    }

    @Test
    void metadataReadFromTheFiles() throws Exception {
        ExternalModelInfo mace = ExternalModelInfo.resolve(TorchScriptArchive.read(ExternalModels.mace()), ExternalOptions.defaults());
        assertArrayEquals(new int[] {1, 6, 8}, mace.typeZ());
        assertEquals(4.0, mace.cutoff());
        ExternalModelInfo nequip = ExternalModelInfo.resolve(TorchScriptArchive.read(ExternalModels.nequip()), ExternalOptions.defaults());
        assertArrayEquals(new int[] {8, 1, 6}, nequip.typeZ(), "type_names O H C");
        assertEquals(3.5, nequip.cutoff());
        assertEquals(List.of("cpu"), List.copyOf(nequip.devices()));
    }

    /** An isolated atom has no edges: its energy is the model's per-element energy, its force zero. */
    @Test
    void isolatedAtomGivesTheElementEnergy() throws Exception {
        Structure h = Structure.molecule(new int[] {1}, new double[] {0.3, -0.2, 0.1});
        Structure farApart = Structure.molecule(new int[] {8, 1}, new double[] {0, 0, 0, 9, 0, 0});
        try (TorchScriptPotential p = TorchScriptPotential.load("m", ExternalModels.mace(), ExternalOptions.defaults(), Device.cpu())) {
            List<Prediction> pred = p.predict(List.of(Frame.of(h, Double.NaN, null), Frame.of(farApart, Double.NaN, null)));
            assertEquals(-13.6, pred.get(0).energy(), 1e-12);
            assertArrayEquals(new double[3], pred.get(0).forces(), 0.0);
            assertEquals(-2041.3 - 13.6, pred.get(1).energy(), 1e-9);
        }
    }

    @Test
    void elementOutsideTheTableIsNamed() throws Exception {
        Structure ammonia = Structure.molecule(new int[] {7, 1, 1, 1},
                new double[] {0, 0, 0, 0.94, 0, 0, -0.3, 0.9, 0, -0.3, -0.4, 0.8});
        try (TorchScriptPotential p = TorchScriptPotential.load("m", ExternalModels.mace(), ExternalOptions.defaults(), Device.cpu())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> p.predict(List.of(Frame.of(ammonia, Double.NaN, null))));
            assertTrue(e.getMessage().contains("element N (Z=7)") && e.getMessage().contains("[H, C, O]"), e.getMessage());
        }
    }

    /** A file saved from the GPU (storages on cuda:0) runs on the CPU engine: tensors are mapped on load. */
    @Test
    void gpuSavedFileIsMappedToTheCpu(@TempDir Path dir) throws Exception {
        Path gpu = dir.resolve("gpu_compiled.model");
        rewrite(ExternalModels.mace(), gpu, (name, data) -> name.endsWith("/data.pkl") ? replace(data, "cpu", "cuda:0") : data);
        List<ExternalModels.Reference> refs = ExternalModels.references("mace");
        try (TorchScriptPotential p = TorchScriptPotential.load("gpu", gpu, ExternalOptions.defaults(), Device.cpu())) {
            assertEquals(List.of("cuda:0"), List.copyOf(p.info().devices()));
            Prediction first = p.predict(List.of(refs.get(0).frame())).get(0);
            assertEquals(refs.get(0).energy(), first.energy(), TOL);
        }
    }

    @Test
    void fileFromANewerPyTorchSaysSo(@TempDir Path dir) throws Exception {
        Path newer = dir.resolve("newer.pth");
        rewrite(ExternalModels.nequip(), newer, (name, data) -> name.endsWith("/version") ? "99\n".getBytes(StandardCharsets.US_ASCII)
                : name.endsWith("extra/torch_version") ? "9.1.0".getBytes(StandardCharsets.US_ASCII) : data);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchScriptPotential.load("m", newer, ExternalOptions.defaults(), Device.cpu()));
        assertTrue(e.getMessage().contains("cannot load this TorchScript file") && e.getMessage().contains("saved by torch 9.1.0")
                && e.getMessage().contains("PyTorch 2.7.1 or older"), e.getMessage());
        Path text = dir.resolve("notes.model");
        Files.writeString(text, "not a model");
        IOException io = assertThrows(IOException.class, () -> TorchScriptPotential.load("m", text, ExternalOptions.defaults(), Device.cpu()));
        assertTrue(io.getMessage().contains("not a TorchScript file"), io.getMessage());
    }

    private static byte[] replace(byte[] pickle, String from, String to) {
        // BINUNICODE: 'X', 4-byte little-endian length, UTF-8 text
        byte[] a = binUnicode(from);
        byte[] b = binUnicode(to);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < pickle.length; ) {
            if (i + a.length <= pickle.length && Arrays.equals(Arrays.copyOfRange(pickle, i, i + a.length), a)) {
                out.writeBytes(b);
                i += a.length;
            } else {
                out.write(pickle[i++]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] binUnicode(String s) {
        byte[] t = s.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(5 + t.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'X').putInt(t.length).put(t);
        return b.array();
    }

    /** Copies a TorchScript zip, passing every entry through {@code edit} (stored, uncompressed). */
    private static void rewrite(Path from, Path to, BiFunction<String, byte[], byte[]> edit) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] data = edit.apply(e.getName(), in.getInputStream(e).readAllBytes());
                ZipEntry n = new ZipEntry(e.getName());
                n.setMethod(ZipEntry.STORED);
                n.setSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                n.setCrc(crc.getValue());
                out.putNextEntry(n);
                out.write(data);
                out.closeEntry();
            }
        }
    }

    @Test
    void wrongConventionSuggestsTheRightOne() {
        ExternalOptions asMace = new ExternalOptions(Convention.MACE, Double.NaN, List.of(), null, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchScriptPotential.load("m", ExternalModels.nequip(), asMace, Device.cpu()));
        assertTrue(e.getMessage().contains("try --convention nequip"), e.getMessage());
        ExternalOptions asNequip = new ExternalOptions(Convention.NEQUIP, Double.NaN, List.of(), null, 4);
        e = assertThrows(IllegalArgumentException.class,
                () -> TorchScriptPotential.load("m", ExternalModels.mace(), asNequip, Device.cpu()));
        assertTrue(e.getMessage().contains("try --convention mace"), e.getMessage());
    }
}

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
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

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

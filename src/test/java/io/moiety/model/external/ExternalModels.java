package io.moiety.model.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tiny TorchScript models and Python reference values written by
 * {@code src/test/python/make_external_models.py} (test resources under {@code io/moiety/model/external/}).
 */
final class ExternalModels {
    static final String DIR = "/io/moiety/model/external/";

    /** A reference structure with the Python model's energy (eV) and forces (eV/Å). */
    record Reference(String name, Structure structure, double energy, double[] forces) {
        Frame frame() { return Frame.of(structure, Double.NaN, null); }
    }

    private ExternalModels() {}

    static Path file(String name) {
        try {
            return Path.of(ExternalModels.class.getResource(DIR + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path mace() { return file("tiny_mace_compiled.model"); }

    static Path nequip() { return file("tiny_nequip_deployed.pth"); }

    static JsonNode json() {
        try {
            return new ObjectMapper().readTree(file("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reference values of {@code model} ({@code mace} or {@code nequip}), in file order. */
    static List<Reference> references(String model) {
        JsonNode root = json();
        Map<String, Structure> structures = new LinkedHashMap<>();
        for (JsonNode s : root.get("structures")) {
            structures.put(s.get("name").asText(), structure(s));
        }
        List<Reference> out = new ArrayList<>();
        for (JsonNode v : root.get(model).get("values")) {
            out.add(new Reference(v.get("name").asText(), structures.get(v.get("name").asText()), v.get("energy").asDouble(),
                    doubles(v.get("forces"))));
        }
        return out;
    }

    private static Structure structure(JsonNode s) {
        int[] z = new int[s.get("numbers").size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = s.get("numbers").get(i).asInt();
        }
        double[] pos = new double[3 * z.length];
        for (int i = 0; i < z.length; i++) {
            for (int k = 0; k < 3; k++) {
                pos[3 * i + k] = s.get("positions").get(i).get(k).asDouble();
            }
        }
        JsonNode c = s.get("cell");
        if (c == null || c.isNull()) {
            return Structure.molecule(z, pos);
        }
        double[] cell = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                cell[3 * i + k] = c.get(i).get(k).asDouble();
            }
        }
        return new Structure(z, pos, 0, 1, cell);
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}

package io.moiety.model.external;

import ai.djl.ndarray.types.DataType;
import io.moiety.chem.Element;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Moiety needs to feed a deployed model, resolved from its file and the user's options
 * (options win): the convention, the element of each model type, the cutoff and the dtype.
 *
 * @param convention input convention
 * @param typeZ      atomic number of each model type in the model's order (−1: a type that is not
 *                   one of Moiety's elements, so no atom maps to it)
 * @param typeNames  the model's names of its types (element symbols or NequIP type names)
 * @param cutoff     neighbour cutoff (Å)
 * @param dtype      floating-point type of the inputs
 * @param devices    devices the file's tensors were saved on
 * @param origin     where each value came from, for logs and reports
 */
public record ExternalModelInfo(Convention convention, int[] typeZ, List<String> typeNames, double cutoff, DataType dtype,
                                Set<String> devices, String origin) {

    private static final List<String> MACE_BUFFERS = List.of("atomic_numbers", "r_max");

    /** Resolves everything from {@code archive} and {@code options}; errors say what to give. */
    public static ExternalModelInfo resolve(TorchScriptArchive archive, ExternalOptions options) {
        String file = archive.file().toString();
        Optional<Map<String, TorchScriptArchive.StoredTensor>> mace = archive.attributes(MACE_BUFFERS);
        Map<String, String> extra = archive.extraFiles();
        boolean nequip = extra.containsKey("type_names") || extra.containsKey("nequip_version");
        Convention convention = options.convention();
        if (convention == null) {
            if (mace.isPresent()) {
                convention = Convention.MACE;
            } else if (nequip) {
                convention = Convention.NEQUIP;
            } else {
                throw new IllegalArgumentException(file + ": cannot tell which convention this model follows (no MACE "
                        + "atomic_numbers/r_max buffers, no NequIP metadata); give --convention mace|nequip with "
                        + "--elements and --cutoff");
            }
        } else if (convention == Convention.MACE && mace.isEmpty() && nequip) {
            throw new IllegalArgumentException(file + ": this looks like a NequIP/Allegro model (its metadata has "
                    + describe(extra) + ") and has no MACE atomic_numbers buffer; try --convention nequip");
        } else if (convention == Convention.NEQUIP && !nequip && mace.isPresent()) {
            throw new IllegalArgumentException(file + ": this looks like a MACE model (it has MACE's atomic_numbers "
                    + Arrays.toString(ints(mace.get().get("atomic_numbers").values())) + " and r_max buffers) and no "
                    + "NequIP metadata; try --convention mace");
        }

        List<String> origin = new ArrayList<>();
        List<String> names;
        int[] typeZ;
        double cutoff;
        DataType dtype = null;
        if (convention == Convention.MACE && mace.isPresent()) {
            typeZ = ints(mace.get().get("atomic_numbers").values());
            names = new ArrayList<>();
            for (int z : typeZ) {
                names.add(Element.isKnown(z) ? Element.ofZ(z).symbol() : "Z" + z);
            }
            TorchScriptArchive.StoredTensor rMax = mace.get().get("r_max");
            cutoff = rMax.values()[0];
            dtype = switch (rMax.storage()) {
                case "DoubleStorage" -> DataType.FLOAT64;
                case "FloatStorage" -> DataType.FLOAT32;
                default -> null;
            };
            origin.add("atomic_numbers, r_max and dtype from the model's buffers");
        } else if (convention == Convention.NEQUIP && extra.containsKey("type_names")) {
            names = ExternalOptions.symbols(extra.get("type_names"));
            typeZ = new int[names.size()];
            for (int i = 0; i < typeZ.length; i++) {
                typeZ[i] = zOf(names.get(i));
            }
            cutoff = extra.containsKey("r_max") ? Double.parseDouble(extra.get("r_max").trim()) : Double.NaN;
            if (extra.containsKey("model_dtype")) {
                dtype = parseDtype(extra.get("model_dtype").trim());
            }
            origin.add("type_names" + (extra.containsKey("r_max") ? " and r_max" : "") + " from the file's metadata");
        } else {
            names = List.of();
            typeZ = new int[0];
            cutoff = Double.NaN;
        }
        if (!options.elements().isEmpty()) {
            if (typeZ.length > 0 && options.elements().size() != typeZ.length) {
                throw new IllegalArgumentException(file + ": --elements lists " + options.elements().size()
                        + " elements but the model has " + typeZ.length + " types " + names);
            }
            names = options.elements();
            typeZ = new int[names.size()];
            for (int i = 0; i < typeZ.length; i++) {
                typeZ[i] = zOf(names.get(i));
                if (typeZ[i] < 0 && !names.get(i).matches("[A-Z][a-z]{0,2}")) {
                    throw new IllegalArgumentException(file + ": --elements: '" + names.get(i) + "' is not an element symbol");
                }
            }
            origin.add("elements from the options");
        }
        if (!Double.isNaN(options.cutoff())) {
            cutoff = options.cutoff();
            origin.add("cutoff from the options");
        }
        if (options.dtype() != null) {
            dtype = parseDtype(options.dtype());
            origin.add("dtype from the options");
        }
        if (dtype == null) {
            dtype = dominantFloat(archive.storageBytes());
            origin.add("dtype from the parameters' storage type");
        }
        if (typeZ.length == 0) {
            throw new IllegalArgumentException(file + ": the model's elements are unknown (no "
                    + (convention == Convention.MACE ? "atomic_numbers buffer" : "type_names metadata")
                    + "); give --elements in the model's type order");
        }
        if (Arrays.stream(typeZ).allMatch(z -> z < 0)) {
            throw new IllegalArgumentException(file + ": none of the model's types " + names + " is an element symbol "
                    + "Moiety knows; give --elements with the element of each type, in order");
        }
        if (Double.isNaN(cutoff)) {
            throw new IllegalArgumentException(file + ": the model's cutoff is unknown (no r_max in the file); give --cutoff (Å)");
        }
        return new ExternalModelInfo(convention, typeZ, List.copyOf(names), cutoff, dtype, archive.storageDevices(),
                String.join("; ", origin));
    }

    /** Type index of each atomic number (−1 where the model has no type for it). */
    int[] typeIndexByZ() {
        int[] index = new int[Element.maxZ() + 1];
        Arrays.fill(index, -1);
        for (int t = 0; t < typeZ.length; t++) {
            if (typeZ[t] > 0 && typeZ[t] < index.length && index[typeZ[t]] < 0) {
                index[typeZ[t]] = t;
            }
        }
        return index;
    }

    /** e.g. {@code mace, elements [H, C, O], cutoff 4.0 Å, float64}. */
    public String summary() {
        return String.format(Locale.ROOT, "%s convention, elements %s, cutoff %s Å, %s", convention.label(), typeNames,
                cutoff, dtype == DataType.FLOAT64 ? "float64" : "float32");
    }

    private static int zOf(String symbol) {
        try {
            return Element.ofSymbol(symbol).z();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static int[] ints(double[] v) {
        return Arrays.stream(v).mapToInt(x -> (int) Math.round(x)).toArray();
    }

    private static DataType parseDtype(String s) {
        return switch (s) {
            case "float64", "double" -> DataType.FLOAT64;
            case "float32", "float" -> DataType.FLOAT32;
            default -> throw new IllegalArgumentException("dtype must be float32 or float64, got '" + s + "'");
        };
    }

    private static DataType dominantFloat(Map<String, Long> bytes) {
        long f64 = bytes.getOrDefault("DoubleStorage", 0L);
        long f32 = bytes.getOrDefault("FloatStorage", 0L);
        return f64 > f32 ? DataType.FLOAT64 : DataType.FLOAT32;
    }

    private static String describe(Map<String, String> extra) {
        List<String> parts = new ArrayList<>();
        for (String k : List.of("nequip_version", "type_names", "r_max")) {
            if (extra.containsKey(k)) {
                parts.add(k + "=" + extra.get(k).trim());
            }
        }
        return String.join(", ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExternalModelInfo i && convention == i.convention && Arrays.equals(typeZ, i.typeZ)
                && typeNames.equals(i.typeNames) && Double.compare(cutoff, i.cutoff) == 0 && dtype == i.dtype
                && devices.equals(i.devices) && origin.equals(i.origin);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(typeZ) * 31 + typeNames.hashCode();
    }

    @Override
    public String toString() {
        return summary();
    }
}

package io.moiety.model.external;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The input dictionary a deployed model's {@code forward(data: Dict[str, Tensor])} expects, and
 * the output keys of its total energy (eV) and forces (eV/Å).
 */
public enum Convention {
    /**
     * MACE ({@code *_compiled.model}, foundation models): {@code positions [N,3]}, one-hot
     * {@code node_attrs [N,T]} over the model's {@code atomic_numbers}, {@code edge_index [2,E]}
     * (sender, receiver), Cartesian {@code shifts [E,3]}, {@code unit_shifts [E,3]},
     * {@code cell [3G,3]}, {@code batch [N]}, {@code ptr [G+1]}, {@code head [G]} (head 0);
     * returns {@code energy [G]} and {@code forces [N,3]}.
     */
    MACE("energy", "forces"),
    /**
     * NequIP/Allegro deployed models: {@code pos [N,3]}, {@code edge_index [2,E]},
     * {@code atom_types [N]} (indices into the model's {@code type_names}), {@code cell [G,3,3]},
     * {@code edge_cell_shift [E,3]} (integer translations), {@code pbc [G,3]}, {@code batch [N]},
     * {@code ptr [G+1]}; returns {@code total_energy [G,1]} and {@code forces [N,3]}.
     */
    NEQUIP("total_energy", "forces");

    private final String energyKey;
    private final String forcesKey;

    Convention(String energyKey, String forcesKey) {
        this.energyKey = energyKey;
        this.forcesKey = forcesKey;
    }

    /** Output key of the total energies. */
    public String energyKey() { return energyKey; }

    /** Output key of the forces. */
    public String forcesKey() { return forcesKey; }

    /** Lower-case name used on the command line and in suites ({@code mace}, {@code nequip}). */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** {@code mace} or {@code nequip} (also {@code allegro}), case-insensitive. */
    public static Convention parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "mace" -> MACE;
            case "nequip", "allegro" -> NEQUIP;
            default -> throw new IllegalArgumentException("unknown convention '" + s + "' (valid: mace, nequip)");
        };
    }

    /**
     * The input dictionary for {@code graph}.
     *
     * @param types     type index of each atom (column of the one-hot / entry of the type names)
     * @param typeCount number of types the model knows
     * @param dtype     the model's floating-point type
     */
    Map<String, NDArray> inputs(GraphArrays graph, int[] types, int typeCount, NDManager m, DataType dtype) {
        int n = graph.atoms();
        int e = graph.edges();
        int g = graph.graphs();
        Map<String, NDArray> in = new LinkedHashMap<>();
        NDArray edgeIndex = m.create(graph.edgeIndex(), new Shape(2, e));
        NDArray batch = m.create(graph.batch(), new Shape(n));
        NDArray ptr = m.create(graph.ptr(), new Shape(g + 1));
        if (this == MACE) {
            double[] oneHot = new double[n * typeCount];
            for (int i = 0; i < n; i++) {
                oneHot[i * typeCount + types[i]] = 1.0;
            }
            in.put("positions", real(m, graph.positions(), new Shape(n, 3), dtype));
            in.put("node_attrs", real(m, oneHot, new Shape(n, typeCount), dtype));
            in.put("edge_index", edgeIndex);
            in.put("shifts", real(m, graph.shifts(), new Shape(e, 3), dtype));
            in.put("unit_shifts", real(m, graph.unitShifts(), new Shape(e, 3), dtype));
            in.put("cell", real(m, graph.cells(), new Shape(3L * g, 3), dtype));
            in.put("batch", batch);
            in.put("ptr", ptr);
            in.put("head", m.zeros(new Shape(g), DataType.INT64));
        } else {
            long[] atomTypes = Arrays.stream(types).asLongStream().toArray();
            in.put("pos", real(m, graph.positions(), new Shape(n, 3), dtype));
            in.put("edge_index", edgeIndex);
            in.put("atom_types", m.create(atomTypes, new Shape(n)));
            in.put("cell", real(m, graph.cells(), new Shape(g, 3, 3), dtype));
            in.put("edge_cell_shift", real(m, graph.unitShifts(), new Shape(e, 3), dtype));
            in.put("pbc", m.create(graph.pbc(), new Shape(g, 3)));
            in.put("batch", batch);
            in.put("ptr", ptr);
        }
        return in;
    }

    private static NDArray real(NDManager m, double[] values, Shape shape, DataType dtype) {
        NDArray a = m.create(values, shape);
        return dtype == DataType.FLOAT64 ? a : a.toType(dtype, false);
    }
}

package io.moiety.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.moiety.chem.Structure;
import io.moiety.model.EnergyModel;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.GradMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Network} view of an {@link EnergyModel}: parameters of its DJL block by name, and a
 * forward pass building the batch graph in the caller's step manager with conservative forces
 * (graph kept for the force loss when training). Grad mode is switched on for the pass so that
 * forces can be taken at validation too.
 */
public final class EnergyModelNetwork implements Network {
    private final String name;
    private final EnergyModel model;
    private final Map<String, NDArray> parameters;

    public EnergyModelNetwork(String name, EnergyModel model) {
        this.name = name;
        this.model = model;
        Map<String, NDArray> p = new LinkedHashMap<>();
        for (Pair<String, Parameter> e : model.block().getParameters()) {
            if (e.getValue().requiresGradient()) {
                NDArray a = e.getValue().getArray();
                if (!a.hasGradient()) {
                    a.setRequiresGradient(true);
                }
                p.put(e.getKey(), a);
            }
        }
        this.parameters = Collections.unmodifiableMap(p);
    }

    /** The wrapped model. */
    public EnergyModel model() { return model; }

    @Override
    public String name() { return name; }

    @Override
    public DataType dataType() { return model.dtype(); }

    @Override
    public Map<String, NDArray> parameters() { return parameters; }

    @Override
    public Output forward(List<Structure> structures, NDManager parent, boolean training) {
        try (GradMode g = GradMode.enabled()) {
            GraphBatch batch = model.batch(structures, parent, true);
            EnergyModel.Output o = model.forward(batch, new ParameterStore(batch.manager(), false), training, true);
            return new Output(o.relativeEnergies(), o.referenceEnergies(), o.forces());
        }
    }
}

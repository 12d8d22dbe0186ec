package io.moiety.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class GradientsTest {

    @Test
    void gradientsAreReadWithoutLeaksAndZeroed() {
        try (NDManager model = NDManager.newBaseManager()) {
            Dense d = new Dense(2, 1, true);
            d.initialize(model, DataType.FLOAT64);
            int before = model.getManagedArrays().size();
            double[] w = d.getParameters().get("weight").getArray().toDoubleArray();
            for (int step = 0; step < 3; step++) {
                try (NDManager stepManager = model.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    Constants c = new Constants(stepManager, DataType.FLOAT64);
                    NDArray x = c.array(new double[] {1, 2, 3, 4}, new Shape(2, 2));
                    NDArray y = d.apply(new ParameterStore(stepManager, false), x, true).sum();
                    gc.backward(y);
                    // dy/dW = column sums of x, dy/db = number of rows: the same every step once zeroed
                    assertArrayEquals(new double[] {4, 6}, Gradients.of(d.getParameters().get("weight"), stepManager).toDoubleArray(), 1e-12);
                    assertArrayEquals(new double[] {2}, Gradients.of(d.getParameters().get("bias"), stepManager).toDoubleArray(), 1e-12);
                    Gradients.zero(d);
                    assertArrayEquals(new double[2], Gradients.of(d.getParameters().get("weight"), stepManager).toDoubleArray(), 0.0);
                }
            }
            assertEquals(before, model.getManagedArrays().size(), "no arrays may accumulate in the model's manager");
            assertArrayEquals(w, d.getParameters().get("weight").getArray().toDoubleArray(), 0.0);
        }
    }
}

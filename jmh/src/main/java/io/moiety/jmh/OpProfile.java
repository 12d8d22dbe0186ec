package io.moiety.jmh;

import ai.djl.pytorch.jni.JniUtils;
import io.moiety.chem.Structure;
import io.moiety.model.Devices;
import io.moiety.model.EnergyModel;
import io.moiety.model.ModelConfig;
import java.io.IOException;
import java.util.List;

/**
 * Records PyTorch's operator profiler (through DJL) over a few training steps or inference calls
 * and writes a Chrome trace; {@code benchmarks/peer/op_table.py} turns it into a per-operator
 * table to set beside the PyTorch peer's. For finding where Moiety spends its time, not for timing.
 *
 * <pre>java -cp jmh/target/benchmarks.jar io.moiety.jmh.OpProfile painn-small alkanes32 train 5 /tmp/moiety-trace.json</pre>
 */
public final class OpProfile {
    private OpProfile() {}

    public static void main(String[] args) throws IOException {
        String model = args.length > 0 ? args[0] : "painn-small";
        String system = args.length > 1 ? args[1] : "alkanes32";
        String mode = args.length > 2 ? args[2] : "train";
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String out = args.length > 4 ? args[4] : "moiety-trace.json";
        ModelState.pinThreads(1);
        List<Structure> structures = PeerTiming.system(system);
        try (EnergyModel m = EnergyModel.create(ModelConfig.load(model), Devices.select("cpu"), 1);
             PeerTrainStep train = new PeerTrainStep(m, structures, 4.0, 100.0, 7)) {
            for (int i = 0; i < 3; i++) {
                run(m, train, structures, mode);
            }
            JniUtils.startProfile(false, false, false);
            for (int i = 0; i < steps; i++) {
                run(m, train, structures, mode);
            }
            JniUtils.stopProfile(out);
        }
        System.out.println("wrote " + out);
    }

    private static void run(EnergyModel m, PeerTrainStep train, List<Structure> structures, String mode) {
        if (mode.equals("train")) {
            train.run();
        } else {
            m.predict(structures, structures.size());
        }
    }
}

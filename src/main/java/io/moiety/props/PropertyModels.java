package io.moiety.props;

import io.moiety.descriptors.PropertyTable;
import java.util.ArrayList;
import java.util.List;

/** Builds property models by command-line name. */
public final class PropertyModels {
    /** Every name {@link #parse} accepts, in report order. */
    public static final List<String> NAMES = List.of("ilr", "lr", "nlr", "nlr-paper", "ols", "ridge", "mlp",
            "fingerprint", "ilr+krr");

    private PropertyModels() {}

    /**
     * Models named in {@code list} (comma-separated). The ILR design's category filter is decided on
     * {@code all} (every molecule of the dataset), as in the paper.
     */
    public static List<PropertyModel> parse(String list, PropertyTable all) {
        IlrDesign design = IlrDesign.select(all);
        List<PropertyModel> out = new ArrayList<>();
        for (String raw : list.split(",")) {
            String name = raw.trim();
            out.add(switch (name) {
                case "ilr" -> PlsRegression.ilr(design, 8);
                case "lr" -> PlsRegression.lr(8);
                case "nlr" -> KernelRidgeRegression.crossValidated("nlr");
                case "nlr-paper" -> KernelRidgeRegression.fixed("nlr-paper", KernelRidgeRegression.PAPER_ALPHA,
                        KernelRidgeRegression.PAPER_GAMMA);
                case "ols" -> RidgeRegression.ordinary();
                case "ridge" -> RidgeRegression.crossValidated();
                case "mlp" -> NeuralNetworkRegression.defaults();
                case "fingerprint" -> new FingerprintRidge();
                case "ilr+krr" -> new IlrWithResidualKernel(PlsRegression.ilr(design, 8));
                default -> throw new IllegalArgumentException("unknown model '" + name + "'; valid models: "
                        + String.join(", ", NAMES));
            });
        }
        return out;
    }
}

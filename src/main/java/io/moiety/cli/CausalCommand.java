package io.moiety.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code moiety causal}: causal discovery, active causal learning and designed interventions. */
@Command(name = "causal",
        mixinStandardHelpOptions = true,
        description = {
            "Causal graphs, active causal learning and designs by intervention.",
            "",
            "Learn cause-effect relations between molecular descriptors and a property from",
            "few molecules, then intervene on the causes to design molecules (Fox & Ghosh,",
            "arXiv 2404.04224). Descriptors are computed with CDK from SMILES; the causal",
            "graph is a DirectLiNGAM fit with adaptive-lasso edge weights (see",
            "docs/causal.md).",
            ""},
        subcommands = {
            CommandLine.HelpCommand.class,
            CausalDiscoverCommand.class,
            CausalActiveCommand.class,
            CausalDesignCommand.class,
            CausalCalibrateCommand.class,
        })
public final class CausalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

package io.moiety.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code moiety props}: small-data molecular property prediction. A parent command only: its
 * subcommands compute descriptors and benchmark property models.
 */
@Command(name = "props",
        mixinStandardHelpOptions = true,
        description = {
            "Predict a molecular property from a few hundred measured molecules and test how well",
            "the models extrapolate beyond the range and the chemistry of the data.",
            "Run 'moiety props SUBCOMMAND --help' for each step."},
        subcommands = {
            CommandLine.HelpCommand.class,
            PropsDescriptorsCommand.class,
            PropsBenchCommand.class,
        })
public final class PropsCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

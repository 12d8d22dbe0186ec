package io.moiety.spark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code moiety-spark props}: the property jobs whose per-molecule work runs as Spark tasks. */
@Command(name = "props",
        mixinStandardHelpOptions = true,
        description = "Property-extrapolation jobs on Spark (descriptors; the models run on the driver with `moiety props bench`).",
        subcommands = SparkPropsDescriptorsCommand.class)
public final class SparkPropsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

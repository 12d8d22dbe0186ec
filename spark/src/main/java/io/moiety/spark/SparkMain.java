package io.moiety.spark;

import io.moiety.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code moiety-spark} command line: Moiety's long jobs with Apache Spark as the work engine. */
@Command(name = "moiety-spark",
        mixinStandardHelpOptions = true,
        description = {
            "Moiety's labelling and benchmark jobs on Apache Spark: local[N], standalone,",
            "YARN or Kubernetes (docs/scale.md)."},
        subcommands = {
            CommandLine.HelpCommand.class,
            SparkGenerateCommand.class,
            SparkBenchCommand.class,
            SparkPropsCommand.class,
        })
public final class SparkMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with the error handling of {@code moiety}. */
    public static CommandLine commandLine() {
        CommandLine moiety = Main.commandLine();
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setExecutionExceptionHandler(moiety.getExecutionExceptionHandler());
        cl.setParameterExceptionHandler(moiety.getParameterExceptionHandler());
        return cl;
    }

    public static void main(String[] args) {
        // Spark logs through log4j2; the main jar also carries logback: choose, without a warning
        System.setProperty("slf4j.provider", "org.apache.logging.slf4j.SLF4JServiceProvider");
        System.exit(commandLine().execute(args));
    }
}

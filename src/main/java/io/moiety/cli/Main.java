package io.moiety.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code moiety} command line. Each subcommand lives in its own class in this package;
 * register a subcommand here only once it works end to end.
 */
@Command(name = "moiety",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Train machine-learning interatomic potentials and test whether they compose:",
            "in-distribution vs out-of-distribution errors on compositional molecular tasks.",
            "Units everywhere: Å, eV, eV/Å."},
        subcommands = {
            CommandLine.HelpCommand.class,
            InspectCommand.class,
            ConvertCommand.class,
            TasksCommand.class,
            GenerateCommand.class,
            TrainCommand.class,
            PredictCommand.class,
            BenchCommand.class,
            CausalCommand.class,
            PropsCommand.class,
        })
public final class Main implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line with Moiety's error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionStrategy(parsed -> {
            if (MallocCheck.appliesTo(parsed)) {
                MallocCheck.warning(System.getProperty("os.name"), System.getenv()).ifPresent(LOG::warn);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + ErrorLine.of(ex)));
            if (System.getenv("MOIETY_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            return ExitCode.ERROR.code();
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
            cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE.code();
        });
        return cl;
    }

    public static void main(String[] args) {
        ThreadsOption.applyDefaults();
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("error: out of memory (Java heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB); run with more heap, e.g. java -Xmx8g -jar moiety.jar ...");
            code = ExitCode.OUT_OF_MEMORY.code();
        }
        System.exit(code);
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"moiety " + (v == null ? "dev" : v)};
        }
    }
}
